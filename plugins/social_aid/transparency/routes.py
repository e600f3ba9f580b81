"""The public page: anyone may read who receives aid in the village, masked."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get

from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import public
from core.web.render import render
from plugins.social_aid.transparency import listing

SETTING = "social_aid.public_names"


@get("/bantuan/publik", guards=[public], include_in_schema=False)
async def page(request: Request[Any, Any, Any], tenant: Tenant, kernel: Kernel) -> Response[str]:
    style = str(tenant.settings.get(SETTING) or "first")
    lists = await listing.public_lists(kernel.engine, tenant.code, style)
    return await render(request, "social_aid/public.html", {"lists": lists})


ROUTES = [page]
