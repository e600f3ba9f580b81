"""Immunisation: recording a dose on the child's page, the month's due list, IDL coverage."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.health import disclosures
from plugins.health.children import children, listing
from plugins.health.immunisation import coverage, doses
from plugins.health.immunisation.given import given_by_child
from plugins.health.immunisation.regency_schedule import schedule_of
from plugins.health.immunisation.schedule import DUE, OVERDUE, STATE_LABELS, dose_states
from plugins.health.permissions import READ, RECORD
from plugins.health.posyandu import posyandu
from plugins.health.web import FORM, now, today


@post(
    "/kesehatan/anak/{child_id:int}/imunisasi", guards=[requires(RECORD)], include_in_schema=False
)
async def give(
    request: Request[Any, Any, Any],
    child_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Redirect:
    child = await children.child(child_id, await posyandu.visible_posyandu(principal, tenant))
    if child is None:
        raise NotFoundException(_("Anak tidak ditemukan di desa ini."))
    url = f"{tenant.base_url}/kesehatan/anak/{child.id}"
    try:
        given_on = dt.date.fromisoformat(data.get("given_on", "").strip())
    except ValueError:
        await flash(request, "error", _("Tanggal imunisasi wajib diisi dengan tanggal yang benar."))
        return Redirect(url + "#imunisasi", status_code=303)
    try:
        created = await doses.record(
            child,
            data.get("vaccine", ""),
            given_on,
            today(request),
            principal.username,
            now(request),
            schedule_of(kernel.settings),
        )
    except doses.DoseError as exc:
        await flash(request, "error", _(exc.message))
        return Redirect(url + "#imunisasi", status_code=303)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="health.immunisation.create",
        entity="health_immunisation",
        entity_id=created,
        after={"child": child.id, "vaccine": data.get("vaccine", "")},
    )
    await flash(request, "success", _("Imunisasi tercatat."))
    return Redirect(url + "#imunisasi", status_code=303)


@get("/kesehatan/imunisasi", guards=[requires(READ)], include_in_schema=False)
async def due_list(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[str]:
    """Who is due or overdue this month, by posyandu, and the village's IDL coverage."""
    day = today(request)
    schedule = schedule_of(kernel.settings)
    rows = await listing.rows(await posyandu.visible_posyandu(principal, tenant), day)
    given = await given_by_child([r.child.id for r in rows])
    endemic = bool(tenant.settings.get(doses.ENDEMIC_SETTING, False))
    due = []
    for row in rows:
        states = dose_states(
            row.child.birth_date,
            given.get(row.child.id, {}),
            day,
            endemic=endemic,
            schedule=schedule,
        )
        waiting = [s for s in states if s.state in (DUE, OVERDUE)]
        if waiting:
            due.append((row, waiting))
    disclose(
        request,
        disclosures.IMMUNISATION_DUE,
        subjects=disclosures.children(r.child.id for r, _ in due),
        count=len(due),
    )
    context = {
        "due": due,
        "coverage": await coverage.basic_coverage(day, schedule),
        "state_labels": STATE_LABELS,
        "overdue": OVERDUE,
    }
    return await render(request, "health/immunisation.html", context)


VILLAGE_ROUTES = [give, due_list]
