"""JSON API for requests: the same checks and permissions as the pages, for other systems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec
from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.permissions import RESIDENT_READ
from plugins.population.services.checklist import ORIGINALS_FIELD
from plugins.population.services.details import DETAIL_FIELDS
from plugins.population.services.pages import act, parse_age, parse_page
from plugins.population.services.queries import (
    PAGE_SIZE,
    SHOW_ALL,
    Filters,
    age_of,
    list_requests,
    load_request,
    parse_show,
)
from plugins.population.services.requests import (
    STEP_FIELDS,
    ActionInvalid,
    SubmissionInvalid,
    find_by_key,
    submit_request,
    validate_submission,
)
from plugins.population.services.workflow import REQUEST_LIFECYCLE, SUBMIT_PERMISSION
from plugins.population.tables import ServiceStep

REQUEST_FIELDS = ("kind", "idempotency_key", "applicant_name", "applicant_nik", "nik")
DETAIL_KEYS = sorted({spec.key for specs in DETAIL_FIELDS.values() for spec in specs})
RequestIn = msgspec.defstruct(
    "RequestIn",
    [(name, str, "") for name in (*REQUEST_FIELDS, *DETAIL_KEYS)],
    kw_only=True,
)
"""A request to submit: `kind`, `applicant_name`, `idempotency_key` (repeat it to get the first
answer), `nik` of the resident served, and the kind's details at the top level. Missing or
empty values are refused with the field named (422)."""
RequestActionIn = msgspec.defstruct(
    "RequestActionIn",
    [
        *((name, str | int, "") for name in STEP_FIELDS),
        (ORIGINALS_FIELD, list[str] | str, ""),
    ],
    kw_only=True,
)
"""``kembalikan`` needs ``alasan``, ``selesai`` needs ``nomor_dokumen``, ``nilai`` a 1–4;
``lengkap`` and ``teruskan`` need every required document uploaded or named in
``asli_dilihat`` (a list of document keys, or one text separated by commas) as seen in the
original."""


@dataclass
class RequestOut:
    id: int
    kind: str
    status: str
    status_label: str
    applicant_name: str
    channel: str
    document_number: str
    submitted_at: str
    age_working_days: int
    rating: int | None
    steps: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RequestPage:
    items: list[RequestOut]
    total: int
    page: int
    page_size: int


def _out(row: dict[str, Any], now: Any, steps: list[dict[str, Any]] | None = None) -> RequestOut:
    return RequestOut(
        id=row["id"],
        kind=row["kind"],
        status=row["status"],
        status_label=REQUEST_LIFECYCLE.label(row["status"]),
        applicant_name=row["applicant_name"],
        channel=row["channel"],
        document_number=row["document_number"],
        submitted_at=row["submitted_at"].isoformat(),
        age_working_days=age_of(row, now),
        rating=row["rating"],
        steps=steps or [],
    )


def _invalid(errors: dict[str, str]) -> Response[Any]:
    body = {
        "status": 422,
        "title": _("Data tidak valid"),
        "detail": "; ".join(errors.values()),
        "errors": errors,
    }
    return Response(body, status_code=422)


@get("/layanan", guards=[requires(RESIDENT_READ)])
async def api_list(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    kind: str = "",
    status: str = "",
    min_age: str = "",
    page: str = "1",
    tampil: str = SHOW_ALL,
) -> RequestPage:
    """Requests of the village, newest first, 25 per page; ``tampil`` is ``semua`` (default),
    ``terbuka`` (open work) or ``selesai`` (handed over, rated or cancelled)."""
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
    return RequestPage([_out(r, state.now) for r in rows], total, filters.page, PAGE_SIZE)


@get("/layanan/{request_id:int}", guards=[requires(RESIDENT_READ)])
async def api_detail(
    request: Request[Any, Any, Any], request_id: int, tenant: Tenant
) -> RequestOut:
    """One request with its history of steps."""
    state = request_state(request)
    row = await load_request(tenant.code, request_id)
    if row is None:
        raise NotFoundException()
    disclose(request, disclosures.REQUEST_DETAIL, subjects=disclosures.service_request(row))
    steps = await (
        ServiceStep.select(
            ServiceStep.action,
            ServiceStep.from_status,
            ServiceStep.to_status,
            ServiceStep.actor,
            ServiceStep.at,
        )
        .where(ServiceStep.request == request_id)
        .order_by(ServiceStep.at)
        .order_by(ServiceStep.id)
    )
    history = [{**s, "at": s["at"].isoformat()} for s in steps]
    return _out(row, state.now, history)


@post("/layanan", guards=[requires(SUBMIT_PERMISSION)], status_code=201)
async def api_create(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    data: RequestIn,
    tenant: Tenant,
    principal: Principal,
) -> Response[RequestOut]:
    """Submit a request (without files); repeating an ``idempotency_key`` returns the first one."""
    state = request_state(request)
    values = {k: str(v).strip() for k, v in msgspec.structs.asdict(data).items()}
    existing = await find_by_key(tenant.code, values.get("idempotency_key", ""))
    if existing is None:
        try:
            submission = await validate_submission(
                tenant.code, values, "loket", local_day(state.now)
            )
        except SubmissionInvalid as exc:
            return _invalid(exc.errors)
        existing, _ = await submit_request(
            kernel, tenant.code, submission, [], principal.username, state.now
        )
        status = 201
    else:
        status = 200
    row = await load_request(tenant.code, existing)
    assert row is not None
    return Response(_out(row, state.now), status_code=status)


@post(
    "/layanan/{request_id:int}/aksi/{action:str}", guards=[requires(RESIDENT_READ)], status_code=200
)
async def api_action(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    request_id: int,
    action: str,
    tenant: Tenant,
    principal: Principal,
    data: RequestActionIn | None = None,
) -> Response[RequestOut]:
    """Take an action; ``kembalikan`` needs ``alasan``, ``selesai`` needs ``nomor_dokumen``."""
    state = request_state(request)
    payload = {k: v for k, v in msgspec.structs.asdict(data).items() if v != ""} if data else {}
    try:
        await act(request, kernel, tenant, principal, request_id, action, payload)
    except ActionInvalid as exc:
        return _invalid(exc.errors)
    row = await load_request(tenant.code, request_id)
    assert row is not None
    return Response(_out(row, state.now))


ROUTES = [api_list, api_detail, api_create, api_action]
