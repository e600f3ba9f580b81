"""The village's import pages: upload a register, read the dry-run report, confirm, watch it run.

The upload is stored under the instance's data directory (never the web root) by its SHA-256,
previewed with a dry run inside the request, and imported after confirmation in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.kernel import Kernel
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population.importing.background import PROGRESS, RUNNING, start_import
from plugins.population.importing.batches import file_sha256, load_batch, save_batch
from plugins.population.importing.formats import ImportFormatError
from plugins.population.importing.importer import Target
from plugins.population.importing.report import ImportReport
from plugins.population.importing.runs import import_register
from plugins.population.permissions import IMPORT
from plugins.population.tables import ImportBatch

PREVIEWED = "pratinjau"
SUFFIXES = (".csv", ".xlsx", ".xls")
MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1 << 20
_TEMPLATE = "population/importing/import.html"


def _stored_path(kernel: Kernel, village_code: str, sha256: str, suffix: str) -> Path:
    return kernel.settings.data_path / "imports" / village_code / f"{sha256}{suffix}"


async def _recent(village_code: str) -> list[dict[str, Any]]:
    return (
        await ImportBatch.select(
            ImportBatch.id, ImportBatch.filename, ImportBatch.status, ImportBatch.created_at
        )
        .where(ImportBatch.village_code == village_code)
        .order_by(ImportBatch.created_at, ascending=False)
        .limit(20)
    )


async def _form(request: Request[Any, Any, Any], error: str | None, status: int) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    context = {"error": error, "batches": await _recent(tenant.code)}
    return await render(request, _TEMPLATE, context, status_code=status)


@get("/impor", guards=[requires(IMPORT)], include_in_schema=False)
async def import_page(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _form(request, None, 200)


async def _save_upload(upload: UploadFile, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with target.open("wb") as handle:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > MAX_BYTES:
                break
            handle.write(chunk)
    return size


@post("/impor", guards=[requires(IMPORT)], include_in_schema=False)
async def upload(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    form = await request.form()
    upload_file = form.get("berkas")
    if not isinstance(upload_file, UploadFile) or not upload_file.filename:
        return await _form(request, "Berkas: pilih berkas CSV, XLSX atau XLS.", 422)
    filename = Path(upload_file.filename).name
    suffix = Path(filename).suffix.lower()
    if suffix not in SUFFIXES:
        return await _form(request, f"Berkas: jenis '{suffix}' tidak didukung.", 422)
    village = state.tenant.code
    incoming = kernel.settings.data_path / "imports" / village / f"upload-{id(form)}{suffix}"
    if await _save_upload(upload_file, incoming) > MAX_BYTES:
        incoming.unlink(missing_ok=True)
        return await _form(request, "Berkas: ukuran lebih dari 50 MB.", 422)
    sha256 = file_sha256(incoming)
    stored = _stored_path(kernel, village, sha256, suffix)
    incoming.replace(stored)
    try:
        report, _ = await import_register(
            kernel, stored, Target(village), actor=state.principal.username, dry_run=True
        )
    except ImportFormatError as error:
        return await _form(request, f"Berkas: {error}", 422)
    batch_id = await save_batch(
        village_code=village,
        filename=filename,
        sha256=sha256,
        status=PREVIEWED,
        actor=state.principal.username,
        report=report,
        extra={"suffix": suffix},
    )
    return Redirect(f"{state.tenant.base_url}/impor/{batch_id}", status_code=303)


async def _batch(request: Request[Any, Any, Any], batch_id: int) -> dict[str, Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    batch = await load_batch(tenant.code, batch_id)
    if batch is None:
        raise NotFoundException()
    return batch


@get("/impor/{batch_id:int}", guards=[requires(IMPORT)], include_in_schema=False)
async def batch_page(request: Request[Any, Any, Any], batch_id: int) -> Response[Any]:
    batch = await _batch(request, batch_id)
    report = ImportReport.from_json(batch["counts"].get("report", {}))
    return await render(
        request,
        "population/importing/batch.html",
        {"batch": batch, "report": report, "progress": PROGRESS.get(batch_id)},
    )


@post("/impor/{batch_id:int}/jalankan", guards=[requires(IMPORT)], include_in_schema=False)
async def confirm(request: Request[Any, Any, Any], kernel: Kernel, batch_id: int) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    batch = await _batch(request, batch_id)
    url = f"{state.tenant.base_url}/impor/{batch_id}"
    if batch["status"] != PREVIEWED:
        return Redirect(url, status_code=303)  # a repeated confirm: the page shows how it went
    suffix = str(batch["counts"].get("suffix", ".csv"))
    path = _stored_path(kernel, state.tenant.code, batch["sha256"], suffix)
    if not path.exists():
        await flash(request, "error", "Berkas impor tidak ditemukan lagi; unggah ulang.")
        return Redirect(f"{state.tenant.base_url}/impor", status_code=303)
    claimed = (
        await ImportBatch.update({ImportBatch.status: RUNNING})
        .where((ImportBatch.id == batch_id) & (ImportBatch.status == PREVIEWED))
        .returning(ImportBatch.id)
    )
    if claimed:  # two confirms at once: only the one that moved the batch on starts it
        start_import(kernel, {**batch, "status": RUNNING}, path, state.principal.username)
    return Redirect(url, status_code=303)


@get("/impor/{batch_id:int}/status", guards=[requires(IMPORT)], include_in_schema=False)
async def batch_status(request: Request[Any, Any, Any], batch_id: int) -> Response[Any]:
    batch = await _batch(request, batch_id)
    headers = {} if batch["status"] == RUNNING else {"HX-Refresh": "true"}
    return await render(
        request,
        "population/importing/progress.html",
        {"batch": batch, "progress": PROGRESS.get(batch_id)},
        headers=headers,
    )


ROUTES = [import_page, upload, batch_page, confirm, batch_status]
