"""The regency's import page for the ministry's published results (XLSX, one row per village)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile

from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from plugins.village_index.index.editions import edition_for_year
from plugins.village_index.ministry.results import ImportReport, outside, store
from plugins.village_index.ministry.sheet import MAX_BYTES, SheetError, read_sheet
from plugins.village_index.permissions import IMPORT
from plugins.village_index.standing.places import places

PATH = "/indeks-desa/impor"
FORM_ALLOWANCE = 64 * 1024


async def _form(
    request: Request[Any, Any, Any],
    values: dict[str, str],
    errors: dict[str, str],
    report: ImportReport | None = None,
    status_code: int = 200,
) -> Response[str]:
    context = {"values": values, "errors": errors, "report": report, "max_mb": MAX_BYTES >> 20}
    return await render(request, "village_index/import.html", context, status_code=status_code)


@get(PATH, guards=[requires(IMPORT)], include_in_schema=False)
async def import_form(request: Request[Any, Any, Any]) -> Response[str]:
    return await _form(request, {}, {})


@post(
    PATH,
    guards=[requires(IMPORT)],
    include_in_schema=False,
    request_max_body_size=MAX_BYTES + FORM_ALLOWANCE,
)
async def import_file(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[str]:
    """Read the whole file first; store it only when every row is good (all or nothing)."""
    form = await request.form()
    raw_year = str(form.get("year") or "").strip()
    values = {"year": raw_year}
    year = int(raw_year) if raw_year.isdecimal() and len(raw_year) == 4 else None
    found = edition_for_year(year) if year else None
    if year is None or found is None or year > datetime.now(UTC).year:
        return await _form(
            request,
            values,
            {"year": _("Tahun: isi tahun hasil, 2016 atau sesudahnya.")},
            status_code=422,
        )
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await _form(
            request, values, {"file": _("Berkas: pilih berkas XLSX.")}, status_code=422
        )
    data = await upload.read(MAX_BYTES + 1)
    try:
        reading = await asyncio.to_thread(read_sheet, data, found)
    except SheetError as error:
        return await _form(
            request, values, {"file": _("Berkas:") + " " + str(error)}, status_code=422
        )
    known = set(await places(tenant.code))
    errors = reading.errors + outside(reading.rows, known)
    if errors or not reading.rows:
        report = ImportReport(errors=errors or [_("Berkas tidak berisi baris data.")])
        return await _form(request, values, {}, report, status_code=422)
    sha256 = hashlib.sha256(data).hexdigest()
    report = await store(reading.rows, year, found, sha256, principal.username, datetime.now(UTC))
    for change in report.changes:
        await kernel.audit(
            str(change["village"]),
            actor=principal.username,
            action="import",
            entity="village_index.ministry_result",
            entity_id=f"{change['village']}:{year}",
            before={"score_units": change.get("before")},
            after={"score_units": change["after"], "sha256": sha256},
        )
    return await _form(request, values, {}, report)


HANDLERS = [import_form, import_file]
