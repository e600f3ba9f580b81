"""Children pages: the list, finding under-fives in the register to enrol, one child's record."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.health import disclosures, residents
from plugins.health.children import children, listing
from plugins.health.children.record import child_record, z_text
from plugins.health.dates import month_key
from plugins.health.immunisation.regency_schedule import schedule_of
from plugins.health.immunisation.schedule import STATE_LABELS
from plugins.health.permissions import READ, RECORD
from plugins.health.posyandu import posyandu
from plugins.health.reports import figures
from plugins.health.web import FORM, checked, now, today


@get("/kesehatan/anak", guards=[requires(READ)], include_in_schema=False)
async def child_list(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[str]:
    visible = await posyandu.visible_posyandu(principal, tenant)
    rows = await listing.rows(visible, today(request))
    disclose(
        request,
        disclosures.CHILD_LIST,
        subjects=disclosures.children(r.child.id for r in rows),
        count=len(rows),
    )
    return await render(request, "health/children.html", {"rows": rows})


@get("/kesehatan/anak/cari", guards=[requires(RECORD)], include_in_schema=False)
async def find(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    text = request.query_params.get("q", "").strip()[:60]
    return await _find_page(request, tenant, text, {})


async def _find_page(
    request: Request[Any, Any, Any], tenant: Tenant, text: str, errors: dict[str, str]
) -> Response[str]:
    day = today(request)
    enrolled = await children.enrolled_resident_ids()
    found = await residents.candidates(day, enrolled, text)
    disclose(
        request,
        disclosures.CANDIDATES,
        subjects=disclosures.residents(p.id for p in found),
        query={"q": text},
        count=len(found),
    )
    context = {
        "q": text,
        "found": found,
        "day": day,
        "posyandu": await posyandu.all_posyandu(),
        "errors": errors,
    }
    return await render(request, "health/find.html", context, status_code=422 if errors else 200)


@post("/kesehatan/anak", guards=[requires(RECORD)], include_in_schema=False)
async def enrol(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    kernel: Kernel,
) -> Response[Any]:
    raw = data.get("resident_id", "")
    person = await residents.person(int(raw)) if raw.isdecimal() else None
    day = today(request)
    if (
        person is None
        or person.birth_date is None
        or person.birth_date < (residents.oldest_birth_date(day))
    ):
        return await _find_page(
            request, tenant, "", {"resident_id": _("Pilih balita dari data penduduk desa ini.")}
        )
    place = data.get("posyandu", "")
    posyandu_id = int(place) if place.isdecimal() else None
    if posyandu_id is not None and await posyandu.one(posyandu_id) is None:
        return await _find_page(request, tenant, "", {"posyandu": _("Posyandu tidak dikenal.")})
    created = await children.enrol(
        person, posyandu_id, now(request), has_kia_book=checked(data, "has_kia_book")
    )
    await figures.refresh(month_key(day), schedule_of(kernel.settings))
    await flash(request, "success", _("Balita terdaftar di posyandu."))
    return Redirect(f"{tenant.base_url}/kesehatan/anak/{created}", status_code=303)


@get("/kesehatan/anak/{child_id:int}", guards=[requires(READ)], include_in_schema=False)
async def show(
    request: Request[Any, Any, Any],
    child_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[str]:
    child = await children.child(child_id, await posyandu.visible_posyandu(principal, tenant))
    if child is None:
        raise NotFoundException(_("Anak tidak ditemukan di desa ini."))
    person = await residents.person(child.resident_id)
    day = today(request)
    disclose(
        request,
        disclosures.CHILD_RECORD,
        subjects=[*disclosures.children([child.id]), *disclosures.residents([child.resident_id])],
    )
    schedule = schedule_of(kernel.settings)
    record = await child_record(child, tenant, day, schedule)
    context = {
        "child": child,
        "person": person,
        "record": record,
        "chart": Markup(record.chart),
        "z_text": z_text,
        "state_labels": STATE_LABELS,
        "vaccines": [(d.key, d.label) for d in schedule.doses],
        "day": day,
    }
    return await render(request, "health/child.html", context)


VILLAGE_ROUTES = [child_list, find, enrol, show]
