"""The regency's social aid page: totals per programme and village, and the duplicates across
villages for an officer to decide."""

from __future__ import annotations

import csv
import io
from typing import Any

from litestar import Request, Response, get

from core.audit import Subject, disclose
from core.exports import csv_download
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


@get("/bantuan/rekap.csv", guards=[requires(REGENCY)], include_in_schema=False)
async def totals_csv(request: Request[Any, Any, Any]) -> Response[str]:
    """The totals as CSV for a spreadsheet: counts and rupiah only, no person in it."""
    names = {row["code"]: row["name"] for row in await Village.select(Village.code, Village.name)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["program", "kode_desa", "desa", "penerima_aktif", "rencana", "dibayar", "tidak_diambil"]
    )
    for t in await totals.totals():
        writer.writerow(
            [
                t.programme,
                t.village_code,
                names.get(t.village_code, ""),
                t.recipients,
                t.planned,
                t.paid,
                t.not_collected,
            ]
        )
    return csv_download(buffer.getvalue(), "rekap-bantuan-sosial.csv")


ROUTES = [index, totals_csv]
