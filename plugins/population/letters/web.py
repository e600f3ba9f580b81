"""Village staff pages for letters: the list, drafting, the detail with its actions, the PDF."""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import (
    HTTPException,
    NotFoundException,
    PermissionDeniedException,
)
from litestar.response import Redirect
from markupsafe import Markup, escape

from core.audit import disclose
from core.auth.principal import Principal, has_permission
from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import TransitionRefused, UnknownAction
from plugins.population import disclosures
from plugins.population.letters import (
    citizen_requests,
    request_pages,
    signatory_pages,
    signing_pages,
)
from plugins.population.letters.context import flat_fields
from plugins.population.letters.kinds import LETTER_KINDS, kind_title
from plugins.population.letters.preview import PREVIEW_STATUSES
from plugins.population.letters.requests import requested_letters
from plugins.population.letters.service import (
    PAPERS,
    ActionForbidden,
    LetterFilter,
    LetterFormError,
    actions_for,
    create_letter,
    letter_steps,
    load_letter,
    search_letters,
    take_action,
)
from plugins.population.letters.signing_checks import SigningRefused
from plugins.population.letters.signing_pages import sign_page
from plugins.population.letters.store import read_letter_pdf
from plugins.population.letters.workflow import (
    DRAFT_PERMISSION,
    LETTER_LIFECYCLE,
    REQUEST_LIFECYCLE,
    status_label,
)
from plugins.population.permissions import RESIDENT_READ, TEMPLATE_EDIT
from plugins.population.services.history import actor_names

STATUS_TONES = {
    "diminta": "warning",
    "draf": "neutral",
    "diperiksa": "info",
    "ditandatangani": "success",
}
LETTER_STATES = LETTER_LIFECYCLE.states | REQUEST_LIFECYCLE.states
STORAGE_FAILED = (
    "Surat gagal disimpan, sehingga belum ditandatangani dan nomornya tidak terpakai. "
    "Coba lagi; bila terus gagal, hubungi admin TI kabupaten."
)


def _local_day(moment: Any) -> str:
    """DD-MM-YYYY in the instance's zone, as every list shows a day (the letter itself spells the
    month out in Indonesian, as an official document does)."""
    return local_day(moment).strftime("%d-%m-%Y") if moment else ""


