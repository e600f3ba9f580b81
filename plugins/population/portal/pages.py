"""The citizen's own pages in their village: family, requests, letters, online requests, rating."""

from __future__ import annotations

import re
import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import HTTPException, NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.domain.identity import mask_nik
from plugins.population.letters.citizen_view import citizen_letter_rows
from plugins.population.portal import request_routes
from plugins.population.portal.family import (
    CitizenView,
    family_letter,
    family_letters,
    family_requests,
    member_status,
)
from plugins.population.portal.guard import citizen_of_village
from plugins.population.portal.session import signed_in_citizen
from plugins.population.services.details import DETAIL_FIELDS
from plugins.population.services.downloads import attachment_headers
from plugins.population.services.intake import (
    BODY_LIMIT,
    form_values,
    read_uploads,
    upload_field,
    upload_limits,
)
from plugins.population.services.kinds import KINDS, get_kind
from plugins.population.services.queries import age_of, load_request
from plugins.population.services.requests import (
    ActionConflict,
    ActionInvalid,
    SubmissionInvalid,
    find_by_key,
    kind_title,
    submit_request,
    take_action,
    validate_submission,
)
from plugins.population.services.views import tone
from plugins.population.services.workflow import REQUEST_LIFECYCLE

_PDF_NAME = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


async def _home_context(
    request: Request[Any, Any, Any], tenant: Tenant, citizen: CitizenView
) -> dict[str, Any]:
    now = request_state(request).now
    village = tenant.code
    me = citizen.resident["id"]
    members = [
        {
            "name": m["name"],
            "nik": m["nik"] if m["id"] == me else mask_nik(m["nik"]),
            "me": m["id"] == me,
            "status": member_status(m["status"]),
        }
        for m in citizen.members
    ]
    requests = [
        {
            "id": r["id"],
            "kind": kind_title(r["kind"]),
            "status": REQUEST_LIFECYCLE.label(r["status"]),
            "tone": tone(r["status"]),
            "age": age_of(r, now),
            "can_rate": r["status"] == "diserahkan",
            "returned": r["status"] == "dikembalikan",
            "document_number": r["document_number"],
            "rating": r["rating"],
        }
        for r in await family_requests(village, citizen)
    ]
    letters = citizen_letter_rows(await family_letters(village, citizen))
    return {
        "me": citizen.resident,
        "members": members,
        "requests": requests,
        "letters": letters,
        "errors": {},
        "values": {},
        "failed_request": None,
    }


@get("/warga", guards=[citizen_of_village], include_in_schema=False)
async def citizen_home_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    family = citizen.resident["family"]
    disclose(
        request,
        disclosures.PORTAL_FAMILY,
        subjects=[
            *disclosures.residents(citizen.members),
            *([disclosures.family_card(family)] if family else []),
        ],
    )
    return await render(
        request, "population/portal/home.html", await _home_context(request, tenant, citizen)
    )


def _form_context(
    kernel: Kernel,
    kind_key: str,
    citizen: CitizenView,
    values: dict[str, str],
    errors: dict[str, str],
    base: str,
) -> dict[str, Any]:
    """The form refers to family members by their row id, never by NIK: the page must not hand
    every member's full NIK to whoever holds the phone."""
    kind = None
    if kind_key:
        try:
            kind = get_kind(kind_key)
        except LookupError:
            errors = {**errors, "kind": _("Jenis layanan wajib dipilih dari daftar.")}
    return {
        "kind": kind,
        "kind_options": [("", _("Pilih jenis layanan")), *((k.key, _(k.title)) for k in KINDS)],
        "member_options": [(str(m["id"]), m["name"]) for m in citizen.members],
        "detail_fields": DETAIL_FIELDS.get(kind.key, ()) if kind else (),
        "upload_field": upload_field,
        "values": {"idempotency_key": secrets.token_hex(16), **values},
        "errors": errors,
        "action": f"{base}/warga/layanan/baru",
        **upload_limits(kernel.settings),
    }


