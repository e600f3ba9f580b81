"""The village's request pages: the list, the counter form, a request's detail and its actions."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import HTTPException, NotFoundException, PermissionDeniedException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal, has_permission
from core.i18n import N_, _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.guards import DENIED, requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.permissions import RESIDENT_READ
from plugins.population.services.checklist import ORIGINALS_FIELD
from plugins.population.services.details import DETAIL_FIELDS, SUBJECT_OPTIONAL
from plugins.population.services.downloads import document_response
from plugins.population.services.intake import (
    BODY_LIMIT,
    form_values,
    read_uploads,
    upload_field,
    upload_limits,
)
from plugins.population.services.kinds import KINDS, get_kind
from plugins.population.services.queries import (
    PAGE_SIZE,
    Filters,
    list_requests,
    load_request,
    parse_show,
)
from plugins.population.services.requests import (
    ActionConflict,
    ActionInvalid,
    SubmissionInvalid,
    find_by_key,
    submit_request,
    take_action,
    validate_submission,
)
from plugins.population.services.viewer import viewer_note
from plugins.population.services.views import (
    CONFIRM_ACTIONS,
    detail_context,
    kind_options,
    permitted_actions,
    show_options,
    status_options,
    table_rows,
)
from plugins.population.services.workflow import (
    CHECK_PERMISSION,
    REQUEST_LIFECYCLE,
    SUBMIT_PERMISSION,
)

CONFIRMED = "konfirmasi"
"""Form field an action in ``CONFIRM_ACTIONS`` carries (``ya``) once the user confirmed it."""
LIST_COLUMNS = [
    {"key": "id", "label": N_("No.")},
    {"key": "kind", "label": N_("Jenis layanan")},
    {"key": "person", "label": N_("Warga")},
    {"key": "status", "label": N_("Status")},
    {"key": "submitted", "label": N_("Diajukan")},
    {"key": "age", "label": N_("Umur")},
    {"key": "channel", "label": N_("Saluran")},
]


def parse_age(value: str) -> int | None:
    return int(value) if value.strip().isdecimal() else None


def parse_page(value: str) -> int:
    return max(int(value), 1) if value.strip().isdecimal() else 1


@get("/layanan", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def request_list(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    kind: str = "",
    status: str = "",
    min_age: str = "",
    page: str = "1",
    tampil: str = "",
) -> Response[Any]:
    state = request_state(request)
    filters = Filters(
        kind=kind,
        status=status,
        min_age=parse_age(min_age),
        page=parse_page(page),
        show=parse_show(tampil),
    )
    rows, total = await list_requests(tenant.code, filters, state.now)
    disclose(
        request,
        disclosures.REQUEST_LIST,
        subjects=disclosures.many(rows, disclosures.service_request),
        query=filters.query(),
        count=total,
    )
    base = f"{tenant.base_url}/layanan"
    context = {
        "columns": LIST_COLUMNS,
        "rows": table_rows(rows, state.now, lambda r: f"{base}/{r['id']}"),
        "total": total,
        "page": filters.page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "filters": filters,
        "query": filters.query(),
        "base_url": base,
        "kind_options": kind_options(),
        "status_options": status_options(),
        "show_options": show_options(),
        "can_submit": has_permission(principal, tenant, SUBMIT_PERMISSION, kernel.permissions),
        "heading": _("Layanan kependudukan"),
    }
    return await render(request, "population/services/list.html", context)


def _form_context(
    kernel: Kernel, kind_key: str, values: dict[str, str], errors: dict[str, str], action: str
) -> dict[str, Any]:
    kind = None
    if kind_key:
        try:
            kind = get_kind(kind_key)
        except LookupError:
            errors = {**errors, "kind": _("Jenis layanan wajib dipilih dari daftar.")}
    return {
        "kind": kind,
        "kinds": KINDS,
        "kind_options": kind_options(N_("Pilih jenis layanan")),
        "detail_fields": DETAIL_FIELDS.get(kind.key, ()) if kind else (),
        "subject_optional": bool(kind and kind.key in SUBJECT_OPTIONAL),
        "upload_field": upload_field,
        "values": {"idempotency_key": secrets.token_hex(16), **values},
        "errors": errors,
        "action": action,
        **upload_limits(kernel.settings),
    }


@get("/layanan/baru", guards=[requires(SUBMIT_PERMISSION)], include_in_schema=False)
async def new_request_form(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, kind: str = ""
) -> Response[Any]:
    context = _form_context(kernel, kind, {"kind": kind}, {}, f"{tenant.base_url}/layanan/baru")
    return await render(request, "population/services/new.html", context)


@post(
    "/layanan/baru",
    guards=[requires(SUBMIT_PERMISSION)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def create_request(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    state = request_state(request)
    form = await request.form()
    values = form_values(form)
    existing = await find_by_key(tenant.code, values.get("idempotency_key", ""))
    if existing is not None:
        return Redirect(f"{tenant.base_url}/layanan/{existing}", status_code=303)
    errors: dict[str, str] = {}
    submission = None
    try:
        submission = await validate_submission(tenant.code, values, "loket", local_day(state.now))
    except SubmissionInvalid as exc:
        errors.update(exc.errors)
    uploads, upload_errors = await read_uploads(form, values.get("kind", ""), kernel.settings)
    errors.update(upload_errors)
    if errors or submission is None:
        context = _form_context(
            kernel, values.get("kind", ""), values, errors, f"{tenant.base_url}/layanan/baru"
        )
        return await render(request, "population/services/new.html", context, status_code=422)
    request_id, _created = await submit_request(
        kernel, tenant.code, submission, uploads, principal.username, state.now
    )
    await flash(
        request, "success", _("Permohonan #{request_id} diterima.").format(request_id=request_id)
    )
    return Redirect(f"{tenant.base_url}/layanan/{request_id}", status_code=303)


async def _detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
) -> tuple[dict[str, Any], dict[str, Any]]:
    row = await load_request(tenant.code, request_id)
    if row is None:
        raise NotFoundException()
    actions = permitted_actions(row["status"], principal, tenant, kernel.permissions)
    download = (
        f"{tenant.base_url}/layanan/{request_id}/dokumen"
        if has_permission(principal, tenant, CHECK_PERMISSION, kernel.permissions)
        else None
    )
    now = request_state(request).now
    context = await detail_context(row, now, actions, f"{tenant.base_url}/layanan", download)
    disclose(request, disclosures.REQUEST_DETAIL, subjects=disclosures.service_request(row))
    context["back_url"] = f"{tenant.base_url}/layanan"
    context["viewer_note"] = viewer_note(
        principal,
        tenant,
        kernel.permissions,
        REQUEST_LIFECYCLE.allowed_actions(row["status"]),
        actions,
    )
    return row, context


@get("/layanan/{request_id:int}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def request_detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
) -> Response[Any]:
    _, context = await _detail(request, kernel, tenant, principal, request_id)
    return await render(request, "population/services/detail.html", context)


async def act(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
    action: str,
    payload: dict[str, Any],
) -> tuple[dict[str, Any], str]:
    """Shared by the village and regency pages and the API: permission, state, then the write."""
    state = request_state(request)
    if action not in REQUEST_LIFECYCLE.actions:
        raise NotFoundException()
    permission = REQUEST_LIFECYCLE.permission_for(action) or ""
    if not has_permission(principal, tenant, permission, kernel.permissions):
        raise PermissionDeniedException(DENIED)
    row = await load_request(tenant.code, request_id)
    if row is None:
        raise NotFoundException()
    try:
        status = await take_action(kernel, row, action, payload, principal.username, state.now)
    except ActionConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return row, status


@post(
    "/layanan/{request_id:int}/aksi/{action:str}",
    guards=[requires(RESIDENT_READ)],
    include_in_schema=False,
)
async def request_action(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
    action: str,
) -> Response[Any]:

    async def detail() -> dict[str, Any]:
        return (await _detail(request, kernel, tenant, principal, request_id))[1]

    done_url = f"{tenant.base_url}/layanan/{request_id}"
    return await act_and_answer(
        request, kernel, tenant, principal, request_id, action, detail, done_url
    )


async def act_and_answer(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
    action: str,
    detail: Callable[[], Awaitable[dict[str, Any]]],
    done_url: str,
) -> Response[Any]:
    """A page's action form, village or regency: on to `done_url` with a message, or the
    request's page again with the form's errors beside what was typed.

    An action that cannot be undone (``batalkan``) is first answered with a page that asks
    for confirmation; its form sends ``konfirmasi=ya`` back, so no script is needed."""
    form = await request.form()
    values: dict[str, Any] = form_values(form)
    values[ORIGINALS_FIELD] = [str(v) for v in form.getall(ORIGINALS_FIELD, [])]
    if action in CONFIRM_ACTIONS and values.get(CONFIRMED) != "ya":
        context = await detail()
        offered = next((a for a in context["actions"] if a.key == action), None)
        if offered is not None:
            context.update(confirm=offered, confirm_field=CONFIRMED, cancel_url=done_url)
            return await render(request, "population/services/confirm.html", context)
    try:
        _done, status = await act(request, kernel, tenant, principal, request_id, action, values)
    except ActionInvalid as exc:
        context = await detail()
        context.update(errors=exc.errors, values=values, failed_action=action)
        return await render(request, "population/services/detail.html", context, status_code=422)
    await flash(
        request,
        "success",
        _("Permohonan #{number}: {status}.").format(
            number=request_id, status=REQUEST_LIFECYCLE.label(status)
        ),
    )
    return Redirect(done_url, status_code=303)


@get(
    "/layanan/{request_id:int}/dokumen/{document_id:int}",
    guards=[requires(CHECK_PERMISSION)],
    include_in_schema=False,
)
async def download_document(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    request_id: int,
    document_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    response = await document_response(
        kernel, tenant.code, principal.username, request_id, document_id
    )
    disclose(request, disclosures.REQUEST_DOCUMENT, subjects=[disclosures.document(document_id)])
    return response


ROUTES = [
    request_list,
    new_request_form,
    create_request,
    request_detail,
    request_action,
    download_document,
]
