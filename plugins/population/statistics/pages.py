"""The statistics pages of a village, a district and the regency, and a CSV per chart.

The same handlers serve the three scopes; the tenant resolved from the URL decides which
villages are counted.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.exports import csv_download
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from plugins.population.permissions import STATS
from plugins.population.statistics.cache import FRESH_SECONDS, Recent
from plugins.population.statistics.charts import KEYS, Chart, Counts, chart, count

CACHE = "population_statistics"
"""The app-state attribute holding this app's recent district and regency counts."""


def _base(tenant: Tenant) -> str:
    return f"{tenant.base_url}/statistik"


async def _counted(request: Request[Any, Any, Any], tenant: Tenant) -> tuple[list[Chart], int]:
    """Every chart in the viewer's language, and the family count; a district's or the regency's
    counts come from the recent cache, which holds numbers only, so every language draws on one
    count."""
    today = request_state(request).now.date()
    if tenant.kind == "village":
        counts = await count(today)
    else:
        recent: Recent[Counts] | None = getattr(request.app.state, CACHE, None)
        if recent is None:
            recent = Recent()
            setattr(request.app.state, CACHE, recent)
        counts = await recent.get((tenant.kind, tenant.code, today), lambda: count(today))
    return [chart(key, counts, today) for key in KEYS], counts.families


async def _page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    charts, families = await _counted(request, tenant)
    return await render(
        request,
        "population/statistics/statistics.html",
        {
            "charts": charts,
            "families": families,
            "residents": sum(int(row[1]) for row in charts[KEYS.index("agama")].rows),
            "base": _base(tenant),
            "cached_minutes": None if tenant.kind == "village" else int(FRESH_SECONDS // 60),
        },
    )


async def _csv(request: Request[Any, Any, Any], tenant: Tenant, filename: str) -> Response[Any]:
    key = filename.removesuffix(".csv")
    if not filename.endswith(".csv") or key not in KEYS:
        raise NotFoundException()
    found = (await _counted(request, tenant))[0][KEYS.index(key)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(found.header)
    writer.writerows(found.rows)
    filename = f"statistik-{key}-{tenant.code}.csv"
    return csv_download(buffer.getvalue(), filename)


def _routes() -> tuple[Any, Any]:
    """A page and a CSV handler; each router needs its own handler objects."""

    @get("/statistik", guards=[requires(STATS)], include_in_schema=False)
    async def statistics_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
        return await _page(request, tenant)

    @get("/statistik/{filename:str}", guards=[requires(STATS)], include_in_schema=False)
    async def statistics_csv(
        request: Request[Any, Any, Any], tenant: Tenant, filename: str
    ) -> Response[Any]:
        """`<chart>.csv`; a path parameter fills its whole segment, so the name is split here."""
        return await _csv(request, tenant, filename)

    return statistics_page, statistics_csv


VILLAGE_ROUTES = list(_routes())
DISTRICT_ROUTES = list(_routes())
REGENCY_ROUTES = list(_routes())
