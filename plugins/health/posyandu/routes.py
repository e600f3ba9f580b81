"""Posyandu pages: the health overview, the list the midwife manages, one posyandu's page."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException, PermissionDeniedException
from litestar.response import Redirect

from core import idempotency
from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.health import disclosures
from plugins.health.children import listing
from plugins.health.permissions import CADRE, MANAGE, READ, RECORD
from plugins.health.posyandu import forms, posyandu
from plugins.health.reports import skdn
from plugins.health.web import FORM, new_key, now, today

ENTITY = "health.posyandu"


@get("/kesehatan", guards=[requires(READ)], include_in_schema=False)
async def overview(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    day = today(request)
    places = await posyandu.all_posyandu()
    counts = await skdn.village_skdn(day)
    context = {"posyandu": places, "skdn": counts, "month": day}
    return await render(request, "health/overview.html", context)


@get("/kesehatan/posyandu", guards=[requires(MANAGE)], include_in_schema=False)
async def manage(request: Request[Any, Any, Any]) -> Response[str]:
    return await _manage_page(request, {"schedule_day": "10"}, {})


@post(
    "/kesehatan/posyandu",
    guards=[requires(MANAGE)],
    include_in_schema=False,
    opt={"sample": {"name": "Posyandu Contoh", "dusun": "Krajan", "schedule_day": "12"}},
)
async def create(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    key = data.get("idempotency_key", "")
    earlier = await idempotency.recall(tenant.code, ENTITY, key)
    if earlier is not None:
        return Redirect(f"{tenant.base_url}/kesehatan/posyandu/{earlier}", status_code=303)
    parsed, errors = forms.read_posyandu(data)
    if parsed is not None and await posyandu.name_taken(parsed.name):
        errors = {"name": _("Sudah ada posyandu dengan nama ini di desa ini.")}
    if parsed is None or errors:
        return await _manage_page(request, data, errors)
    created = await posyandu.create(parsed, now(request))
    await idempotency.remember(tenant.code, ENTITY, key, principal.username, created)
    await flash(request, "success", _("Posyandu tersimpan."))
    return Redirect(f"{tenant.base_url}/kesehatan/posyandu/{created}", status_code=303)


async def _manage_page(
    request: Request[Any, Any, Any], values: dict[str, str], errors: dict[str, str]
) -> Response[str]:
    places = await posyandu.all_posyandu()
    cadres = {p["id"]: await posyandu.cadres_of(p["id"]) for p in places}
    values = {"idempotency_key": new_key(), **values}
    context = {"posyandu": places, "cadres": cadres, "values": values, "errors": errors}
    return await render(
        request, "health/posyandu_manage.html", context, status_code=422 if errors else 200
    )


@get("/kesehatan/posyandu/{posyandu_id:int}", guards=[requires(READ)], include_in_schema=False)
async def show(
    request: Request[Any, Any, Any], posyandu_id: int, tenant: Tenant, principal: Principal
) -> Response[str]:
    place = await posyandu.one(posyandu_id)
    visible = await posyandu.visible_posyandu(principal, tenant)
    if place is None or (visible is not None and posyandu_id not in visible):
        raise NotFoundException(_("Posyandu tidak ditemukan di desa ini."))
    day = today(request)
    rows = await listing.rows(visible, day, posyandu_id=posyandu_id)
    disclose(
        request,
        disclosures.CHILD_LIST,
        subjects=disclosures.children(r.child.id for r in rows),
        query={"posyandu": posyandu_id},
        count=len(rows),
    )
    context = {
        "unit": place,
        "rows": rows,
        "unweighed": [r for r in rows if not r.weighed_this_month],
        "cadres": await posyandu.cadres_of(posyandu_id),
        "skdn": await skdn.posyandu_skdn(posyandu_id, day),
        "is_cadre": CADRE in principal.roles_in(tenant),
        "month": day,
    }
    return await render(request, "health/posyandu.html", context)


@post(
    "/kesehatan/posyandu/{posyandu_id:int}/kader",
    guards=[requires(RECORD)],
    include_in_schema=False,
    opt={"sample": {}},
)
async def join(
    request: Request[Any, Any, Any], posyandu_id: int, tenant: Tenant, principal: Principal
) -> Redirect:
    """A cadre says which posyandu they serve; the role itself is granted by the village admin."""
    if CADRE not in principal.roles_in(tenant):
        raise PermissionDeniedException(_("Hanya kader posyandu yang dapat bergabung."))
    if await posyandu.one(posyandu_id) is None:
        raise NotFoundException(_("Posyandu tidak ditemukan di desa ini."))
    await posyandu.assign(posyandu_id, principal.username, now(request))
    await flash(request, "success", _("Anda tercatat sebagai kader posyandu ini."))
    return Redirect(f"{tenant.base_url}/kesehatan/posyandu/{posyandu_id}", status_code=303)


@post(
    "/kesehatan/posyandu/{posyandu_id:int}/kader/hapus",
    guards=[requires(MANAGE)],
    include_in_schema=False,
    opt={"sample": {"username": "kader-contoh"}},
)
async def leave(
    request: Request[Any, Any, Any],
    posyandu_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
) -> Redirect:
    if await posyandu.one(posyandu_id) is None:
        raise NotFoundException(_("Posyandu tidak ditemukan di desa ini."))
    await posyandu.unassign(posyandu_id, data.get("username", ""))
    await flash(request, "success", _("Kader dilepas dari posyandu."))
    return Redirect(f"{tenant.base_url}/kesehatan/posyandu", status_code=303)


VILLAGE_ROUTES = [overview, manage, create, show, join, leave]
