"""How a public page of this plugin reaches its village's rows.

A visitor, or staff of another village, gets no tenant scope from the core (see
``core.web.transaction``): the request names a village but may see none of its rows. A public
page of the village site scopes its own transaction to the village of its URL, once it knows the
village is onboarded and has this plugin on; what such a page reads is only what the village
publishes (or, for the status page, what the requester's own code opens).
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import NotFoundException

from core.db import set_tenant_scope
from core.tenancy.context import Tenant
from core.web.request_state import request_state

PLUGIN = "public_info"
SITE_PREFIX = "/desa/{village_slug:str}/situs"


async def public_village(request: Request[Any, Any, Any]) -> Tenant:
    """The village of the URL, with the transaction scoped to it; 404 where the site is off."""
    state = request_state(request)
    tenant = state.tenant
    if tenant is None or tenant.kind != "village" or not tenant.onboarded:
        raise NotFoundException()
    if PLUGIN not in state.effective_plugins:
        raise NotFoundException()
    await set_tenant_scope(request.app.state.kernel.engine, tenant.code)
    return tenant


def site_url(tenant: Tenant) -> str:
    return f"{tenant.base_url}/situs"
