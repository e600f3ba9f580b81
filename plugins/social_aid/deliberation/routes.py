"""Deliberation pages: the list, one meeting with its candidates, decisions and actions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.social_aid import disclosures
from plugins.social_aid.deliberation import deliberations
from plugins.social_aid.deliberation.deliberations import DeliberationError
from plugins.social_aid.deliberation.lifecycle import DELIBERATION
from plugins.social_aid.form_input import FORM, new_key, note, seen
from plugins.social_aid.permissions import MANAGE, VIEW
from plugins.social_aid.programmes import programmes

ONE = "/bantuan/musyawarah/{deliberation_id:int}"
PROPOSAL, DECISION, ACTION = (
    "social_aid.proposal",
    "social_aid.decision",
    "social_aid.deliberation_action",
)


def _url(tenant: Tenant, deliberation_id: int) -> str:
    return f"{tenant.base_url}/bantuan/musyawarah/{deliberation_id}"


async def _state(deliberation_id: int) -> deliberations.State:
    state = await deliberations.load(deliberation_id)
    if state is None:
        raise NotFoundException("Musyawarah tidak ditemukan di desa ini.")
    return state


@get("/bantuan/musyawarah", guards=[requires(VIEW)], include_in_schema=False)
async def index(request: Request[Any, Any, Any]) -> Response[str]:
    context = {
        "items": await deliberations.deliberations(),
        "programmes": [p for p in await programmes.programmes() if not p["national"]],
        "lifecycle": DELIBERATION,
        "values": {"idempotency_key": new_key()},
        "errors": {},
    }
    return await render(request, "social_aid/deliberations.html", context)


@post(
    "/bantuan/musyawarah",
    guards=[requires(MANAGE)],
    include_in_schema=False,
)
async def create(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    key = data.get("idempotency_key", "")
    earlier = await recall(tenant.code, deliberations.ENTITY, key)
    if earlier is not None:
        return Redirect(_url(tenant, earlier), status_code=303)
    programme = data.get("programme", "")
    try:
        created = await deliberations.open_for(
            kernel,
            tenant.code,
            int(programme) if programme.isdigit() else 0,
            data.get("title", ""),
            principal.username,
            datetime.now(UTC),
        )
    except DeliberationError as exc:
        context = {
            "items": await deliberations.deliberations(),
            "programmes": [p for p in await programmes.programmes() if not p["national"]],
            "lifecycle": DELIBERATION,
            "values": data,
            "errors": {exc.field or "title": exc.message},
        }
        return await render(request, "social_aid/deliberations.html", context, status_code=422)
    await remember(tenant.code, deliberations.ENTITY, key, principal.username, created)
    return Redirect(_url(tenant, created), status_code=303)


async def _page(
    request: Request[Any, Any, Any],
    state: deliberations.State,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[str]:
    listed = await deliberations.candidates(state.row["id"])
    disclose(
        request,
        disclosures.CANDIDATE_LIST,
        subjects=disclosures.people(c.row for c in listed),
        query={"deliberation": state.row["id"]},
        count=len(listed),
    )
    actions = [(a, _(DELIBERATION.label(a))) for a in DELIBERATION.allowed_actions(state.status)]
    context = {
        "state": state,
        "candidates": listed,
        "lifecycle": DELIBERATION,
        "actions": actions,
        "values": {"idempotency_key": new_key(), **values},
        "errors": errors,
        "new_key": new_key,
    }
    return await render(request, "social_aid/deliberation.html", context, status_code=status_code)


@get(ONE, guards=[requires(VIEW)], include_in_schema=False)
async def show(request: Request[Any, Any, Any], deliberation_id: int) -> Response[str]:
    return await _page(request, await _state(deliberation_id), {}, {})


@post(ONE + "/calon-aturan", guards=[requires(MANAGE)], include_in_schema=False)
async def pull(
    request: Request[Any, Any, Any],
    deliberation_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Add the rules' candidates; running it twice adds nobody twice."""
    state = await _state(deliberation_id)
    try:
        added = await deliberations.pull_from_rules(
            kernel,
            tenant.code,
            state,
            principal.username,
            datetime.now(UTC),
            request_state(request).now.date(),
        )
    except DeliberationError as exc:
        return await _page(request, state, {}, {"candidates": exc.message}, status_code=422)
    await flash(
        request,
        "success",
        _("{added} calon ditambahkan dari aturan kelayakan.").format(added=added),
    )
    return Redirect(_url(tenant, deliberation_id), status_code=303)


@post(ONE + "/calon", guards=[requires(MANAGE)], include_in_schema=False)
async def propose(
    request: Request[Any, Any, Any],
    deliberation_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    state = await _state(deliberation_id)
    if await seen(tenant.code, PROPOSAL, data) is not None:
        return Redirect(_url(tenant, deliberation_id), status_code=303)
    try:
        candidate_id = await deliberations.propose(
            kernel,
            tenant.code,
            state,
            data.get("nik", ""),
            data.get("reason", ""),
            principal.username,
            datetime.now(UTC),
        )
    except DeliberationError as exc:
        return await _page(request, state, data, {exc.field or "nik": exc.message}, 422)
    await note(tenant.code, PROPOSAL, data, principal.username, candidate_id)
    await flash(request, "success", _("Calon usulan ditambahkan."))
    return Redirect(_url(tenant, deliberation_id), status_code=303)


@post(
    ONE + "/calon/{candidate_id:int}/keputusan",
    guards=[requires(MANAGE)],
    include_in_schema=False,
)
async def decide(
    request: Request[Any, Any, Any],
    deliberation_id: int,
    candidate_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    state = await _state(deliberation_id)
    if await seen(tenant.code, DECISION, data) is not None:
        return Redirect(_url(tenant, deliberation_id), status_code=303)
    try:
        await deliberations.decide(
            kernel,
            tenant.code,
            state,
            candidate_id,
            data.get("include") == "1",
            data.get("reason", ""),
            principal.username,
            datetime.now(UTC),
        )
    except DeliberationError as exc:
        return await _page(request, state, data, {f"reason-{candidate_id}": exc.message}, 422)
    await note(tenant.code, DECISION, data, principal.username, candidate_id)
    return Redirect(_url(tenant, deliberation_id), status_code=303)


@post(ONE + "/aksi", guards=[requires(VIEW)], include_in_schema=False)
async def act(
    request: Request[Any, Any, Any],
    deliberation_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """One lifecycle action; the lifecycle names the permission each needs (approval: the head)."""
    state = await _state(deliberation_id)
    action = data.get("action", "")
    if await seen(tenant.code, ACTION, data) is not None:
        return Redirect(_url(tenant, deliberation_id), status_code=303)
    try:
        needed = DELIBERATION.permission_for(action)
        if needed and not principal.holds(tenant, kernel.permissions[needed]):
            return await _page(
                request, state, data, {"action": "Anda tidak berwenang mengambil aksi ini."}, 403
            )
        await deliberations.act(
            kernel, tenant.code, state, action, data, principal.username, datetime.now(UTC)
        )
    except DeliberationError as exc:
        return await _page(request, state, data, exc.errors, 422)
    except WorkflowError as exc:
        return await _page(request, state, data, {"action": str(exc)}, 422)
    await note(tenant.code, ACTION, data, principal.username, deliberation_id)
    await flash(request, "success", _(DELIBERATION.label(action)) + ": " + _("tersimpan."))
    return Redirect(_url(tenant, deliberation_id), status_code=303)


ROUTES = [index, create, show, pull, propose, decide, act]
