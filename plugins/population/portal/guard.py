"""Who a citizen page serves: a signed-in citizen of the village in the URL, and nobody else.

Staff reach residents' data through the register with their own permissions; these pages show a
family its own data, so even a village admin is turned away here.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, NotFoundException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from core.web.guards import CITIZEN_PAGE, as_guard
from core.web.request_state import request_state

__all__ = ["CITIZEN_ONLY", "citizen_of_village", "citizen_resident_id"]

CITIZEN_ONLY = "Halaman ini hanya untuk warga yang masuk dengan NIK dan PIN."
CITIZEN_LOGIN = "/warga/masuk"


def _citizen_of_village(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    state = request_state(connection)
    tenant = state.tenant
    if tenant is None or tenant.kind != "village" or not tenant.onboarded:
        raise NotFoundException()
    citizen = state.citizen_ref
    if citizen is None:
        if state.principal is not None:
            raise PermissionDeniedException(CITIZEN_ONLY)
        raise NotAuthorizedException(CITIZEN_ONLY, extra={"login_url": CITIZEN_LOGIN})
    if not citizen.startswith(tenant.code + ":"):
        raise NotFoundException()


citizen_of_village = as_guard(_citizen_of_village, CITIZEN_PAGE)


def citizen_resident_id(citizen_ref: str) -> tuple[str, int]:
    """``(village_code, resident_id)`` of a session's citizen reference."""
    village, _, resident = citizen_ref.rpartition(":")
    return village, int(resident)
