"""The regency's and a district's pages: villages per status over the years, the ranking, who
moved, the indicators most villages fail, surveys waiting for verification, and the export.

The same views serve both levels: the core scopes every query to the page's tenant, so a
district page reaches only that district's villages.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get

from core.exports import XLSX_TYPE
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from plugins.village_index.permissions import OVERSEE
from plugins.village_index.standing import charts, export
from plugins.village_index.standing.views import overview

BASE = "/indeks-desa"


async def _page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    view = await overview(tenant.code, request.query_params.get("tahun"))
    context = {
        "view": view,
        "status_labels": charts.STATUS_LABELS,
        "status_keys": list(charts.STATUS_LABELS),
        "lines": charts.status_lines(view.counts) if view.counts else None,
        "is_regency": tenant.kind == "regency",
    }
    return await render(request, "village_index/regency.html", context)


async def _export(request: Request[Any, Any, Any], tenant: Tenant, kind: str) -> Response[bytes]:
    view = await overview(tenant.code, request.query_params.get("tahun"))
    rows = export.table(view)
    name = f"indeks-desa-{tenant.code}-{view.year or 'kosong'}.{kind}"
    body = export.as_csv(rows) if kind == "csv" else export.as_xlsx(rows)
    media = "text/csv" if kind == "csv" else XLSX_TYPE
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@get(BASE, guards=[requires(OVERSEE)], include_in_schema=False)
async def regency_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    return await _page(request, tenant)


@get(BASE, guards=[requires(OVERSEE)], include_in_schema=False)
async def district_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    return await _page(request, tenant)


@get(BASE + "/ekspor.csv", guards=[requires(OVERSEE)], include_in_schema=False)
async def regency_csv(request: Request[Any, Any, Any], tenant: Tenant) -> Response[bytes]:
    return await _export(request, tenant, "csv")


@get(BASE + "/ekspor.xlsx", guards=[requires(OVERSEE)], include_in_schema=False)
async def regency_xlsx(request: Request[Any, Any, Any], tenant: Tenant) -> Response[bytes]:
    return await _export(request, tenant, "xlsx")


@get(BASE + "/ekspor.csv", guards=[requires(OVERSEE)], include_in_schema=False)
async def district_csv(request: Request[Any, Any, Any], tenant: Tenant) -> Response[bytes]:
    return await _export(request, tenant, "csv")


@get(BASE + "/ekspor.xlsx", guards=[requires(OVERSEE)], include_in_schema=False)
async def district_xlsx(request: Request[Any, Any, Any], tenant: Tenant) -> Response[bytes]:
    return await _export(request, tenant, "xlsx")


REGENCY_HANDLERS = [regency_page, regency_csv, regency_xlsx]
DISTRICT_HANDLERS = [district_page, district_csv, district_xlsx]