@get("/warga/layanan/baru", guards=[citizen_of_village], include_in_schema=False)
async def citizen_request_form(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, kind: str = ""
) -> Response[Any]:
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    context = _form_context(kernel, kind, citizen, {"kind": kind}, {}, tenant.base_url)
    return await render(request, "population/portal/new_request.html", context)


@post(
    "/warga/layanan/baru",
    guards=[citizen_of_village],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def citizen_request_submit(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant
) -> Response[Any]:
    state = request_state(request)
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    form = await request.form()
    values = form_values(form)
    existing = await find_by_key(tenant.code, values.get("idempotency_key", ""))
    if existing is not None:
        return Redirect(f"{tenant.base_url}/warga", status_code=303)
    me = citizen.resident
    member = next((m for m in citizen.members if str(m["id"]) == values.get("member")), None)
    errors: dict[str, str] = {}
    submission = None
    if member is None:
        errors["member"] = _("Pilih anggota keluarga Anda yang dilayani.")
    try:
        submission = await validate_submission(
            tenant.code,
            {
                **values,
                "nik": member["nik"] if member else "",
                "applicant_name": me["name"],
                "applicant_nik": me["nik"],
            },
            "online",
            local_day(state.now),
        )
    except SubmissionInvalid as exc:
        found = dict(exc.errors)
        if "nik" in found:
            found["member"] = found.pop("nik")
        errors = {**found, **errors}
    uploads, upload_errors = await read_uploads(form, values.get("kind", ""), kernel.settings)
    errors.update(upload_errors)
    if errors or submission is None:
        context = _form_context(
            kernel, values.get("kind", ""), citizen, values, errors, tenant.base_url
        )
        return await render(request, "population/portal/new_request.html", context, status_code=422)
    request_id, _created = await submit_request(
        kernel, tenant.code, submission, uploads, f"warga:{me['id']}", state.now
    )
    await flash(
        request,
        "success",
        _("Permohonan #{request_id} terkirim. Petugas desa akan memeriksanya.").format(
            request_id=request_id
        ),
    )
    return Redirect(f"{tenant.base_url}/warga", status_code=303)


@post("/warga/layanan/{request_id:int}/nilai", guards=[citizen_of_village], include_in_schema=False)
async def citizen_rate(
    request: Request[Any, Any, Any], kernel: Kernel, request_id: int, tenant: Tenant
) -> Response[Any]:
    state = request_state(request)
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    row = await load_request(tenant.code, request_id)
    if row is None or not citizen.owns_request(row):
        raise NotFoundException()
    values = form_values(await request.form())
    try:
        await take_action(
            kernel, row, "nilai", values, f"warga:{citizen.resident['id']}", state.now
        )
    except ActionConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except ActionInvalid as exc:
        context = await _home_context(request, tenant, citizen)
        context.update(errors=exc.errors, values=values, failed_request=request_id)
        return await render(request, "population/portal/home.html", context, status_code=422)
    await flash(request, "success", _("Terima kasih atas penilaian Anda."))
    return Redirect(f"{tenant.base_url}/warga", status_code=303)


@get("/warga/surat/{letter_id:int}/pdf", guards=[citizen_of_village], include_in_schema=False)
async def citizen_letter_pdf(
    request: Request[Any, Any, Any], kernel: Kernel, letter_id: int, tenant: Tenant
) -> Response[Any]:
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    letter = await family_letter(tenant.code, citizen, letter_id)
    if letter is None or not letter["pdf_name"] or not _PDF_NAME.match(letter["pdf_name"]):
        raise NotFoundException()
    path = kernel.settings.data_path / "letters" / tenant.code / letter["pdf_name"]
    if not path.is_file():
        raise NotFoundException()
    filename = f"surat-{letter['number'] or letter['id']}.pdf".replace("/", "-")
    return Response(
        path.read_bytes(), media_type="application/pdf", headers=attachment_headers(filename)
    )


ROUTES = [
    citizen_home_page,
    citizen_request_form,
    citizen_request_submit,
    citizen_rate,
    citizen_letter_pdf,
    *request_routes.ROUTES,
]
