"""The village's import pages: upload a register, read the dry-run report, confirm, watch it run.

The upload is stored under the instance's data directory (never the web root) by its SHA-256,
previewed with a dry run inside the request, and imported after confirmation in the background.
The page states the size limit the route enforces (`limits.UPLOAD_MAX_BYTES`): a larger file is
refused with that same sentence beside the file field, whether the handler or the request body
limit catches it. Each upload first purges the village's expired import files (`retention`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import MediaType
from litestar.exceptions import HTTPException, NotFoundException
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.response import Redirect

from core import i18n
from core.auth.principal import Principal
from core.db import remove_on_rollback
from core.i18n import N_, _
from core.kernel import Kernel
from core.localtime import local_clock
from core.tenancy.context import Tenant
from core.web.errors import http_exception_handler
from core.web.guards import plugin_enabled, requires
from core.web.render import flash, page_context, render, request_language
from plugins.population.importing.background import FAILED, PROGRESS, RUNNING, start_import
from plugins.population.importing.batches import file_sha256, load_batch, save_batch, stored_path
from plugins.population.importing.formats import ImportFormatError
from plugins.population.importing.importer import Target
from plugins.population.importing.limits import (
    FORM_ALLOWANCE_BYTES,
    MB,
    UPLOAD_LIMITS,
    UPLOAD_MAX_BYTES,
)
from plugins.population.importing.report import ImportReport
from plugins.population.importing.retention import purge_imports
from plugins.population.importing.runs import DONE, import_register
from plugins.population.permissions import IMPORT
from plugins.population.tables import ImportBatch

PREVIEWED = "pratinjau"
SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls")
MAX_MB = UPLOAD_MAX_BYTES // MB
TOO_LARGE = N_("Berkas: ukuran paling besar {max_mb} MB.")
STATUS_LABELS = {
    PREVIEWED: N_("Pratinjau"),
    RUNNING: N_("Berjalan"),
    DONE: N_("Selesai"),
    FAILED: N_("Gagal"),
}
_CHUNK = 1 << 20
_TEMPLATE = "population/importing/import.html"


def _stored_path(kernel: Kernel, village_code: str, sha256: str, suffix: str) -> Path:
    return stored_path(kernel.settings.data_path, village_code, sha256, suffix)


def _shown(batch: dict[str, Any]) -> dict[str, Any]:
    """A batch row with its status in words and its upload time in the instance's zone."""
    created = batch.get("created_at")
    return {
        **batch,
        "status_label": _(STATUS_LABELS.get(batch["status"], batch["status"])),
        "created": local_clock(created) if created else "",
    }


def _too_large_message() -> str:
    return _(TOO_LARGE).format(max_mb=MAX_MB)


async def _recent(village_code: str) -> list[dict[str, Any]]:
    rows = (
        await ImportBatch.select(
            ImportBatch.id, ImportBatch.filename, ImportBatch.status, ImportBatch.created_at
        )
        .where(ImportBatch.village_code == village_code)
        .order_by(ImportBatch.created_at, ascending=False)
        .limit(20)
    )
    return [_shown(row) for row in rows]


async def _form(
    request: Request[Any, Any, Any], tenant: Tenant, error: str | None, status: int
) -> Response[Any]:
    context = {"error": error, "batches": await _recent(tenant.code), "max_mb": MAX_MB}
    return await render(request, _TEMPLATE, context, status_code=status)


_UPLOAD_GUARDS = (plugin_enabled("population"), requires(IMPORT))
"""The upload route's guards (its router's and its own), whose plain checks are called here."""


def _too_large(request: Request[Any, Any, Any], exc: RequestEntityTooLarge) -> Response[Any]:
    """The body went past the route's limit, perhaps before the handler ran (the CSRF check reads
    a browser's form first), so guards are checked here and the page is built without the
    database (exception handlers are synchronous): the form with the page's own sentence."""
    handler = request.route_handler
    try:
        for guard in _UPLOAD_GUARDS:
            guard.check(request, handler)  # type: ignore[attr-defined]
    except HTTPException as refused:
        return http_exception_handler(request, refused)
    translator: i18n.Translator = request.app.state.translator
    token = translator.activate(i18n.pick_language(request_language(request)))
    try:
        context = {
            **page_context(request),
            "error": _too_large_message(),
            "batches": [],
            "max_mb": MAX_MB,
        }
        context["layout"] = "layouts/base.html"
        html = request.app.state.templates.get_template(_TEMPLATE).render(context)
    finally:
        translator.reset(token)
    return Response(html, media_type=MediaType.HTML, status_code=422)


@get("/impor", guards=[requires(IMPORT)], include_in_schema=False)
async def import_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    return await _form(request, tenant, None, 200)


