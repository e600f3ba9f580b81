"""Public pages kept for a few seconds and served to visitors who are not signed in, without a
database transaction or a template.

A village's public site is read by anyone, mostly by people who are not signed in, and its pages
are the same for all of them but for two values of each visitor's own: the CSRF token in its
forms (the language switch) and the nonce of its `<style>`. A handler opts in with
`opt=PUBLIC_CACHE` beside the `public` guard. This middleware, the outermost, keeps the answer of
such a page per worker for `PUBLIC_CACHE_SECONDS` with both values marked, and answers the next
visitor from it with their own CSRF cookie's token (or a new one, with its cookie) and a fresh
nonce, gzipped as the app would gzip it.

- Only anonymous GETs: a request with a session cookie or an `Authorization` header always gets
  a fresh page (staff see their edits at once, a signed-in user sees their own menu).
- The key is the host, path, query, the visitor's language and the htmx headers that change
  what a page renders.
- Only a whole 200 HTML answer is kept, and only if it sets no cookie but the CSRF cookie.
- A write to a village (any other method under `/desa/<slug>/`) drops that village's pages in
  this worker; any other write drops them all. Another worker's copy ages out within
  `PUBLIC_CACHE_SECONDS`: that is how late a change may reach the public there.

The pages live in `app.state` like the other things a worker keeps.
"""

from __future__ import annotations

import gzip
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any, cast

from litestar.config.csrf import CSRFConfig
from litestar.datastructures import Cookie, Headers
from litestar.middleware.csrf import generate_csrf_token
from litestar.types import Empty, Receive
from litestar.utils.scope.state import ScopeState

from core import i18n
from core.auth.sessions import SESSION_COOKIE
from core.web.compression import GZIP_LEVEL, compression_config, is_text
from core.web.render import LANG_COOKIE
from core.web.request_state import request_cookie
from core.web.security_headers import NONCE_KEY

OPT_KEY = "public_cache"
PUBLIC_CACHE: dict[str, Any] = {OPT_KEY: True}
"""A route's `opt` for a public page that may be kept (with the `public` guard)."""
PUBLIC_CACHE_SECONDS = 30.0
MAX_PAGES = 1024
STATE_KEY = "kampung_public_pages"
TOKEN_MARK = b"\x00kampung-csrf\x00"
NONCE_MARK = b"\x00kampung-nonce\x00"
TOKEN_SHAPE = re.compile(r"[0-9a-f]{65,256}")
"""Litestar's CSRF tokens: a hex secret and its hex HMAC. A cookie of another shape is not put
into a page; the visitor gets a new token instead."""
COMPRESSION = compression_config()
KEY_HEADERS = ("hx-request", "hx-boosted", "hx-target", "hx-history-restore-request")
DROPPED_HEADERS = {b"content-length", b"content-encoding", b"set-cookie", b"vary"}
VILLAGE_PREFIX = "/desa/"
Scope = Any
"""The ASGI scope and messages, handled as plain dicts (their TypedDicts differ by type)."""
Message = dict[str, Any]
Send = Any


@dataclass(frozen=True, slots=True)
class Page:
    """A kept 200 answer."""

    stored_at: float
    headers: list[tuple[bytes, bytes]]
    body: bytes
    """With the CSRF token and the nonce of the answer it was kept from replaced by marks."""
    has_nonce: bool


class PublicPageCache:
    """The middleware (outermost, so a kept page costs no transaction)."""

    def __init__(self, app: Any, csrf: CSRFConfig) -> None:
        self.app = app
        self.csrf = csrf

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            _forget(scope)
            await self.app(scope, receive, send)
            return
        if not _keepable(scope):
            await self.app(scope, receive, send)
            return
        pages = _pages(scope)
        key = _key(scope)
        page = pages.get(key)
        if page is not None and time.monotonic() - page.stored_at < PUBLIC_CACHE_SECONDS:
            await self._serve(scope, send, page)
            return
        await self._fill(scope, receive, send, pages, key)

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, pages: dict[tuple[Any, ...], Page],
        key: tuple[Any, ...],
    ) -> None:  # fmt: skip
        """Let the app answer uncompressed, keep the answer if it may be kept, send it on."""
        accepted = scope["headers"]
        scope["headers"] = [(k, v) for k, v in accepted if k != b"accept-encoding"]
        state = ScopeState.from_scope(scope)
        parsed, state.headers = state.headers, Empty  # Litestar's parsed copy, read afresh
        messages: list[Message] = []

        async def hold(message: Message) -> None:
            messages.append(message)

        try:
            await self.app(scope, receive, hold)
        finally:
            scope["headers"], state.headers = accepted, parsed
        page = _keepable_answer(scope, messages, self.csrf.cookie_name)
        if page is None:
            for message in _compressed(scope, messages):
                await send(message)
            return
        if len(pages) >= MAX_PAGES:
            _prune(pages)
        pages[key] = page
        start = messages[0]
        cookies = [(k, v) for k, v in start.get("headers", []) if k.lower() == b"set-cookie"]
        token = _token(scope)
        nonce = str(scope.get("state", {}).get(NONCE_KEY, ""))
        await _send(scope, send, page, token, nonce, cookies)

    async def _serve(self, scope: Scope, send: Send, page: Page) -> None:
        cookie = request_cookie(scope, self.csrf.cookie_name)
        cookies: list[tuple[bytes, bytes]] = []
        if cookie is not None and TOKEN_SHAPE.fullmatch(cookie):
            token = cookie
        else:
            token = generate_csrf_token(secret=self.csrf.secret)
            set_cookie = Cookie(
                key=self.csrf.cookie_name,
                value=token,
                path=self.csrf.cookie_path,
                secure=self.csrf.cookie_secure,
                httponly=self.csrf.cookie_httponly,
                samesite=self.csrf.cookie_samesite,
                domain=self.csrf.cookie_domain,
            )
            cookies.append((b"set-cookie", set_cookie.to_header(header="").encode("latin-1")))
        nonce = ""
        if page.has_nonce:
            nonce = scope.setdefault("state", {})[NONCE_KEY] = secrets.token_urlsafe(16)
        await _send(scope, send, page, token, nonce, cookies)


