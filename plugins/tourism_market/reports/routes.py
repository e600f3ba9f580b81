"""A market's figures by month and year (with a chart, its table and a CSV), and the regency's
overview of every village market."""

from __future__ import annotations

import csv
import io
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from markupsafe import Markup

from core.auth.principal import Principal
from core.exports import csv_download, table_workbook, xlsx_download
from core.i18n import N_, _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.tenancy.tables import Village
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from core.web.svg_charts import bar_chart
from plugins.tourism_market.market_days.markets import market
from plugins.tourism_market.permissions import OVERVIEW, VIEW
from plugins.tourism_market.reports.figures import YearFigures, regency_markets, year_figures
from plugins.tourism_market.web import page_context

COLUMNS = [
    {"key": "label", "label": N_("Bulan")},
    {"key": "days", "label": N_("Hari pasar")},
    {"key": "visitors", "label": N_("Pengunjung")},
    {"key": "turnover", "label": N_("Omzet (Rp)")},
    {"key": "fees", "label": N_("Retribusi (Rp)")},
    {"key": "tokens_out", "label": N_("Koin tidak kembali (Rp)")},
]


def _year(request: Request[Any, Any, Any], tenant: Tenant, text: str) -> int:
    if text.isdecimal() and 2000 <= int(text) <= 2100:
        return int(text)
    return local_day(request_state(request).now).year


def _rows(figures: YearFigures) -> list[dict[str, Any]]:
    return [
        {
            "label": month.label,
            "days": month.days,
            "visitors": month.visitors,
            "turnover": month.turnover,
            "fees": month.fees,
            "tokens_out": month.tokens_out,
        }
        for month in [*figures.months, figures.total]
    ]


@get("/pasar/{market_id:int}/laporan", guards=[requires(VIEW)], include_in_schema=False)
async def year_page(
    request: Request[Any, Any, Any],
    market_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    tahun: str = "",
) -> Response[Any]:
    row = await market(market_id)
    if row is None:
        raise NotFoundException()
    year = _year(request, tenant, tahun)
    figures = await year_figures(market_id, year)
    chart = bar_chart(
        [(month.label, month.turnover // 1000) for month in figures.months if month.days],
        title=_("Omzet per bulan {year} (ribu rupiah)").format(year=year),
    )
    context = {
        **page_context(principal, tenant, kernel),
        "market": row,
        "year": year,
        "figures": figures,
        "chart": Markup(chart),
        "columns": COLUMNS,
        "rows": _rows(figures),
        "csv_url": f"{tenant.base_url}/pasar/{market_id}/laporan.csv?tahun={year}",
    }
    return await render(request, "tourism_market/reports.html", context)


@get("/pasar/{market_id:int}/laporan.csv", guards=[requires(VIEW)], include_in_schema=False)
async def year_csv(
    request: Request[Any, Any, Any], market_id: int, tenant: Tenant, tahun: str = ""
) -> Response[Any]:
    if await market(market_id) is None:
        raise NotFoundException()
    year = _year(request, tenant, tahun)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[column["key"] for column in COLUMNS])
    writer.writerow({column["key"]: column["label"] for column in COLUMNS})
    writer.writerows(_rows(await year_figures(market_id, year)))
    return csv_download(out.getvalue(), f"pasar-{year}.csv")


REGENCY_COLUMNS = (
    N_("Desa"),
    N_("Pasar"),
    N_("Hari pasar"),
    N_("Pengunjung"),
    N_("Omzet (Rp)"),
    N_("Retribusi (Rp)"),
)


async def _regency_rows(year: int) -> list[dict[str, Any]]:
    rows = await regency_markets(year)
    names = {
        village["code"]: village["name"]
        for village in await Village.select(Village.code, Village.name).where(
            Village.code.is_in([row["village_code"] for row in rows] or [""])
        )
    }
    for row in rows:
        row["village"] = names.get(row["village_code"], row["village_code"])
    return rows


def _regency_total(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {key: sum(row[key] for row in rows) for key in ("days", "visitors", "turnover", "fees")}


@get("/pasar-wisata", guards=[requires(OVERVIEW)], include_in_schema=False)
async def regency_overview(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    tahun: str = "",
) -> Response[Any]:
    """Every village market of the regency this year: days held, visitors, turnover, fees."""
    year = _year(request, tenant, tahun)
    rows = await _regency_rows(year)
    context = {
        **page_context(principal, tenant, kernel),
        "rows": rows,
        "total": _regency_total(rows),
        "year": year,
    }
    return await render(request, "tourism_market/regency.html", context)


@get("/pasar-wisata.xlsx", guards=[requires(OVERVIEW)], include_in_schema=False)
async def regency_xlsx(request: Request[Any, Any, Any], tenant: Tenant, tahun: str = "") -> Any:
    """The overview as a sheet for the regency's tourism office, with a total row."""
    year = _year(request, tenant, tahun)
    rows = await _regency_rows(year)
    total = _regency_total(rows)
    keys = ("days", "visitors", "turnover", "fees")
    table = [[row["village"], row["name"], *(row[key] for key in keys)] for row in rows]
    table.append([_("Jumlah kabupaten"), "", *(total[key] for key in keys)])
    header = [_(label) for label in REGENCY_COLUMNS]
    content = table_workbook(f"pasar wisata {year}", header, table)
    return xlsx_download(content, f"pasar-wisata-{year}.xlsx")


VILLAGE_HANDLERS = [year_page, year_csv]
REGENCY_HANDLERS = [regency_overview, regency_xlsx]
