"""The yearly information service report: a village's own, and the regency's over its villages."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.exports import XLSX_TYPE
from core.i18n import _
from core.localtime import local_day
from core.tenancy.tables import Village
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from plugins.public_info.permissions import REGENCY_REPORT, REQUEST_READ
from plugins.public_info.ppid.report import (
    ServiceReport,
    regency_total,
    yearly_reports,
)
from plugins.public_info.ppid.report_files import (
    PDF_TYPE,
    report_columns,
    report_pdf,
    report_values,
    report_xlsx,
)

YEARS = (2000, 2100)


def _year(text: str, default: int) -> int:
    low, high = YEARS
    if not text:
        return default
    if not (text.isdecimal() and low <= int(text) <= high):
        raise NotFoundException()
    return int(text)


async def _rows(request: Request[Any, Any, Any], year: int) -> list[tuple[ServiceReport, str]]:
    """(report, place name) for the tenant's villages, and the regency's total on a regency page."""
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None
    today = local_day(state.now)
    reports = await yearly_reports(year, today)
    if tenant.kind == "village":
        return [(reports.get(tenant.code, ServiceReport(tenant.code)), tenant.display_name)]
    villages = (
        await Village.select(Village.code, Village.name)
        .where(Village.onboarded == True)  # noqa: E712 -- Piccolo builds SQL from ==
        .order_by(Village.code)
    )
    rows = [(reports.get(v["code"], ServiceReport(v["code"])), v["name"]) for v in villages]
    rows.append((regency_total((r for r, _ in rows), tenant.code), tenant.name))
    return rows


async def _page(request: Request[Any, Any, Any], tahun: str, base_url: str) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    year = _year(tahun, local_day(state.now).year)
    rows = await _rows(request, year)
    return await render(
        request,
        "public_info/ppid/report.html",
        {
            "year": year,
            "columns": report_columns(),
            "rows": [report_values(report, name) for report, name in rows],
            "base_url": base_url,
        },
    )


async def _xlsx(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    _year(str(year), year)
    data = report_xlsx(year, await _rows(request, year))
    return Response(
        data,
        media_type=XLSX_TYPE,
        headers={"Content-Disposition": f'attachment; filename="laporan-ppid-{year}.xlsx"'},
    )


async def _pdf(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    _year(str(year), year)
    tenant = request_state(request).tenant
    assert tenant is not None
    title = _("Laporan layanan informasi publik %(year)s") % {"year": year}
    data = report_pdf(year, f"{title}: {tenant.display_name}", await _rows(request, year))
    return Response(
        data,
        media_type=PDF_TYPE,
        headers={"Content-Disposition": f'attachment; filename="laporan-ppid-{year}.pdf"'},
    )


@get("/ppid/laporan", guards=[requires(REQUEST_READ)], include_in_schema=False)
async def village_report(request: Request[Any, Any, Any], tahun: str = "") -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    return await _page(request, tahun, f"{tenant.base_url}/ppid/laporan")


@get("/ppid/laporan/{year:int}/xlsx", guards=[requires(REQUEST_READ)], include_in_schema=False)
async def village_report_xlsx(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    return await _xlsx(request, year)


@get("/ppid/laporan/{year:int}/pdf", guards=[requires(REQUEST_READ)], include_in_schema=False)
async def village_report_pdf(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    return await _pdf(request, year)


@get("/ppid", guards=[requires(REGENCY_REPORT)], include_in_schema=False)
async def regency_report(request: Request[Any, Any, Any], tahun: str = "") -> Response[Any]:
    return await _page(request, tahun, "/kabupaten/ppid")


@get("/ppid/{year:int}/xlsx", guards=[requires(REGENCY_REPORT)], include_in_schema=False)
async def regency_report_xlsx(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    return await _xlsx(request, year)


@get("/ppid/{year:int}/pdf", guards=[requires(REGENCY_REPORT)], include_in_schema=False)
async def regency_report_pdf(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    return await _pdf(request, year)


VILLAGE_ROUTES = [village_report, village_report_xlsx, village_report_pdf]
REGENCY_ROUTES = [regency_report, regency_report_xlsx, regency_report_pdf]
