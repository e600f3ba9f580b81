"""The operator's side of citizens' letter requests: complete one into a draft ("Buat draf"),
or decline it with a reason."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import HTTPException, NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal
from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import TransitionRefused
from plugins.population import disclosures
from plugins.population.letters.context import flat_fields
from plugins.population.letters.kinds import LETTER_KINDS
from plugins.population.letters.requests import decline_request, draft_requested
from plugins.population.letters.service import PAPERS, LetterFormError, load_letter
from plugins.population.letters.workflow import DRAFT_PERMISSION

__all__ = ["ROUTES"]


async def _requested(tenant: Tenant, letter_id: int) -> dict[str, Any]:
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise NotFoundException()
    return letter


async def _form(
    request: Request[Any, Any, Any],
    letter: dict[str, Any],
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[Any]:
    disclose(request, disclosures.LETTER_DETAIL, subjects=disclosures.letter(letter))
    return await render(
        request,
        "population/letters/request_draft.html",
        {
            "letter": letter,
            "kind": LETTER_KINDS[letter["kind"]],
            "purpose": json_dict(letter["data"]).get("keperluan", ""),
            "values": values,
            "errors": errors,
            "papers": [(paper, paper) for paper in PAPERS],
        },
        status_code=status_code,
    )


@get("/surat/{letter_id:int}/draf", guards=[requires(DRAFT_PERMISSION)], include_in_schema=False)
async def request_draft_form(
    request: Request[Any, Any, Any], tenant: Tenant, letter_id: int
) -> Response[Any]:
    letter = await _requested(tenant, letter_id)
    if letter["status"] != "diminta":
        return Redirect(f"{tenant.base_url}/surat/{letter_id}", status_code=303)
    kind = LETTER_KINDS[letter["kind"]]
    values = {"paper": "A4", **flat_fields(kind, json_dict(letter["data"]))}
    return await _form(request, letter, values, {})


def _conflict(error: TransitionRefused) -> HTTPException:
    return HTTPException(status_code=409, detail=str(error))


@post("/surat/{letter_id:int}/draf", guards=[requires(DRAFT_PERMISSION)], include_in_schema=False)
async def request_draft_save(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
) -> Response[Any]:
    letter = await _requested(tenant, letter_id)
    form = await request.form()
    values = {key: str(value) for key, value in form.items() if key != "_csrf_token"}
    try:
        await draft_requested(
            kernel, tenant, principal, letter_id, values, request_state(request).now
        )
    except LetterFormError as error:
        return await _form(request, letter, values, error.errors, status_code=422)
    except TransitionRefused as error:
        raise _conflict(error) from None
    await flash(request, "success", _("Draf surat disusun dan menunggu pemeriksaan sekretaris."))
    return Redirect(f"{tenant.base_url}/surat/{letter_id}", status_code=303)


@post("/surat/{letter_id:int}/tolak", guards=[requires(DRAFT_PERMISSION)], include_in_schema=False)
async def request_decline(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
) -> Response[Any]:
    letter = await _requested(tenant, letter_id)
    form = await request.form()
    values = {key: str(value) for key, value in form.items() if key != "_csrf_token"}
    try:
        await decline_request(
            kernel, tenant, principal, letter_id, values, request_state(request).now
        )
    except LetterFormError as error:
        return await _form(request, letter, values, error.errors, status_code=422)
    except TransitionRefused as error:
        raise _conflict(error) from None
    await flash(request, "success", _("Permintaan surat ditolak; warga dapat membaca alasannya."))
    return Redirect(f"{tenant.base_url}/surat", status_code=303)


ROUTES = [request_draft_form, request_draft_save, request_decline]
