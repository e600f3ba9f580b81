"""The PPID's pages for the information list: the whole list, a new entry, withdrawing one."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.i18n import _
from core.localtime import local_day
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.public_info.dip.classification import CATEGORIES
from plugins.public_info.dip.documents import (
    add_document,
    all_documents,
    load_document,
    withdraw_document,
)
from plugins.public_info.dip.forms import parse_document_form
from plugins.public_info.permissions import DIP_MANAGE
from plugins.public_info.ppid.lifecycle import EXEMPTIONS
from plugins.public_info.ppid.views import choice_options
from plugins.public_info.uploads import (
    BODY_LIMIT,
    CheckedFile,
    check_file,
    download_headers,
    read_file,
)

FORM_TEMPLATE = "public_info/dip/form.html"


@get("/ppid/dip", guards=[requires(DIP_MANAGE)], include_in_schema=False)
async def document_list(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    rows = await all_documents()
    for row in rows:
        row["category_label"] = _(CATEGORIES.get(row["category"], row["category"]))
    return await render(
        request,
        "public_info/dip/list.html",
        {"rows": rows, "base_url": f"{tenant.base_url}/ppid/dip"},
    )


def _form_context(base_url: str, values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "values": values,
        "errors": errors,
        "base_url": base_url,
        "category_options": choice_options(CATEGORIES),
        "exemption_options": choice_options(EXEMPTIONS),
    }


@get("/ppid/dip/baru", guards=[requires(DIP_MANAGE)], include_in_schema=False)
async def new_document(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    values = {"idempotency_key": secrets.token_urlsafe(16), "retention_years": "5"}
    return await render(
        request, FORM_TEMPLATE, _form_context(f"{tenant.base_url}/ppid/dip", values, {})
    )


@post(
    "/ppid/dip/baru",
    guards=[requires(DIP_MANAGE)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def create_document(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    tenant, principal = state.tenant, state.principal
    assert tenant is not None and principal is not None
    base_url = f"{tenant.base_url}/ppid/dip"
    form = await request.form()
    upload = form.get("file")
    data = b""
    filename = ""
    if isinstance(upload, UploadFile) and upload.filename:
        data, filename = await upload.read(), upload.filename
    today = local_day(state.now)
    parsed = parse_document_form(form, today, has_file=bool(filename))
    errors = dict(parsed.errors)
    checked: CheckedFile | None = None
    if filename and "file" not in errors:
        outcome = await asyncio.to_thread(check_file, filename, data)
        if isinstance(outcome, str):
            errors["file"] = outcome
        else:
            checked = outcome
    if errors:
        context = _form_context(base_url, parsed.values, errors)
        return await render(request, FORM_TEMPLATE, context, status_code=422)
    await add_document(
        request.app.state.kernel,
        tenant.code,
        parsed.fields,
        checked,
        actor=principal.username,
        now=state.now,
        key=parsed.values["idempotency_key"],
    )
    await flash(request, "success", _("Informasi ditambahkan ke daftar."))
    return Redirect(base_url, status_code=303)


@post("/ppid/dip/{document_id:int}/tarik", guards=[requires(DIP_MANAGE)], include_in_schema=False)
async def withdraw(request: Request[Any, Any, Any], document_id: int) -> Response[Any]:
    state = request_state(request)
    tenant, principal = state.tenant, state.principal
    assert tenant is not None and principal is not None
    kernel = request.app.state.kernel
    if not await withdraw_document(kernel, tenant.code, document_id, principal.username):
        raise NotFoundException()
    await flash(request, "success", _("Informasi ditarik dari daftar publik."))
    return Redirect(f"{tenant.base_url}/ppid/dip", status_code=303)


@get("/ppid/dip/{document_id:int}/berkas", guards=[requires(DIP_MANAGE)], include_in_schema=False)
async def staff_download(request: Request[Any, Any, Any], document_id: int) -> Response[Any]:
    """The PPID's copy of an entry's file, of any class that holds one (information on
    request included, to send with a grant); each download is in the audit chain."""
    state = request_state(request)
    tenant, principal = state.tenant, state.principal
    assert tenant is not None and principal is not None
    kernel = request.app.state.kernel
    row = await load_document(document_id)
    data = read_file(kernel.settings, tenant.code, row["stored_name"]) if row else None
    if row is None or data is None:
        raise NotFoundException()
    await kernel.audit(
        tenant, actor=principal.username, action="read",
        entity="public_info_document", entity_id=document_id,
    )  # fmt: skip
    return Response(
        data,
        media_type=row["content_type"],
        headers=download_headers(row["filename"], public=False),
    )


ROUTES = [document_list, new_document, create_document, withdraw, staff_download]
