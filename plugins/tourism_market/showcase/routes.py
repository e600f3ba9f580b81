"""The public page of a village's markets: the next market days, the stalls, what they sell and
for how many tokens. Anyone may open it, so the handler scopes its transaction to the village the
URL names and shows only what a visitor at the gate would see anyway: no vendor names, no phones.
"""

from __future__ import annotations

import re
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.db import set_tenant_scope
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from core.web.guards import public
from core.web.render import render
from core.web.request_state import request_state
from plugins.tourism_market.market_days.markets import coming_dates, markets
from plugins.tourism_market.money import rupiah
from plugins.tourism_market.pasaran.weton import long_date
from plugins.tourism_market.vendors.stalls import plan_on, price_lists
from plugins.tourism_market.vendors.vendors import APPROVED, CATEGORIES, statuses

SLUG = re.compile(r"[a-z0-9-]{1,80}")


@get("/pasar-wisata/{village_slug:str}", guards=[public], include_in_schema=False)
async def showcase(
    request: Request[Any, Any, Any], village_slug: str, kernel: Kernel
) -> Response[Any]:
    if not SLUG.fullmatch(village_slug):
        raise NotFoundException()
    village = await Village.select().where(Village.slug == village_slug).first()
    if village is None:
        raise NotFoundException()
    await set_tenant_scope(kernel.engine, village["code"])
    today = local_day(request_state(request).now)
    shown = []
    for row in await markets():
        status = await statuses(row["id"])
        prices = await price_lists(row["id"])
        stalls = [
            {
                "number": stall["number"],
                "stall_name": stall["holder"]["stall_name"],
                "category": dict(CATEGORIES).get(stall["holder"]["category"], ""),
                "prices": prices.get(stall["holder"]["vendor"], []),
            }
            for stall in await plan_on(row["id"], today)
            if stall["holder"] and status.get(stall["holder"]["vendor"]) == APPROVED
        ]
        shown.append(
            {"market": row, "coming": await coming_dates(row, today, months=3), "stalls": stalls}
        )
    if not shown:
        raise NotFoundException()
    context = {
        "village": village_tenant(village),
        "shown": shown,
        "rupiah": rupiah,
        "long_date": long_date,
    }
    return await render(request, "tourism_market/showcase.html", context)


HANDLERS = [showcase]