def _keepable(scope: Scope) -> bool:
    handler = scope.get("route_handler")
    if handler is None or not handler.opt.get(OPT_KEY) or scope["method"] != "GET":
        return False
    headers = Headers.from_scope(scope)
    if "authorization" in headers:
        return False
    return request_cookie(scope, SESSION_COOKIE) is None


def _key(scope: Scope) -> tuple[Any, ...]:
    headers = Headers.from_scope(scope)
    kernel = scope["litestar_app"].state.kernel
    language = i18n.pick_language(request_cookie(scope, LANG_COOKIE), kernel.settings.language)
    return (
        headers.get("host", ""),
        scope["path"],
        scope.get("query_string", b""),
        language,
        tuple(headers.get(name, "") for name in KEY_HEADERS),
    )


def _keepable_answer(scope: Scope, messages: list[Message], csrf_cookie: str) -> Page | None:
    """The answer as a page to keep, or None: not a whole 200 HTML answer, or it sets a cookie
    of its own."""
    if len(messages) != 2 or messages[0]["type"] != "http.response.start":
        return None
    start, body = messages
    if start["status"] != 200 or body.get("more_body"):
        return None
    headers = start.get("headers", [])
    own_cookie = f"{csrf_cookie}=".encode()
    for name, value in headers:
        if name.lower() == b"set-cookie" and not value.startswith(own_cookie):
            return None
        if name.lower() == b"content-type" and not value.startswith(b"text/html"):
            return None
    content = bytes(body.get("body", b""))
    token = _token(scope).encode()
    nonce = str(scope.get("state", {}).get(NONCE_KEY, "")).encode()
    if token:
        content = content.replace(token, TOKEN_MARK)
    if nonce:
        content = content.replace(nonce, NONCE_MARK)
    kept = [(k, v) for k, v in headers if k.lower() not in DROPPED_HEADERS]
    return Page(time.monotonic(), kept, content, bool(nonce))


async def _send(
    scope: Scope, send: Send, page: Page, token: str, nonce: str,
    cookies: list[tuple[bytes, bytes]],
) -> None:  # fmt: skip
    body = page.body.replace(TOKEN_MARK, token.encode()).replace(NONCE_MARK, nonce.encode())
    headers = list(page.headers) + cookies
    message: Message = {"type": "http.response.start", "status": 200, "headers": headers}
    for compressed in _compressed(scope, [message, {"type": "http.response.body", "body": body}]):
        await send(compressed)


def _compressed(scope: Scope, messages: list[Message]) -> list[Message]:
    """The whole answer gzipped when the visitor takes gzip, by `core.web.compression`'s rules
    (text only, never to a cross-site request, from its minimum size); its length set either way.
    The app's own compression runs inside this middleware, so a kept page is kept plain."""
    if len(messages) != 2 or messages[1].get("more_body"):
        return messages
    start, body = messages
    content = bytes(body.get("body", b""))
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
    request = Headers.from_scope(scope)
    if (
        len(content) >= COMPRESSION.minimum_size
        and "gzip" in request.get("accept-encoding", "")
        and request.get("sec-fetch-site") != "cross-site"
        and is_text(cast(Any, {**start, "headers": headers}))
    ):
        content = gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)
        headers += [(b"content-encoding", b"gzip"), (b"vary", b"accept-encoding")]
    headers.append((b"content-length", str(len(content)).encode()))
    return [{**start, "headers": headers}, {"type": "http.response.body", "body": content}]


def _token(scope: Scope) -> str:
    """The CSRF token the app put into this answer's page."""
    token = ScopeState.from_scope(scope).csrf_token
    return token if isinstance(token, str) else ""


def _pages(scope: Scope) -> dict[tuple[Any, ...], Page]:
    state = scope["litestar_app"].state
    pages: dict[tuple[Any, ...], Page] | None = getattr(state, STATE_KEY, None)
    if pages is None:
        pages = {}
        setattr(state, STATE_KEY, pages)
    return pages


def _forget(scope: Scope) -> None:
    """A write: drop the written village's pages, or all of them for a write elsewhere."""
    pages: dict[tuple[Any, ...], Page] | None = getattr(
        scope["litestar_app"].state, STATE_KEY, None
    )
    if not pages:
        return
    path = scope["path"]
    if not path.startswith(VILLAGE_PREFIX):
        pages.clear()
        return
    prefix = VILLAGE_PREFIX + path[len(VILLAGE_PREFIX) :].split("/", 1)[0] + "/"
    for key in [key for key in pages if key[1].startswith(prefix) or key[1] == prefix[:-1]]:
        del pages[key]


def _prune(pages: dict[tuple[Any, ...], Page]) -> None:
    now = time.monotonic()
    for key in [k for k, page in pages.items() if now - page.stored_at >= PUBLIC_CACHE_SECONDS]:
        del pages[key]
    while len(pages) >= MAX_PAGES:
        del pages[next(iter(pages))]
