"""The mail log pages: incoming and outgoing letters, recorded, corrected, downloaded.

A scan is checked by its content (JPG, PNG or PDF, size-limited) with the same checks and
storage as the services' supporting documents, and only ever sent back as a download.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core import idempotency
from core.auth.principal import Principal, has_permission
from core.exports import csv_download
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_clock, local_day
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population.letters import archive_mail as mail
from plugins.population.letters.dates import format_letter_date
from plugins.population.letters.workflow import DRAFT_PERMISSION
from plugins.population.permissions import RESIDENT_READ
from plugins.population.services.downloads import attachment_headers
from plugins.population.services.uploads import (
    CEILING_MAX_BYTES,
    check_upload,
    max_upload_bytes,
    store_upload,
    stored_path,
)

BODY_LIMIT = CEILING_MAX_BYTES + 64 * 1024

IDEMPOTENCY_KIND = "population.mail"
"""Keys of the mail-log form, so a form sent twice records one entry."""


def _direction(direction: str) -> str:
    if direction not in mail.DIRECTIONS:
        raise NotFoundException()
    return direction


def _year(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdecimal() and len(text) == 4 else None


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "recorded_day": format_letter_date(row["recorded_on"]),
        "letter_day": format_letter_date(row["letter_date"]),
        "recorded_time": local_clock(row["recorded_at"]) if row.get("recorded_at") else "",
    }


@get("/arsip-surat/{direction:str}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def mail_list(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    direction: str,
) -> Response[Any]:
    direction = _direction(direction)
    year = _year(request.query_params.get("tahun"))
    text = str(request.query_params.get("q") or "").strip()[:60]
    rows = await mail.mail_entries(direction, year, text)
    return await render(
        request,
        "population/letters/mail_list.html",
        {
            "direction": direction,
            "title": _(mail.DIRECTIONS[direction]),
            "labels": mail.labels(direction),
            "rows": [_shown(row) for row in rows],
            "year": year,
            "text": text,
            "can_record": has_permission(principal, tenant, DRAFT_PERMISSION, kernel.permissions),
        },
    )


@get(
    "/arsip-surat/{direction:str}/unduh", guards=[requires(RESIDENT_READ)], include_in_schema=False
)
async def mail_download(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    direction: str,
) -> Response[Any]:
    direction = _direction(direction)
    year = _year(request.query_params.get("tahun"))
    text = str(request.query_params.get("q") or "").strip()[:60]
    rows = await mail.mail_entries(direction, year, text)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="export",
        entity="letter_archive",
        entity_id=direction,
        after={"tahun": year or "", "q": text, "count": len(rows)},
    )
    name = f"surat-{direction}-{tenant.slug}-{year or 'semua'}.csv"
    return csv_download(mail.mail_csv(direction, rows), name)


async def _form_page(
    request: Request[Any, Any, Any],
    direction: str,
    values: dict[str, Any],
    errors: dict[str, str],
    *,
    entry: dict[str, Any] | None = None,
    history: list[dict[str, Any]] | None = None,
    status_code: int = 200,
) -> Response[Any]:
    return await render(
        request,
        "population/letters/mail_form.html",
        {
            "direction": direction,
            "title": _(mail.DIRECTIONS[direction]),
            "labels": mail.labels(direction),
            "values": values,
            "errors": errors,
            "entry": entry,
            "history": [_shown(row) for row in history or []],
        },
        status_code=status_code,
    )


@get(
    "/arsip-surat/{direction:str}/baru",
    guards=[requires(DRAFT_PERMISSION)],
    include_in_schema=False,
)
async def new_mail_form(request: Request[Any, Any, Any], direction: str) -> Response[Any]:
    today = local_day(request_state(request).now).isoformat()
    values = {"tanggal": today, "idempotency_key": secrets.token_hex(16)}
    return await _form_page(request, _direction(direction), values, {})


async def _attachment(
    kernel: Kernel, tenant: Tenant, direction: str, form: Any
) -> dict[str, str] | str:
    """The stored scan's name, file name and type; {} without one; the error as text."""
    upload = form.get("berkas")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return {}
    data = await upload.read()
    label = mail.labels(direction)["berkas"]
    limit = max_upload_bytes(kernel.settings)
    checked = await asyncio.to_thread(check_upload, "berkas", label, upload.filename, data, limit)
    if isinstance(checked, str):
        return checked
    name = store_upload(kernel.settings, tenant.code, checked)
    return {"name": name, "filename": checked.filename, "type": checked.content_type}


def _typed(form: Any) -> dict[str, str]:
    return {key: value for key, value in form.items() if isinstance(value, str)}


