"""The printable monthly books: Buku Mutasi Penduduk and the population recap."""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar import Request, Response, get

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from plugins.population import disclosures
from plugins.population.domain.codes import SEX
from plugins.population.permissions import RESIDENT_READ
from plugins.population.register.reports import mutation_book, population_recap
from plugins.population.register.web import desk, labels

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def _month(request: Request[Any, Any, Any], today: dt.date) -> tuple[int, int, str | None]:
    """`bulan=YYYY-MM` from the URL, this month when absent or unreadable."""
    raw = str(request.query_params.get("bulan") or "")
    try:
        year, month = (int(part) for part in raw.split("-"))
        dt.date(year, month, 1)
    except ValueError:
        return today.year, today.month, "Bulan tidak valid; ditampilkan bulan ini." if raw else None
    return year, month, None


def _context(year: int, month: int, error: str | None) -> dict[str, Any]:
    return {
        "year": year,
        "month": month,
        "month_name": f"{MONTHS[month - 1]} {year}",
        "month_value": f"{year:04d}-{month:02d}",
        "month_error": error,
    }


@get("/mutasi", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def mutation_page(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    year, month, error = _month(request, d.today)
    book = await mutation_book(d.code, year, month)
    rows = [{**row, "village_code": d.code} for events in book.values() for row in events]
    disclose(
        request,
        disclosures.MUTATION_BOOK,
        subjects=[
            disclosures.resident(r, id_key="resident.id", nik_key="resident.nik") for r in rows
        ],
        query={"bulan": f"{year:04d}-{month:02d}"},
        count=len(rows),
    )
    return await render(
        request,
        "population/register/mutation.html",
        {
            **_context(year, month, error),
            "book": book,
            **labels(),
        },
    )


@get("/rekap", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def recap_page(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    year, month, error = _month(request, d.today)
    recap = await population_recap(d.code, year, month)
    return await render(
        request,
        "population/register/recap.html",
        {
            **_context(year, month, error),
            "recap": recap,
            "sexes": {code: _(label) for code, label in SEX.labels.items()},
        },
    )


ROUTES = [mutation_page, recap_page]