def _int(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdecimal() else None


@get("/surat", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def letter_list(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    query = request.query_params
    criteria = LetterFilter(
        kind=str(query.get("jenis") or ""),
        status=str(query.get("status") or ""),
        year=_int(query.get("tahun")),
        page=_int(query.get("page")) or 1,
    )
    rows, pages = await search_letters(tenant.code, criteria)
    table_rows = [
        {
            "number": Markup('<a href="{}/surat/{}">{}</a>').format(
                tenant.base_url, row["id"], row["number"] or f"(draf #{row['id']})"
            ),
            "kind": kind_title(row["kind"]),
            "resident": escape(row["resident_name"] or ""),
            "status": status_label(row["status"]),
            "created": _local_day(row["created_at"]),
        }
        for row in rows
    ]
    disclose(
        request,
        disclosures.LETTER_LIST,
        subjects=disclosures.many(rows, disclosures.letter),
        query={"jenis": criteria.kind, "status": criteria.status, "tahun": criteria.year or ""},
        count=len(rows),
    )
    return await render(
        request,
        "population/letters/list.html",
        {
            "rows": table_rows,
            "page": criteria.page,
            "pages": pages,
            "criteria": criteria,
            "kinds": [(code, kind.title) for code, kind in LETTER_KINDS.items()],
            "statuses": [(s, status_label(s)) for s in sorted(LETTER_STATES)],
            "requested": await _requested_rows(),
            "can_draft": _can(kernel, tenant, principal, DRAFT_PERMISSION),
            "can_edit_templates": _can(kernel, tenant, principal, TEMPLATE_EDIT),
        },
    )


async def _requested_rows() -> list[dict[str, Any]]:
    """Citizens' requests, oldest first, shown above the list with their "Buat draf" action."""
    return [
        {
            "id": row["id"],
            "kind": kind_title(row["kind"]),
            "resident": row["resident_name"] or "",
            "purpose": json_dict(row["data"]).get("keperluan", ""),
            "day": _local_day(row["created_at"]),
        }
        for row in await requested_letters()
    ]


def _can(kernel: Kernel, tenant: Tenant, principal: Principal, permission: str) -> bool:
    return has_permission(principal, tenant, permission, kernel.permissions)


def _form_context(values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    kind = LETTER_KINDS.get(str(values.get("kind") or ""))
    return {
        "values": values,
        "errors": errors,
        "kind": kind,
        "kinds": [("", "— pilih jenis surat —")]
        + [(code, k.title) for code, k in LETTER_KINDS.items()],
        "papers": [(paper, paper) for paper in PAPERS],
    }


@get("/surat/baru", guards=[requires(DRAFT_PERMISSION)], include_in_schema=False)
async def new_letter_form(request: Request[Any, Any, Any]) -> Response[Any]:
    values = {
        "kind": str(request.query_params.get("jenis") or ""),
        "nik": str(request.query_params.get("nik") or ""),
        "paper": "A4",
        "idempotency_key": secrets.token_hex(16),
    }
    return await render(request, "population/letters/new.html", _form_context(values, {}))


@post("/surat/baru", guards=[requires(DRAFT_PERMISSION)], include_in_schema=False)
async def create_letter_page(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    state = request_state(request)
    form = await request.form()
    values = {key: str(value) for key, value in form.items() if key != "_csrf_token"}
    try:
        draft = await create_letter(kernel, tenant, principal.username, values, state.now)
    except LetterFormError as error:
        return await render(
            request,
            "population/letters/new.html",
            _form_context(values, error.errors),
            status_code=422,
        )
    if draft.created:
        await flash(
            request, "success", _("Draf surat disimpan dan menunggu pemeriksaan sekretaris.")
        )
    return Redirect(f"{tenant.base_url}/surat/{draft.letter_id}", status_code=303)


async def _detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response[Any]:
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise NotFoundException()
    kind = LETTER_KINDS[letter["kind"]]
    steps = await letter_steps(tenant.code, letter_id)
    names = await actor_names([letter["created_by"], *(step["actor"] for step in steps)])
    disclose(request, disclosures.LETTER_DETAIL, subjects=disclosures.letter(letter))
    return await render(
        request,
        "population/letters/detail.html",
        {
            "letter": letter,
            "kind": kind,
            "fields": [
                (_(field.label), value)
                for field in kind.fields
                if (value := flat_fields(kind, json_dict(letter["data"])).get(field.key))
            ],
            "status_label": status_label(letter["status"]),
            "status_tone": STATUS_TONES.get(letter["status"], "danger"),
            "steps": [
                {
                    **step,
                    "label": status_label(step["action"]),
                    "day": _local_day(step["at"]),
                    "actor": names[step["actor"]],
                }
                for step in steps
            ],
            "actions": [
                (action, LETTER_LIFECYCLE.label(action))
                for action in actions_for(principal, tenant, kernel, letter["status"])
            ],
            "errors": errors or {},
            "can_preview": letter["status"] in PREVIEW_STATUSES,
            "can_draft_request": letter["status"] == "diminta"
            and _can(kernel, tenant, principal, DRAFT_PERMISSION),
            "created_day": _local_day(letter["created_at"]),
            "created_by": names[letter["created_by"]],
            "signed_day": _local_day(letter["signed_at"]),
        },
        status_code=status_code,
    )


@get("/surat/{letter_id:int}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def letter_detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
) -> Response[Any]:
    return await _detail(request, kernel, tenant, principal, letter_id)


def workflow_http_error(error: Exception) -> HTTPException:
    """The HTTP answer to a refused action, shared by the pages and the API."""
    if isinstance(error, LookupError | UnknownAction):
        return NotFoundException()
    if isinstance(error, ActionForbidden):
        return PermissionDeniedException(
            "Peran Anda tidak berwenang melakukan "
            f"'{LETTER_LIFECYCLE.label(str(error.args[0]))}' pada surat."
        )
    if isinstance(error, TransitionRefused):
        return HTTPException(status_code=409, detail=str(error))
    return HTTPException(status_code=500, detail=STORAGE_FAILED)


@post(
    "/surat/{letter_id:int}/aksi/{action:str}",
    guards=[requires(RESIDENT_READ)],
    include_in_schema=False,
)
async def letter_action(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    letter_id: int,
    action: str,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    """Every action also checks the permission the lifecycle names for it (403 otherwise)."""
    state = request_state(request)
    form = await request.form()
    payload = {key: str(value) for key, value in form.items()}
    try:
        errors = await take_action(kernel, tenant, principal, letter_id, action, payload, state.now)
    except SigningRefused as refused:
        state.commit_on_error = True  # the refused attempt stays in the audit chain
        errors = refused.errors
    except (LookupError, UnknownAction, ActionForbidden, TransitionRefused, OSError) as error:
        raise workflow_http_error(error) from error
    if errors and action == "tandatangani":
        letter = await load_letter(tenant.code, letter_id)
        assert letter is not None, "take_action found it a moment ago"
        values = {"penanda_tangan": payload.get("penanda_tangan", "")}
        return await sign_page(
            request, kernel, tenant, letter, values=values, errors=errors, status_code=422
        )
    if errors:
        return await _detail(request, kernel, tenant, principal, letter_id, errors, status_code=422)
    await flash(
        request,
        "success",
        _("Surat: {action} berhasil.").format(action=LETTER_LIFECYCLE.label(action)),
    )
    return Redirect(f"{tenant.base_url}/surat/{letter_id}", status_code=303)


@get("/surat/{letter_id:int}/pdf", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def letter_pdf(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    letter_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    letter = await load_letter(tenant.code, letter_id)
    if letter is None or not letter["pdf_name"]:
        raise NotFoundException("Surat ini belum ditandatangani, jadi belum ada berkas PDF-nya.")
    try:
        pdf = read_letter_pdf(kernel.settings.data_path, tenant.code, letter["pdf_name"])
    except FileNotFoundError:
        raise NotFoundException("Berkas PDF surat tidak ditemukan di penyimpanan.") from None
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="read",
        entity="letter_pdf",
        entity_id=letter_id,
    )
    disclose(request, disclosures.LETTER_PDF, subjects=disclosures.letter(letter))
    filename = "surat-" + (letter["number"] or str(letter_id)).replace("/", "-") + ".pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "content-disposition": f'attachment; filename="{filename}"',
            "x-content-type-options": "nosniff",
        },
    )


ROUTES = [
    letter_list,
    new_letter_form,
    create_letter_page,
    letter_detail,
    letter_action,
    letter_pdf,
    *signing_pages.ROUTES,
    *signatory_pages.ROUTES,
    *request_pages.ROUTES,
    *citizen_requests.ROUTES,
]
"""Every letters page of a village: staff pages, the signing confirmation and preview, the
signatory list, requested letters, and the citizen's request form."""
