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

from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from plugins.population.permissions import STATS
from plugins.population.statistics import queries
from plugins.population.statistics.charts import KEYS, chart


def _base(request: Request[Any, Any, Any]) -> str:
    tenant = request_state(request).tenant
    assert tenant is not None
    return f"{tenant.base_url}/statistik"


async def _page(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    today = state.now.date()
    charts = [await chart(state.tenant, key, today) for key in KEYS]
    return await render(
        request,
        "population/statistics/statistics.html",
        {
            "charts": charts,
            "families": await queries.family_count(state.tenant),
            "residents": sum(int(row[1]) for row in charts[KEYS.index("agama")].rows),
            "base": _base(request),
        },
    )


async def _csv(request: Request[Any, Any, Any], filename: str) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    key = filename.removesuffix(".csv")
    if not filename.endswith(".csv") or key not in KEYS:
        raise NotFoundException()
    found = await chart(state.tenant, key, state.now.date())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(found.header)
    writer.writerows(found.rows)
    filename = f"statistik-{key}-{state.tenant.code}.csv"
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _routes() -> tuple[Any, Any]:
    """A page and a CSV handler; each router needs its own handler objects."""

    @get("/statistik", guards=[requires(STATS)], include_in_schema=False)
    async def statistics_page(request: Request[Any, Any, Any]) -> Response[Any]:
        return await _page(request)

    @get("/statistik/{filename:str}", guards=[requires(STATS)], include_in_schema=False)
    async def statistics_csv(request: Request[Any, Any, Any], filename: str) -> Response[Any]:
        """`<chart>.csv`; a path parameter fills its whole segment, so the name is split here."""
        return await _csv(request, filename)

    return statistics_page, statistics_csv


VILLAGE_ROUTES = list(_routes())
DISTRICT_ROUTES = list(_routes())
REGENCY_ROUTES = list(_routes())
