"""JSON API for letters (`/api/v1/desa/{village}/surat`): the same rules and permissions as the
pages, so an integration can draft and move letters without a browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import msgspec
from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException, ValidationException

from core.audit import disclose
from core.auth.principal import Principal
from core.db.jsonvalue import json_dict
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.request_state import request_state
from core.workflow import TransitionRefused, UnknownAction
from plugins.population import disclosures
from plugins.population.domain.identity import mask_nik
from plugins.population.letters.kinds import kind_title
from plugins.population.letters.service import (
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
from plugins.population.letters.web import workflow_http_error
from plugins.population.letters.workflow import DRAFT_PERMISSION, status_label
from plugins.population.permissions import RESIDENT_READ


class LetterDraftIn(msgspec.Struct, kw_only=True):
    """A letter to draft; empty or missing values are refused with the field named (422)."""

    kind: str = ""
    nik: str = ""
    paper: str = "A4"
    fields: dict[str, str | int | float | bool | None] = {}
    """The kind's fields by dotted key, e.g. ``{"keperluan": "bekerja"}``."""
    idempotency_key: str = ""
    """1–50 characters; a repeated key answers 200 with the letter it created first."""


class LetterActionIn(msgspec.Struct, kw_only=True):
    alasan: str = ""
    """Why the letter goes back (``kembalikan``)."""
    kata_sandi: str = ""
    """The signer's own password (``tandatangani``); a wrong one answers 422 and is audited."""
    penanda_tangan: str = ""
    """The id of the official the letter names (``tandatangani``), when the village keeps a
    list of signatories."""


@dataclass(frozen=True)
class LetterSummary:
    id: int
    kind: str
    kind_title: str
    """What people call the type (``Surat Keterangan Usaha``); ``kind`` is its stable code."""
    status: str
    status_label: str
    number: str
    resident_name: str
    created_at: datetime


@dataclass(frozen=True)
class LetterStepView:
    action: str
    from_status: str
    to_status: str
    actor: str
    at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True)
class LetterDetail:
    id: int
    kind: str
    kind_title: str
    status: str
    status_label: str
    number: str
    resident_name: str
    resident_nik_masked: str
    paper: str
    data: dict[str, Any]
    body: str
    signed_by: str
    signed_at: datetime | None
    pdf_sha256: str
    created_at: datetime
    actions: list[str] = field(default_factory=list)
    steps: list[LetterStepView] = field(default_factory=list)


@dataclass(frozen=True)
class LetterPage:
    items: list[LetterSummary]
    page: int
    pages: int


@get("/surat", guards=[requires(RESIDENT_READ)], summary="Daftar surat desa", tags=["surat"])
async def list_letters(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    jenis: str = "",
    status: str = "",
    tahun: int | None = None,
    page: int = 1,
) -> LetterPage:
    criteria = LetterFilter(kind=jenis, status=status, year=tahun, page=page)
    rows, pages = await search_letters(tenant.code, criteria)
    disclose(
        request,
        disclosures.LETTER_LIST,
        subjects=disclosures.many(rows, disclosures.letter),
        query={"jenis": jenis, "status": status, "tahun": tahun or "", "page": page},
        count=len(rows),
    )
    items = [
        LetterSummary(
            row["id"],
            row["kind"],
            kind_title(row["kind"]),
            row["status"],
            status_label(row["status"]),
            row["number"],
            row["resident_name"] or "",
            row["created_at"],
        )
        for row in rows
    ]
    return LetterPage(items, max(1, min(page, pages)), pages)


async def _detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
) -> LetterDetail:
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise NotFoundException()
    steps = await letter_steps(tenant.code, letter_id)
    disclose(request, disclosures.LETTER_DETAIL, subjects=disclosures.letter(letter))
    return LetterDetail(
        id=letter["id"],
        kind=letter["kind"],
        kind_title=kind_title(letter["kind"]),
        status=letter["status"],
        status_label=status_label(letter["status"]),
        number=letter["number"],
        resident_name=letter["resident_name"] or "",
        resident_nik_masked=mask_nik(letter["resident_nik"] or ""),
        paper=letter["paper"],
        data=json_dict(letter["data"]),
        body=letter["body"],
        signed_by=letter["signed_by"],
        signed_at=letter["signed_at"],
        pdf_sha256=letter["pdf_sha256"],
        created_at=letter["created_at"],
        actions=actions_for(principal, tenant, kernel, letter["status"]),
        steps=[
            LetterStepView(
                s["action"], s["from_status"], s["to_status"], s["actor"], s["at"], s["payload"]
            )
            for s in steps
        ],
    )


@get(
    "/surat/{letter_id:int}",
    guards=[requires(RESIDENT_READ)],
    summary="Rincian surat",
    tags=["surat"],
)
async def get_letter(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
) -> LetterDetail:
    return await _detail(request, kernel, tenant, principal, letter_id)


@post("/surat", guards=[requires(DRAFT_PERMISSION)], summary="Susun draf surat", tags=["surat"])
async def post_letter(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    data: LetterDraftIn,
    tenant: Tenant,
    principal: Principal,
) -> Response[LetterDetail]:
    """Body: ``kind``, ``nik``, ``paper`` (A4/F4), ``fields`` (by dotted key) and
    ``idempotency_key``; a repeated key answers 200 with the letter it created first."""
    state = request_state(request)
    values = msgspec.structs.asdict(data)
    try:
        draft = await create_letter(kernel, tenant, principal.username, values, state.now)
    except LetterFormError as error:
        raise ValidationException(
            "Data surat tidak valid.", extra=error.errors, status_code=422
        ) from None
    detail = await _detail(request, kernel, tenant, principal, draft.letter_id)
    return Response(detail, status_code=201 if draft.created else 200)


@post(
    "/surat/{letter_id:int}/aksi/{action:str}",
    guards=[requires(RESIDENT_READ)],
    summary="Jalankan aksi pada surat",
    tags=["surat"],
    status_code=200,
)
async def post_action(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    letter_id: int,
    action: str,
    tenant: Tenant,
    principal: Principal,
    data: LetterActionIn | None = None,
) -> LetterDetail:
    """Body (optional): ``{"alasan": "..."}`` for ``kembalikan``; ``{"kata_sandi": "...",
    "penanda_tangan": "3"}`` for ``tandatangani``."""
    state = request_state(request)
    payload = msgspec.structs.asdict(data) if data is not None else {}
    try:
        errors = await take_action(kernel, tenant, principal, letter_id, action, payload, state.now)
    except SigningRefused as refused:
        state.commit_on_error = True  # the refused attempt stays in the audit chain
        errors = refused.errors
    except (LookupError, UnknownAction, ActionForbidden, TransitionRefused, OSError) as error:
        raise workflow_http_error(error) from error
    if errors:
        raise ValidationException("Data aksi tidak valid.", extra=errors, status_code=422)
    return await _detail(request, kernel, tenant, principal, letter_id)


ROUTES = [list_letters, get_letter, post_letter, post_action]
