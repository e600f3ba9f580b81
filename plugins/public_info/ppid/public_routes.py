"""The requester's pages, open to anyone: the request form, the receipt, the status page and
the objection. None of them shows an identity number whole."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.i18n import _
from core.localtime import local_day
from core.web.guards import public
from core.web.render import render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.public_info.access import SITE_PREFIX, public_village, site_url
from plugins.public_info.ppid import deadlines
from plugins.public_info.ppid.forms import (
    COPY_FORMS,
    DELIVERIES,
    HONEYPOT,
    IDENTITY_KINDS,
    parse_request_form,
)
from plugins.public_info.ppid.lifecycle import ANSWERED, OBJECTION_GROUNDS, PENDING
from plugins.public_info.ppid.requests import (
    REQUESTER,
    ActionInvalid,
    Filed,
    TooManyFilings,
    file_request,
    find_for_requester,
    history,
    request_files,
    take_action,
)
from plugins.public_info.ppid.views import choice_options, step_lines, summary
from plugins.public_info.uploads import download_headers, read_file

FORM_TEMPLATE = "public_info/ppid/request_form.html"
STATUS_TEMPLATE = "public_info/ppid/status.html"


def _form_context(values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "values": values,
        "errors": errors,
        "honeypot": HONEYPOT,
        "identity_options": choice_options(IDENTITY_KINDS),
        "copy_options": choice_options(COPY_FORMS),
        "delivery_options": choice_options(DELIVERIES),
        "answer_days": deadlines.ANSWER_DAYS,
    }


@get(f"{SITE_PREFIX}/ppid/permohonan", guards=[public], include_in_schema=False)
async def request_form(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    values = {"idempotency_key": secrets.token_urlsafe(16)}
    context = _form_context(values, {})
    context["site_url"] = site_url(tenant)
    return await render(request, FORM_TEMPLATE, context)


@post(f"{SITE_PREFIX}/ppid/permohonan", guards=[public], include_in_schema=False)
async def submit_request(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    kernel = request.app.state.kernel
    parsed = parse_request_form(await request.form())
    context = _form_context(parsed.values, parsed.errors)
    context["site_url"] = site_url(tenant)
    if parsed.is_bot:
        # A bot gets the same answer as a person would for a bad form, and nothing is stored.
        return await render(request, FORM_TEMPLATE, context, status_code=422)
    if parsed.errors:
        return await render(request, FORM_TEMPLATE, context, status_code=422)
    address = request.client.host if request.client else "unknown"
    try:
        filed = await file_request(
            kernel, tenant.code, parsed.values, request_state(request).now, address
        )
    except TooManyFilings:
        context["errors"] = {
            "requester_name": _(
                "Terlalu banyak permohonan dari alamat ini; coba lagi satu jam lagi."
            )
        }
        return await render(request, FORM_TEMPLATE, context, status_code=429)
    receipt = {"filed": filed if isinstance(filed, Filed) else None, "site_url": site_url(tenant)}
    return await render(request, "public_info/ppid/receipt.html", receipt, status_code=201)


async def _status_context(
    request: Request[Any, Any, Any], nomor: str, kode: str
) -> tuple[dict[str, Any], bool]:
    tenant = await public_village(request)
    context: dict[str, Any] = {
        "nomor": nomor,
        "kode": kode,
        "site_url": site_url(tenant),
        "found": None,
        "ground_options": choice_options(OBJECTION_GROUNDS),
        "errors": {},
        "values": {},
    }
    if not (nomor and kode):
        return context, True
    row = await find_for_requester(nomor, kode)
    if row is None:
        return context, False
    today = local_day(request_state(request).now)
    found = summary(row, today)
    found["steps"] = step_lines(await history(row["id"]))
    found["files"] = await request_files(row["id"])
    found["may_object"] = row["status"] in ANSWERED or (
        row["status"] in PENDING and deadlines.is_late(row["due_on"], today)
    )
    context["found"] = found
    return context, True


@get(f"{SITE_PREFIX}/ppid/lacak", guards=[public], include_in_schema=False)
async def track(request: Request[Any, Any, Any], nomor: str = "", kode: str = "") -> Response[Any]:
    context, known = await _status_context(request, nomor.strip(), kode.strip())
    return await render(request, STATUS_TEMPLATE, context, status_code=200 if known else 404)


@post(f"{SITE_PREFIX}/ppid/lacak/keberatan", guards=[public], include_in_schema=False)
async def object_to_answer(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    nomor, kode = str(form.get("nomor", "")).strip(), str(form.get("kode", "")).strip()
    context, _known = await _status_context(request, nomor, kode)
    found = context["found"]
    if found is None:
        return await render(request, STATUS_TEMPLATE, context, status_code=404)
    payload = {"dasar": str(form.get("dasar", "")), "alasan": str(form.get("alasan", ""))}
    try:
        await take_action(
            request.app.state.kernel,
            found["id"],
            "ajukan_keberatan",
            payload,
            actor=REQUESTER,
            now=request_state(request).now,
        )
    except ActionInvalid as invalid:
        context.update(errors=invalid.errors, values=payload)
        return await render(request, STATUS_TEMPLATE, context, status_code=422)
    except WorkflowError as refused:
        context.update(errors={"dasar": str(refused)}, values=payload)
        return await render(request, STATUS_TEMPLATE, context, status_code=409)
    query = urlencode({"nomor": nomor, "kode": kode})
    return Redirect(f"{context['site_url']}/ppid/lacak?{query}", status_code=303)


@get(f"{SITE_PREFIX}/ppid/lacak/berkas/{{file_id:int}}", guards=[public], include_in_schema=False)
async def granted_file(
    request: Request[Any, Any, Any], file_id: int, nomor: str = "", kode: str = ""
) -> Response[Any]:
    """A file sent with a grant, for whoever holds the request's number and code."""
    tenant = await public_village(request)
    row = await find_for_requester(nomor, kode) if nomor and kode else None
    if row is None:
        raise NotFoundException()
    file = next((f for f in await request_files(row["id"]) if f["id"] == file_id), None)
    data = (
        read_file(request.app.state.kernel.settings, tenant.code, file["stored_name"])
        if file
        else None
    )
    if file is None or data is None:
        raise NotFoundException()
    return Response(
        data,
        media_type=file["content_type"],
        headers=download_headers(file["filename"], public=False),
    )


ROUTES = [request_form, submit_request, track, object_to_answer, granted_file]