async def _checked(
    kernel: Kernel,
    tenant: Tenant,
    direction: str,
    form: Any,
    typed: dict[str, str],
    correction: bool,
) -> tuple[Any, dict[str, str], dict[str, str]]:
    """The parsed form, the stored scan ({} without one) and the errors by field; the scan is
    read and stored only when the typed fields are right."""
    parsed = mail.parse_mail_form(direction, typed, correction=correction)
    attachment = await _attachment(kernel, tenant, direction, form) if not parsed.errors else {}
    errors = dict(parsed.errors)
    if isinstance(attachment, str):
        errors["berkas"] = attachment
        attachment = {}
    return parsed, attachment, errors


@post(
    "/arsip-surat/{direction:str}/baru",
    guards=[requires(DRAFT_PERMISSION)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def create_mail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    direction: str,
) -> Response[Any]:
    direction = _direction(direction)
    form = await request.form()
    typed = _typed(form)
    key = typed.get("idempotency_key", "")
    earlier = await idempotency.recall(tenant.code, IDEMPOTENCY_KIND, key)
    if earlier is not None:  # the same form sent again (a double tap, a retry): one entry
        return Redirect(f"{tenant.base_url}/arsip-surat/{direction}/{earlier}", status_code=303)
    parsed, attachment, errors = await _checked(kernel, tenant, direction, form, typed, False)
    if errors:
        return await _form_page(request, direction, typed, errors, status_code=422)
    now = request_state(request).now
    entry_id = await mail.record_mail(
        kernel, tenant, direction, parsed.values, attachment, principal.username, now
    )
    await idempotency.remember(tenant.code, IDEMPOTENCY_KIND, key, principal.username, entry_id)
    await flash(request, "success", _("Surat dicatat di buku agenda."))
    return Redirect(f"{tenant.base_url}/arsip-surat/{direction}/{entry_id}", status_code=303)


def _values_of(version: dict[str, Any]) -> dict[str, str]:
    return {
        "tanggal": version["recorded_on"].isoformat(),
        "kode_klasifikasi": version["classification"],
        "nomor_surat": version["letter_number"],
        "tanggal_surat": version["letter_date"].isoformat(),
        "pihak": version["party"],
        "perihal": version["subject"],
        "ringkasan": version["summary"],
        "disposisi_kepada": version["disposition_to"],
        "disposisi_isi": version["disposition_note"],
    }


async def _entry(direction: str, entry_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    entry = await mail.load_entry(direction, entry_id)
    if entry is None:
        raise NotFoundException()
    return entry, await mail.mail_history(entry_id)


@get(
    "/arsip-surat/{direction:str}/{entry_id:int}",
    guards=[requires(RESIDENT_READ)],
    include_in_schema=False,
)
async def mail_detail(
    request: Request[Any, Any, Any], direction: str, entry_id: int
) -> Response[Any]:
    direction = _direction(direction)
    entry, history = await _entry(direction, entry_id)
    return await _form_page(
        request, direction, _values_of(history[-1]), {}, entry=entry, history=history
    )


@post(
    "/arsip-surat/{direction:str}/{entry_id:int}",
    guards=[requires(DRAFT_PERMISSION)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def correct_mail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    direction: str,
    entry_id: int,
) -> Response[Any]:
    direction = _direction(direction)
    entry, history = await _entry(direction, entry_id)
    form = await request.form()
    typed = _typed(form)
    parsed, attachment, errors = await _checked(kernel, tenant, direction, form, typed, True)
    if errors:
        return await _form_page(
            request, direction, typed, errors, entry=entry, history=history, status_code=422
        )
    now = request_state(request).now
    await mail.correct_mail(
        kernel, tenant, entry, parsed.values, attachment, principal.username, now
    )
    await flash(request, "success", _("Koreksi disimpan sebagai versi baru."))
    return Redirect(f"{tenant.base_url}/arsip-surat/{direction}/{entry_id}", status_code=303)


@get(
    "/arsip-surat/{direction:str}/{entry_id:int}/berkas/{version:int}",
    guards=[requires(RESIDENT_READ)],
    include_in_schema=False,
)
async def mail_attachment(
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    direction: str,
    entry_id: int,
    version: int,
) -> Response[Any]:
    direction = _direction(direction)
    _entry_row, history = await _entry(direction, entry_id)
    found = next((row for row in history if row["version"] == version), None)
    if found is None or not found["attachment_name"]:
        raise NotFoundException()
    try:
        data = stored_path(kernel.settings, tenant.code, found["attachment_name"]).read_bytes()
    except (ValueError, FileNotFoundError):
        raise NotFoundException() from None
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="read",
        entity=f"mail_{direction}_scan",
        entity_id=f"{entry_id}/{version}",
    )
    return Response(
        data,
        media_type=found["attachment_type"],
        headers=attachment_headers(found["attachment_filename"]),
    )


ROUTES = [
    mail_list,
    mail_download,
    new_mail_form,
    create_mail,
    mail_detail,
    correct_mail,
    mail_attachment,
]
