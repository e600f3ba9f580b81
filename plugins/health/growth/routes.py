"""The measurement form used at the posyandu table: phone first, questions doubtful values."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core import idempotency
from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.health import disclosures, residents
from plugins.health.children import children
from plugins.health.children.children import ChildRow
from plugins.health.growth import forms, measurements
from plugins.health.growth.zscores import LYING, STANDING, age_in_days, expected_position
from plugins.health.immunisation.regency_schedule import schedule_of
from plugins.health.permissions import RECORD
from plugins.health.posyandu import posyandu
from plugins.health.referrals import triggers
from plugins.health.web import FORM, new_key, now, today

ENTITY = "health.measurement"


async def _child(child_id: int, tenant: Tenant, principal: Principal) -> ChildRow:
    child = await children.child(child_id, await posyandu.visible_posyandu(principal, tenant))
    if child is None:
        raise NotFoundException(_("Anak tidak ditemukan di desa ini."))
    return child


@get("/kesehatan/anak/{child_id:int}/timbang", guards=[requires(RECORD)], include_in_schema=False)
async def measure_form(
    request: Request[Any, Any, Any], child_id: int, tenant: Tenant, principal: Principal
) -> Response[str]:
    child = await _child(child_id, tenant, principal)
    day = today(request)
    values = {
        "idempotency_key": new_key(),
        "measured_on": day.isoformat(),
        "position": expected_position(age_in_days(child.birth_date, day)),
    }
    return await _page(request, child, values, {}, [])


@post("/kesehatan/anak/{child_id:int}/timbang", guards=[requires(RECORD)], include_in_schema=False)
async def measure(
    request: Request[Any, Any, Any],
    child_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    child = await _child(child_id, tenant, principal)
    url = f"{tenant.base_url}/kesehatan/anak/{child.id}"
    key = data.get("idempotency_key", "")
    if await idempotency.recall(tenant.code, ENTITY, key) is not None:
        return Redirect(url, status_code=303)
    reading, errors, doubts = forms.read_measurement(data, child, today(request))
    if reading is None:
        return await _page(request, child, data, errors, [])
    if doubts and not forms.confirmed(data):
        return await _page(request, child, data, {}, doubts)
    try:
        created = await measurements.record(
            child, reading, principal.username, now(request), schedule_of(kernel.settings)
        )
    except measurements.MeasurementError as exc:
        return await _page(request, child, data, {exc.field: _(exc.message)}, [])
    referred = await triggers.after_measurement(child, created, principal.username, now(request))
    await idempotency.remember(tenant.code, ENTITY, key, principal.username, created)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="health.measurement.create",
        entity="health_measurement",
        entity_id=created,
        after={"child": child.id, "month": reading.measured_on.isoformat()[:7]},
    )
    message = _("Penimbangan tersimpan.")
    if referred:
        message += " " + _("Anak dirujuk ke puskesmas.")
    await flash(request, "success", message)
    return Redirect(url, status_code=303)


async def _page(
    request: Request[Any, Any, Any],
    child: ChildRow,
    values: dict[str, str],
    errors: dict[str, str],
    doubts: list[str],
) -> Response[str]:
    person = await residents.person(child.resident_id)
    disclose(
        request,
        disclosures.CHILD_RECORD,
        subjects=[*disclosures.children([child.id]), *disclosures.residents([child.resident_id])],
    )
    context = {
        "child": child,
        "person": person,
        "values": values,
        "errors": errors,
        "doubts": doubts,
        "positions": [
            (LYING, _("Berbaring (panjang badan)")),
            (STANDING, _("Berdiri (tinggi badan)")),
        ],
    }
    status = 422 if errors or doubts else 200
    return await render(request, "health/measure.html", context, status_code=status)


VILLAGE_ROUTES = [measure_form, measure]
