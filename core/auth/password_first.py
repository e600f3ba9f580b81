"""Staff whose password an admin set choose their own before any other page answers.

An admin knows the password they typed for a new account or a reset; until its owner replaces
it, that admin (or whoever read it over their shoulder) could act as them. An app-wide guard
sends such a session to the change page; only the routes marked `BEFORE_PASSWORD_CHANGE`
(sign-in, sign-out, the change page, the language switch) answer before that.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler

from core.web.guards import as_guard
from core.web.request_state import STATE_KEY

CHANGE_PASSWORD_URL = "/akun/kata-sandi"
BEFORE_PASSWORD_CHANGE = "before_password_change"
"""Route `opt` key of the handlers a session with an admin-set password may reach."""
CHANGE_FIRST = "Ganti dulu kata sandi yang diberikan admin sebelum membuka halaman lain."


def _password_changed_first(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    state = connection.scope.get("state", {}).get(STATE_KEY)
    principal = state.principal if state is not None else None
    if principal is None or not principal.must_change_password:
        return
    if handler.opt.get(BEFORE_PASSWORD_CHANGE):
        return
    raise NotAuthorizedException(CHANGE_FIRST, extra={"login_url": CHANGE_PASSWORD_URL})


password_changed_first = as_guard(_password_changed_first)
