"""`/ekspor.csv` and `/ekspor.xlsx`: the village register as the OpenSID sheet, audited.

The CSV streams straight from the database (the transaction middleware passes a stream through
instead of holding it); the XLSX is written row by row to a temporary file and then served.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import openpyxl
from litestar import Request, get
from litestar.background_tasks import BackgroundTask
from litestar.response import File, Stream

from core.audit import Collected, disclose
from core.auth.principal import Principal
from core.exports import XLSX_TYPE, text_cells
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.request_state import stream_response
from plugins.population import disclosures
from plugins.population.importing.opensid_export import resident_pages
from plugins.population.permissions import EXPORT
from plugins.population.synthetic.sheet import OPENSID_COLUMNS


async def _audited(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    file_format: str,
) -> tuple[str, Collected]:
    """The export in the audit chain, and in the access trail with its row count as it streams."""
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="export",
        entity="resident_register",
        entity_id=tenant.code,
        after={"format": file_format},
    )
    stream_response(request)
    disclosed = disclose(request, disclosures.EXPORT, query={"format": file_format}, count=0)
    return tenant.code, disclosed


def _filename(code: str, suffix: str) -> str:
    return f"penduduk-{code}.{suffix}"


async def _csv_chunks(village_code: str, disclosed: Collected) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OPENSID_COLUMNS)
    yield ("\ufeff" + buffer.getvalue()).encode()
    async for page in resident_pages(village_code):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(page)
        disclosed.add((), {}, len(page))
        yield buffer.getvalue().encode()


@get("/ekspor.csv", guards=[requires(EXPORT)], include_in_schema=False)
async def export_csv(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Stream:
    code, disclosed = await _audited(request, kernel, tenant, principal, "csv")
    return Stream(
        _csv_chunks(code, disclosed),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{_filename(code, "csv")}"'},
    )


@get("/ekspor.xlsx", guards=[requires(EXPORT)], include_in_schema=False)
async def export_xlsx(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> File:
    code, disclosed = await _audited(request, kernel, tenant, principal, "xlsx")
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("penduduk")
    sheet.append(list(OPENSID_COLUMNS))
    async for page in resident_pages(code):
        disclosed.add((), {}, len(page))
        for row in page:
            sheet.append(text_cells(sheet, row))
    descriptor, name = tempfile.mkstemp(suffix=".xlsx")
    os.close(descriptor)
    path = Path(name)
    book.save(path)
    return File(
        path=path,
        filename=_filename(code, "xlsx"),
        media_type=XLSX_TYPE,
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


ROUTES = [export_csv, export_xlsx]
