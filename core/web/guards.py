"""Guards every handler declares: the permission it needs, and that its plugin is on.

Each guard is written as a plain check and handed to Litestar as a coroutine (`as_guard`):
Litestar runs a plain-function guard in a worker thread, and a thread hand-off for each guard
of the app, the router and the handler cost more than a cached page's own work under load. The
plain check stays reachable as the guard's `check`, for a synchronous exception handler that must
apply a route's guards itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, NotFoundException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from core.auth.principal import has_permission
from core.web.request_state import request_state

Check = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], None]
Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]
DENIED = "Anda tidak berhak melakukan ini di wilayah ini."
NOT_SIGNED_IN = "Silakan masuk terlebih dahulu."


def as_guard(check: Check, permission: str | None = None) -> Guard:
    """`check` as a Litestar guard: a coroutine function, with `check` and `permission` kept."""

    async def guard(
        connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
    ) -> None:
        check(connection, handler)

    guard.check = check  # type: ignore[attr-defined]
    guard.permission = permission  # type: ignore[attr-defined]
    guard.__name__ = guard.__qualname__ = check.__name__
    guard.__doc__ = check.__doc__
    return guard


def requires(permission: str) -> Guard:
    """Allow the handler only to users whose roles in this tenant hold `permission`."""

    def check(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        state = request_state(connection)
        if state.principal is None:
            raise NotAuthorizedException(NOT_SIGNED_IN)
        if state.tenant is None or (state.tenant.kind == "village" and not state.tenant.onboarded):
            raise NotFoundException()
        kernel = connection.app.state.kernel
        if not has_permission(state.principal, state.tenant, permission, kernel.permissions):
            raise PermissionDeniedException(DENIED)

    return as_guard(check, permission)


def _signed_in(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Any signed-in staff user (pages outside a tenant, such as the home redirect)."""
    if request_state(connection).principal is None:
        raise NotAuthorizedException(NOT_SIGNED_IN)


signed_in = as_guard(_signed_in, "signed_in")


def _public(_: ASGIConnection[Any, Any, Any, Any], __: BaseRouteHandler) -> None:
    """Marks a handler anyone may reach; it checks its own access where it needs to."""


public = as_guard(_public, "public")

CITIZEN_PAGE = "citizen"
"""What a citizen-portal guard declares (`as_guard(check, CITIZEN_PAGE)`): a visitor is led to
sign in there and a citizen let in, while staff are turned away, so `may_open` hides its links
from staff."""


ROW_ID_MAX = 2**31 - 1
"""The largest id a row can have: Piccolo's `Serial` is a 4-byte integer on PostgreSQL."""


def _row_ids_exist(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """An id in the path that no row can have is not found: 404, not a database error.

    Every integer path parameter of the app is a row id; left alone, one past the column's range
    fails in the driver (SQLite: OverflowError; PostgreSQL: out of range), not as "no such row".
    """
    for value in connection.path_params.values():
        if isinstance(value, int) and not 0 < value <= ROW_ID_MAX:
            raise NotFoundException()


row_ids_exist = as_guard(_row_ids_exist)

MODULE_OFF = "Modul ini tidak aktif di desa ini."


def plugin_enabled(plugin: str) -> Guard:
    """A plugin's village routes answer 404 where it is off, to everyone, signed in or not."""

    def check(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        state = request_state(connection)
        tenant = state.tenant
        if tenant is None:
            raise NotFoundException()
        if tenant.kind == "village" and plugin not in state.effective_plugins:
            raise NotFoundException(MODULE_OFF)

    return as_guard(check)


def declared_permission(handler: BaseRouteHandler) -> str | None:
    """The permission a handler's guards declare (for meta-tests and the route listing)."""
    for guard in handler.resolve_guards():
        permission = getattr(getattr(guard, "func", guard), "permission", None)
        if permission:
            return str(permission)
    return None
