"""Whether the viewer of a page may open a link it shows: a link to a 403 is a dead button.

A link is judged by the route it reaches and the permission that route's guards declare
(`declared_permission`), the same permission the guard will check when the link is followed.
Dashboard widgets are judged by the core; templates ask `may_open(url)` before showing a link to
a page only some roles may open.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from litestar.connection import ASGIConnection
from litestar.exceptions import MethodNotAllowedException, NotFoundException

from core.auth.principal import has_permission
from core.web.guards import CITIZEN_PAGE, declared_permission
from core.web.request_state import request_state


def may_open(connection: ASGIConnection[Any, Any, Any, Any], url: str) -> bool:
    """False for a link into this page's tenant that the viewer's roles may not open, or that
    reaches no page at all; links to other tenants and other sites are left to their pages."""
    state = request_state(connection)
    tenant = state.tenant
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return True
    if tenant is None or not (
        parts.path == tenant.base_url or parts.path.startswith(tenant.base_url + "/")
    ):
        return True
    try:
        _, handler, *_ = connection.app.asgi_router.handle_routing(parts.path, "GET")
    except (MethodNotAllowedException, NotFoundException):
        return False
    permission = declared_permission(handler)
    if permission is None or permission == "public":
        return True
    if permission == "signed_in":
        return state.principal is not None
    if permission == CITIZEN_PAGE:
        return state.principal is None
    kernel = connection.app.state.kernel
    if permission not in kernel.permissions:
        return True  # a plugin's own check: its guard decides
    return has_permission(state.principal, tenant, permission, kernel.permissions)
