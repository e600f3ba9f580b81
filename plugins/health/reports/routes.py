"""Report pages: the village's nutrition report, and stunting by village for the puskesmas'
district and the regency's Dinkes, with a CSV of the ranked table."""

from __future__ import annotations

import csv
import io
from typing import Any

from litestar import Request, Response, get
from markupsafe import Markup

from core.audit import disclose
from core.auth.principal import Principal, has_permission
from core.exports import csv_download, table_workbook, xlsx_download
from core.i18n import N_, _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from core.web.svg_charts import line_chart
from plugins.health import disclosures
from plugins.health.dates import month_key, valid_month
from plugins.health.immunisation import coverage
from plugins.health.immunisation.regency_schedule import schedule_of
from plugins.health.permissions import EXPORT, REPORT
from plugins.health.posyandu import posyandu
from plugins.health.reports import eppgbm, skdn, stunting
from plugins.health.web import today

MONTH_NAMES = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("Mei"),
    N_("Jun"),
    N_("Jul"),
    N_("Agu"),
    N_("Sep"),
    N_("Okt"),
    N_("Nov"),
    N_("Des"),
)


def _month(request: Request[Any, Any, Any], tenant: Tenant) -> str:
    raw = request.query_params.get("bulan", "")
    return raw if valid_month(raw) else month_key(today(request))


def _trend_chart(rows: list[tuple[str, int, int]]) -> Markup:
    labels = [_(MONTH_NAMES[int(m[5:]) - 1]) for m, _measured, _short in rows]
    chart = line_chart(
        [
            (_("Diukur panjang/tinggi"), [m for _, m, _ in rows]),
            (_("Pendek"), [s for *_, s in rows]),
        ],
        labels=labels,
        title=_("Balita diukur dan balita pendek, 12 bulan"),
    )
    return Markup(chart)


@get("/kesehatan/laporan", guards=[requires(REPORT)], include_in_schema=False)
async def village_report(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[str]:
    month = _month(request, tenant)
    places = await posyandu.all_posyandu()
    figures = await stunting.by_village(month, tenant.code)
    context = {
        "month": month,
        "skdn": [(p, await skdn.skdn(month, p["id"])) for p in places],
        "total": await skdn.skdn(month),
        "figures": figures[0] if figures else None,
        "coverage": await coverage.basic_coverage(today(request), schedule_of(kernel.settings)),
        "chart": _trend_chart(await stunting.trend(month)),
        "can_export": has_permission(principal, tenant, EXPORT, kernel.permissions),
    }
    return await render(request, "health/report.html", context)


@get("/kesehatan/stunting", guards=[requires(REPORT)], include_in_schema=False)
async def by_village(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    month = _month(request, tenant)
    figures = await stunting.by_village(month, tenant.code)
    if request.query_params.get("format") == "csv":
        return _csv(month, figures)
    if request.query_params.get("format") == "xlsx":
        return _xlsx(month, figures)
    context = {
        "month": month,
        "figures": figures,
        "total": stunting.total(figures),
        "chart": _trend_chart(await stunting.trend(month)),
    }
    return await render(request, "health/stunting.html", context)


COLUMNS = (
    "bulan", "kode_desa", "desa", "diukur_tb", "pendek", "persen_pendek", "diukur_bbtb",
    "gizi_kurang_buruk", "diukur_bb", "bb_kurang", "gizi_lebih", "anak_12_23_bulan", "idl",
    "persen_idl",
)  # fmt: skip


def _table(month: str, figures: list[stunting.VillageFigures]) -> list[list[Any]]:
    return [
        [month, f.code, f.name, f.measured_length, f.stunted, f.stunting, f.measured_wflh,
         f.wasted, f.measured_weight, f.underweight, f.overweight, f.idl_children,
         f.idl_complete, f.idl_share]
        for f in figures
    ]  # fmt: skip


def _csv(month: str, figures: list[stunting.VillageFigures]) -> Response[bytes]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_table(month, figures))
    return csv_download(out.getvalue(), f"stunting-{month}.csv")


def _xlsx(month: str, figures: list[stunting.VillageFigures]) -> Response[bytes]:
    content = table_workbook(f"stunting {month}", COLUMNS, _table(month, figures))
    return xlsx_download(content, f"stunting-{month}.xlsx")


@get("/kesehatan/laporan/eppgbm.csv", guards=[requires(EXPORT)], include_in_schema=False)
async def eppgbm_export(request: Request[Any, Any, Any], tenant: Tenant) -> Response[bytes]:
    """The month's measurements by name and address (personal data: in the access trail)."""
    month = _month(request, tenant)
    found = await eppgbm.rows(month)
    disclose(
        request,
        disclosures.EPPGBM,
        subjects=disclosures.residents(i["person"].id for i in found if i["person"]),
        query={"bulan": month},
        count=len(found),
    )
    return csv_download(eppgbm.to_csv(found), f"eppgbm-{month}.csv")


VILLAGE_ROUTES = [village_report, eppgbm_export]
WIDE_ROUTES = [by_village]
