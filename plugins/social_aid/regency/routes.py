"""The regency's social aid page: totals per programme and village, and the duplicates across
villages for an officer to decide."""

from __future__ import annotations

import csv
import io
from typing import Any

from litestar import Request, Response, get

from core.audit import Subject, disclose
from core.exports import csv_download, quote, table_workbook, xlsx_download
from core.tenancy.tables import Village
from core.web.guards import requires
from core.web.render import render
from plugins.social_aid import disclosures
from plugins.social_aid.permissions import REGENCY
from plugins.social_aid.regency import overlaps, totals


@get("/bantuan", guards=[requires(REGENCY)], include_in_schema=False, name="regency_index")
async def index(request: Request[Any, Any, Any]) -> Response[str]:
    found = await overlaps.overlaps()
    shown = [row for overlap in found for row in overlap.rows]
    disclose(
        request,
        disclosures.OVERLAPS,
        subjects=[
            Subject("resident", r["resident_id"], r["nik"], r["village_code"]) for r in shown
        ],
        count=len(found),
    )
    names = {row["code"]: row["name"] for row in await Village.select(Village.code, Village.name)}
    context = {"totals": await totals.totals(), "overlaps": found, "villages": names}
    return await render(request, "social_aid/regency.html", context)


TOTAL_COLUMNS = (
    "program", "kode_desa", "desa", "penerima_aktif", "rencana", "dibayar", "tidak_diambil",
)  # fmt: skip


async def _total_rows() -> list[list[Any]]:
    """The totals per programme and village: counts and rupiah only, no person in them."""
    names = {row["code"]: row["name"] for row in await Village.select(Village.code, Village.name)}
    return [
        [t.programme, t.village_code, names.get(t.village_code, ""), t.recipients, t.planned,
         t.paid, t.not_collected]
        for t in await totals.totals()
    ]  # fmt: skip


@get("/bantuan/rekap.csv", guards=[requires(REGENCY)], include_in_schema=False)
async def totals_csv(request: Request[Any, Any, Any]) -> Response[str]:
    """The totals as CSV for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(TOTAL_COLUMNS)
    writer.writerows([[quote(v) if isinstance(v, str) else v for v in row]
                      for row in await _total_rows()])  # fmt: skip
    return csv_download(buffer.getvalue(), "rekap-bantuan-sosial.csv")


@get("/bantuan/rekap.xlsx", guards=[requires(REGENCY)], include_in_schema=False)
async def totals_xlsx(request: Request[Any, Any, Any]) -> Response[bytes]:
    """The same totals as an XLSX workbook, numbers as numbers."""
    content = table_workbook("rekap bantuan sosial", TOTAL_COLUMNS, await _total_rows())
    return xlsx_download(content, "rekap-bantuan-sosial.xlsx")


ROUTES = [index, totals_csv, totals_xlsx]