async def _save_upload(upload: UploadFile, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with target.open("wb") as handle:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > UPLOAD_MAX_BYTES:
                break
            handle.write(chunk)
    return size


@post(
    "/impor",
    guards=[requires(IMPORT)],
    include_in_schema=False,
    request_max_body_size=UPLOAD_MAX_BYTES + FORM_ALLOWANCE_BYTES,
    exception_handlers={RequestEntityTooLarge: _too_large},
)
async def upload(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    await purge_imports(kernel.settings, tenant.code, dt.datetime.now(dt.UTC))
    form = await request.form()
    upload_file = form.get("berkas")
    if not isinstance(upload_file, UploadFile) or not upload_file.filename:
        return await _form(request, tenant, "Berkas: pilih berkas CSV, XLSX, XLSM atau XLS.", 422)
    filename = Path(upload_file.filename).name
    suffix = Path(filename).suffix.lower()
    if suffix not in SUFFIXES:
        return await _form(request, tenant, f"Berkas: jenis '{suffix}' tidak didukung.", 422)
    village = tenant.code
    incoming = kernel.settings.data_path / "imports" / village / f"upload-{id(form)}{suffix}"
    remove_on_rollback(incoming)
    if await _save_upload(upload_file, incoming) > UPLOAD_MAX_BYTES:
        incoming.unlink(missing_ok=True)
        return await _form(request, tenant, _too_large_message(), 422)
    sha256 = await asyncio.to_thread(file_sha256, incoming)
    stored = _stored_path(kernel, village, sha256, suffix)
    if not stored.exists():
        remove_on_rollback(stored)  # a refused file is not kept
    incoming.replace(stored)
    try:
        report, _ = await import_register(
            kernel,
            stored,
            Target(village),
            actor=principal.username,
            dry_run=True,
            limits=UPLOAD_LIMITS,
        )
    except ImportFormatError as error:
        return await _form(request, tenant, f"Berkas: {error}", 422)
    batch_id = await save_batch(
        village_code=village,
        filename=filename,
        sha256=sha256,
        status=PREVIEWED,
        actor=principal.username,
        report=report,
        extra={"suffix": suffix},
    )
    return Redirect(f"{tenant.base_url}/impor/{batch_id}", status_code=303)


async def _batch(tenant: Tenant, batch_id: int) -> dict[str, Any]:
    batch = await load_batch(tenant.code, batch_id)
    if batch is None:
        raise NotFoundException()
    return batch


@get("/impor/{batch_id:int}", guards=[requires(IMPORT)], include_in_schema=False)
async def batch_page(
    request: Request[Any, Any, Any], tenant: Tenant, batch_id: int
) -> Response[Any]:
    batch = await _batch(tenant, batch_id)
    report = ImportReport.from_json(batch["counts"].get("report", {}))
    return await render(
        request,
        "population/importing/batch.html",
        {"batch": _shown(batch), "report": report, "progress": PROGRESS.get(batch_id)},
    )


@post("/impor/{batch_id:int}/jalankan", guards=[requires(IMPORT)], include_in_schema=False)
async def confirm(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    batch_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    batch = await _batch(tenant, batch_id)
    url = f"{tenant.base_url}/impor/{batch_id}"
    if batch["status"] != PREVIEWED:
        return Redirect(url, status_code=303)  # a repeated confirm: the page shows how it went
    suffix = str(batch["counts"].get("suffix", ".csv"))
    path = _stored_path(kernel, tenant.code, batch["sha256"], suffix)
    if not path.exists():
        await flash(request, "error", _("Berkas impor tidak ditemukan lagi; unggah ulang."))
        return Redirect(f"{tenant.base_url}/impor", status_code=303)
    claimed = (
        await ImportBatch.update({ImportBatch.status: RUNNING})
        .where((ImportBatch.id == batch_id) & (ImportBatch.status == PREVIEWED))
        .returning(ImportBatch.id)
    )
    if claimed:  # two confirms at once: only the one that moved the batch on starts it
        start_import(kernel, {**batch, "status": RUNNING}, path, principal.username)
    return Redirect(url, status_code=303)


@get("/impor/{batch_id:int}/status", guards=[requires(IMPORT)], include_in_schema=False)
async def batch_status(
    request: Request[Any, Any, Any], tenant: Tenant, batch_id: int
) -> Response[Any]:
    batch = await _batch(tenant, batch_id)
    headers = {} if batch["status"] == RUNNING else {"HX-Refresh": "true"}
    return await render(
        request,
        "population/importing/progress.html",
        {"batch": _shown(batch), "progress": PROGRESS.get(batch_id)},
        headers=headers,
    )


ROUTES = [import_page, upload, batch_page, confirm, batch_status]
