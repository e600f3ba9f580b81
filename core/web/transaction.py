"""One request, one transaction: resolve who and where, set the database scope, run, commit.

The response is held back until the transaction commits, so a client is never told "saved" about
a write that then failed to commit. A response of 400 or more rolls everything back, unless the
handler asked to keep its writes (failed sign-ins must still be counted). Streaming responses
(exports) pass straight through; they only read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from litestar.utils.scope.state import ScopeState
from piccolo.engine.sqlite import TransactionType

from core import i18n
from core.audit.disclosure import record_request
from core.auth.sessions import SESSION_COOKIE, load_session, touch_session
from core.auth.tokens import authenticate, bearer
from core.db.scope import clear_tenant_scope, set_tenant_scope
from core.db.undo import files_follow_transaction
from core.kernel import Kernel
from core.tenancy.enablement import effective_plugins
from core.tenancy.resolve import resolve_tenant
from core.web.errors import SQLITE_BUSY_KEY, is_sqlite_busy
from core.web.render import LANG_COOKIE
from core.web.request_state import STATE_KEY, STREAM_KEY, RequestState, request_cookie

UNSCOPED_PREFIXES = ("/static/", "/vendor/", "/schema")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

API_PREFIX = "/api/"
"""Only the JSON API accepts API tokens; pages know only sessions."""
TOKEN_REFUSED = "Token API tidak sah, sudah kedaluwarsa, atau sudah dicabut."


class _Rollback(Exception):
    pass


class RequestContext:
    """The middleware: the kernel is the app's (`app.state.kernel`), read per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or scope["path"].startswith(UNSCOPED_PREFIXES):
            await self.app(scope, receive, send)
            return
        kernel: Kernel = scope["litestar_app"].state.kernel
        sqlite = kernel.engine.engine_type == "sqlite"
        retry_read = sqlite and scope["method"] in SAFE_METHODS
        initial = dict(scope.get("state", {}))
        held = await self._attempt(
            kernel, scope, receive, send, immediate=sqlite and not retry_read
        )
        if retry_read and held is not None and scope["state"].get(SQLITE_BUSY_KEY):
            # A read that had to write (its disclosure, the session) after another process
            # committed: SQLite refuses the upgrade at once. Nothing was sent, nothing kept:
            # run it again holding the write lock from the start, waiting its turn.
            scope["state"] = dict(initial)
            held = await self._attempt(kernel, scope, receive, send, immediate=True)
        if held is not None:
            await _flush(held, send)

    async def _attempt(
        self, kernel: Kernel, scope: Scope, receive: Receive, send: Send, *, immediate: bool
    ) -> list[Message] | None:
        """Run the request in one transaction; the held answer, or None once it streamed."""
        held: list[Message] = []
        status = {"code": 0}
        forwarded = {"any": False}

        async def hold(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            if scope.get("state", {}).get(STREAM_KEY):
                forwarded["any"] = True
                await _flush(held, send)
                await send(message)
            else:
                held.append(message)

        try:
            async with files_follow_transaction(), _transaction(kernel, immediate):
                state = await self._resolve(kernel, scope)
                # The request's language is on while it is handled, not only while its page is
                # rendered: a message built by a handler (`_` in a form check, a widget, a flash)
                # reaches the page in the language the viewer chose.
                translator = _translator(scope)
                token = (
                    translator.activate(self._language(kernel, scope, state))
                    if translator
                    else None
                )
                try:
                    await self.app(scope, receive, hold)
                finally:
                    if translator is not None and token is not None:
                        translator.reset(token)
                if status["code"] >= 400 and not state.commit_on_error:
                    raise _Rollback
                await record_request(scope, status["code"])
                if state.session is not None:
                    await touch_session(state.session, state.now)
        except _Rollback:
            pass
        except Exception as exc:
            if not forwarded["any"]:
                if immediate is False and is_sqlite_busy(exc):
                    scope.setdefault("state", {})[SQLITE_BUSY_KEY] = True
                    return held
                # The held answer never left: Litestar's error handling must not think it did,
                # or a failed COMMIT reaches the client as a bare 500 instead of a 503.
                ScopeState.from_scope(scope).response_started = False
            raise
        return None if forwarded["any"] else held

    async def _resolve(self, kernel: Kernel, scope: Scope) -> RequestState:
        settings = kernel.settings
        now = datetime.now(UTC)
        presented = bearer(scope["headers"]) if scope["path"].startswith(API_PREFIX) else None
        api_token = None
        if presented is not None:
            api_token = await authenticate(presented, now, kernel.permissions)
            if api_token is None:
                raise NotAuthorizedException(TOKEN_REFUSED, headers={"WWW-Authenticate": "Bearer"})
            session = None
        else:
            session = await load_session(request_cookie(scope, SESSION_COOKIE), settings, now)
        tenant = await resolve_tenant(scope["path"], settings)
        state = RequestState(now=now, session=session, tenant=tenant, api_token=api_token)
        if tenant is not None and _may_see(state):
            await set_tenant_scope(kernel.engine, tenant.scope_code)
            if tenant.kind == "village":
                plugins = await effective_plugins(kernel.registry, tenant.code)
                state.effective_plugins = frozenset(plugins)
        elif tenant is not None and tenant.kind == "village":
            state.effective_plugins = frozenset(
                await self._plugins_for_visitor(kernel, tenant.code)
            )
        scope.setdefault("state", {})[STATE_KEY] = state
        return state

    def _language(self, kernel: Kernel, scope: Scope, state: RequestState) -> str:
        """The viewer's language, as `core.web.render.request_language` picks it."""
        chosen = state.session.data.get("lang") if state.session else None
        return i18n.pick_language(
            chosen, request_cookie(scope, LANG_COOKIE), kernel.settings.language
        )

    async def _plugins_for_visitor(self, kernel: Kernel, village_code: str) -> set[str]:
        """Which plugins are on, for a visitor who may see none of the village's rows: read under
        the village's scope, which is taken back before the handler runs. A switched-off plugin
        then answers 404 to everyone, not a sign-in page that tells it exists."""
        engine = kernel.engine
        await set_tenant_scope(engine, village_code)
        try:
            return await effective_plugins(kernel.registry, village_code)
        finally:
            await clear_tenant_scope(engine)


def _transaction(kernel: Kernel, immediate: bool) -> Any:
    engine = kernel.engine
    if engine.engine_type == "sqlite":
        kind = TransactionType.immediate if immediate else TransactionType.deferred
        return engine.transaction(transaction_type=kind)
    return engine.transaction()


def _may_see(state: RequestState) -> bool:
    """Only a user whose grants cover the tenant gets its rows (citizens: their own village)."""
    tenant = state.tenant
    if tenant is None:
        return False
    if state.principal is not None:
        return state.principal.can_enter(tenant)
    citizen = state.citizen_ref
    return (
        citizen is not None and tenant.kind == "village" and citizen.startswith(tenant.code + ":")
    )


def _translator(scope: Scope) -> i18n.Translator | None:
    app = scope.get("app")
    return getattr(getattr(app, "state", None), "translator", None)


async def _flush(held: list[Message], send: Send) -> None:
    while held:
        await send(held.pop(0))
