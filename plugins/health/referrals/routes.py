"""Referral pages: the village's referrals, one referral with its history and actions, and the
puskesmas' queue of its district."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import Subject, disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.workflow import WorkflowError
from plugins.health import disclosures, residents
from plugins.health.permissions import PERMISSIONS, READ, RECEIVE
from plugins.health.posyandu import posyandu
from plugins.health.referrals import queue, referrals
from plugins.health.referrals.lifecycle import REFERRAL
from plugins.health.referrals.referrals import REASONS
from plugins.health.tables import Child, Pregnancy
from plugins.health.web import FORM, now


@get("/kesehatan/rujukan", guards=[requires(READ)], include_in_schema=False)
async def village_list(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[str]:
    rows = await queue.rows(
        open_only=request.query_params.get("semua") != "1",
        posyandu=await posyandu.visible_posyandu(principal, tenant),
    )
    disclose(
        request,
        disclosures.REFERRAL,
        subjects=[Subject("health_referral", r.id) for r in rows],
        count=len(rows),
    )
    context = {"rows": rows, "lifecycle": REFERRAL, "reasons": REASONS, "base": ""}
    return await render(request, "health/referrals.html", context)


@get("/kesehatan/rujukan/{referral_id:int}", guards=[requires(READ)], include_in_schema=False)
async def show(
    request: Request[Any, Any, Any], referral_id: int, tenant: Tenant, principal: Principal
) -> Response[str]:
    found = await _visible(referral_id, tenant, principal)
    person = await _person_of(found)
    disclose(
        request,
        disclosures.REFERRAL,
        subjects=[Subject("health_referral", referral_id)]
        + (disclosures.residents([person.id]) if person else []),
    )
    state = found["status"]
    allowed = _allowed(principal, tenant)
    actions = [
        (a, REFERRAL.label(a))
        for a in REFERRAL.allowed_actions(state)
        if (REFERRAL.permission_for(a) or READ) in allowed
    ]
    context = {
        "referral": found,
        "person": person,
        "steps": await referrals.steps(referral_id),
        "lifecycle": REFERRAL,
        "reasons": REASONS,
        "actions": actions,
    }
    return await render(request, "health/referral.html", context)


@post(
    "/kesehatan/rujukan/{referral_id:int}/tindakan",
    guards=[requires(READ)],
    include_in_schema=False,
)
async def act(
    request: Request[Any, Any, Any],
    referral_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Redirect:
    await _visible(referral_id, tenant, principal)
    url = f"{tenant.base_url}/kesehatan/rujukan/{referral_id}"
    action = data.get("action", "")
    try:
        target = await referrals.act(
            referral_id,
            action,
            data.get("note", ""),
            principal.username,
            now(request),
            _allowed(principal, tenant),
        )
    except WorkflowError as exc:
        await flash(request, "error", str(exc))
        return Redirect(url, status_code=303)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=f"health.referral.{action}",
        entity="health_referral",
        entity_id=referral_id,
        after={"status": target},
    )
    await flash(request, "success", _("Rujukan diperbarui."))
    return Redirect(url, status_code=303)


@get(
    "/kesehatan/rujukan", guards=[requires(RECEIVE)], include_in_schema=False, name="district_queue"
)
async def district_queue(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    """The puskesmas' queue: open referrals of every village of the district."""
    rows = await queue.rows(open_only=True)
    disclose(
        request,
        disclosures.REFERRAL,
        subjects=[Subject("health_referral", r.id, village_code=r.village_code) for r in rows],
        count=len(rows),
    )
    context = {"rows": rows, "lifecycle": REFERRAL, "reasons": REASONS, "district": True}
    return await render(request, "health/referrals.html", context)


def _allowed(principal: Principal, tenant: Tenant) -> set[str]:
    return {p.name for p in PERMISSIONS if principal.holds(tenant, p)}


async def _visible(referral_id: int, tenant: Tenant, principal: Principal) -> dict[str, Any]:
    found = await referrals.referral(referral_id)
    if found is None:
        raise NotFoundException(_("Rujukan tidak ditemukan di desa ini."))
    visible = await posyandu.visible_posyandu(principal, tenant)
    if visible is not None and found["child"] is not None:
        child = await Child.select(Child.posyandu).where(Child.id == found["child"]).first()
        if child is None or child["posyandu"] not in visible:
            raise NotFoundException(_("Rujukan tidak ditemukan di desa ini."))
    return found


async def _person_of(found: dict[str, Any]) -> residents.PersonFacts | None:
    if found["child"] is not None:
        row = await Child.select(Child.resident_id).where(Child.id == found["child"]).first()
    else:
        row = (
            await Pregnancy.select(Pregnancy.resident_id)
            .where(Pregnancy.id == found["pregnancy"])
            .first()
        )
    return await residents.person(row["resident_id"]) if row else None


VILLAGE_ROUTES = [village_list, show, act]
DISTRICT_ROUTES = [district_queue]
