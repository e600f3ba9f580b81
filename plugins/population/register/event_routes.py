"""Life-event pages: record an event for a resident, or cancel one by a correction."""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core import idempotency
from core.auth.principal import Principal
from core.i18n import _, translated
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.population.permissions import EVENT_RECORD
from plugins.population.register.errors import NotInVillage, RegisterError
from plugins.population.register.event_form import (
    DESTINATIONS,
    KIND_OPTIONS,
    cause_options,
    read_event,
)
from plugins.population.register.events import correct_event, record_event
from plugins.population.register.families import HEAD
from plugins.population.register.resident_form import text
from plugins.population.register.residents import load_resident
from plugins.population.register.status import DEATH
from plugins.population.register.web import Desk, desk, form_dict

TEMPLATE = "population/register/event_form.html"


async def _resident(d: Desk, resident_id: int) -> dict[str, Any]:
    try:
        return await load_resident(d.code, resident_id)
    except NotInVillage:
        raise NotFoundException() from None


def _context(
    resident: dict[str, Any], values: dict[str, Any], errors: dict[str, str]
) -> dict[str, Any]:
    return {
        "resident": resident,
        "values": values,
        "errors": errors,
        "kind_options": [("", _("— pilih —")), *translated(KIND_OPTIONS)],
        "cause_options": cause_options(),
        "destinations": translated(DESTINATIONS),
    }


@get(
    "/penduduk/{resident_id:int}/peristiwa/baru",
    guards=[requires(EVENT_RECORD)],
    include_in_schema=False,
)
async def new_event(
    request: Request[Any, Any, Any], resident_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    resident = await _resident(d, resident_id)
    values = {
        "kind": request.query_params.get("jenis", ""),
        "report_date": d.today.isoformat(),
        "idempotency_key": secrets.token_hex(16),
    }
    return await render(request, TEMPLATE, _context(resident, values, {}))


@post(
    "/penduduk/{resident_id:int}/peristiwa",
    guards=[requires(EVENT_RECORD)],
    include_in_schema=False,
)
async def record_event_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    resident_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    resident = await _resident(d, resident_id)
    values = await form_dict(request)
    key = text(values, "idempotency_key")
    if await idempotency.recall(d.code, "population.life_event", key) is not None:
        return Redirect(f"{d.base}/penduduk/{resident_id}", status_code=303)
    result = read_event(values, d.today)
    errors = dict(result.errors)
    if result.data is not None:
        event = result.data
        try:
            event_id = await record_event(
                kernel,
                d.code,
                d.actor,
                resident_id,
                event.kind,
                event.event_date,
                event.report_date,
                event.details,
            )
        except RegisterError as exc:
            errors[exc.field or "kind"] = exc.message
        else:
            await idempotency.remember(d.code, "population.life_event", key, d.actor, event_id)
            if event.kind == DEATH and resident["relationship"] == HEAD and resident["family"]:
                await flash(
                    request,
                    "warning",
                    _(
                        "Kematian {name} dicatat. Ia kepala keluarga: pilih kepala keluarga baru."
                    ).format(name=resident["name"]),
                )
                return Redirect(f"{d.base}/keluarga/{resident['family']}/kepala", status_code=303)
            await flash(request, "success", _("Peristiwa dicatat."))
            return Redirect(f"{d.base}/penduduk/{resident_id}", status_code=303)
    return await render(request, TEMPLATE, _context(resident, values, errors), status_code=422)


@post(
    "/penduduk/{resident_id:int}/peristiwa/{event_id:int}/koreksi",
    guards=[requires(EVENT_RECORD)],
    include_in_schema=False,
)
async def correct_event_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    resident_id: int,
    event_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    await _resident(d, resident_id)
    values = await form_dict(request)
    try:
        await correct_event(kernel, d.code, d.actor, event_id, text(values, "reason"), d.today)
    except RegisterError as exc:
        await flash(request, "error", exc.message)
        return Redirect(f"{d.base}/penduduk/{resident_id}", status_code=303)
    await flash(
        request, "success", _("Peristiwa dibatalkan dengan koreksi; status dihitung ulang.")
    )
    return Redirect(f"{d.base}/penduduk/{resident_id}", status_code=303)


ROUTES = [new_event, record_event_page, correct_event_page]
