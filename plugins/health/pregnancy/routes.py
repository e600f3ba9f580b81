"""Pregnancy pages: the village's pregnant women, recording one, her record and visits."""

from __future__ import annotations

from typing import Any

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
from plugins.health.permissions import MOTHERS, READ
from plugins.health.pregnancy import forms, pregnancies
from plugins.health.referrals.referrals import HIGH_RISK, KEK, Subject, refer
from plugins.health.web import new_key, now, today

PREGNANCY_ENTITY, VISIT_ENTITY = "health.pregnancy", "health.antenatal_visit"
POSTNATAL_ENTITY = "health.postnatal_visit"


async def _form_data(request: Request[Any, Any, Any]) -> tuple[dict[str, str], list[str]]:
    form = await request.form()
    data = {key: str(form.get(key, "")) for key in form}
    return data, [str(v) for v in form.getall("risks")] if "risks" in form else []


@get("/kesehatan/kehamilan", guards=[requires(READ)], include_in_schema=False)
async def pregnancy_list(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    rows = await pregnancies.current()
    mothers = await residents.people(r["resident_id"] for r in rows)
    disclose(
        request,
        disclosures.PREGNANCY_LIST,
        subjects=disclosures.pregnancies(r["id"] for r in rows),
        count=len(rows),
    )
    context = {"rows": rows, "mothers": mothers, "day": today(request)}
    return await render(request, "health/pregnancies.html", context)


@get("/kesehatan/kehamilan/baru", guards=[requires(MOTHERS)], include_in_schema=False)
async def new_pregnancy(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    return await _new_page(request, tenant, {"q": request.query_params.get("q", "")}, [], {})


async def _new_page(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    values: dict[str, str],
    risks: list[str],
    errors: dict[str, str],
) -> Response[str]:
    text = values.get("q", "").strip()[:60]
    found = [
        p
        for p in (await residents.find(text) if text else [])
        if p.sex == "P" and (p.age_on(today(request)) or 0) >= 10
    ]
    disclose(
        request,
        disclosures.CANDIDATES,
        subjects=disclosures.residents(p.id for p in found),
        query={"q": text},
        count=len(found),
    )
    context = {
        "values": {"idempotency_key": new_key(), **values},
        "found": found,
        "risks": risks,
        "risk_labels": pregnancies.RISKS,
        "errors": errors,
    }
    return await render(
        request, "health/pregnancy_form.html", context, status_code=422 if errors else 200
    )


@post("/kesehatan/kehamilan", guards=[requires(MOTHERS)], include_in_schema=False)
async def create(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[Any]:
    data, risks = await _form_data(request)
    key = data.get("idempotency_key", "")
    earlier = await idempotency.recall(tenant.code, PREGNANCY_ENTITY, key)
    if earlier is not None:
        return Redirect(f"{tenant.base_url}/kesehatan/kehamilan/{earlier}", status_code=303)
    day = today(request)
    last_period, risks, errors = forms.read_pregnancy(data, risks, day)
    raw = data.get("resident_id", "")
    mother = await residents.person(int(raw)) if raw.isdecimal() else None
    if mother is None or mother.sex != "P":
        errors["resident_id"] = _("Pilih ibu dari data penduduk desa ini.")
    if errors or last_period is None or mother is None:
        return await _new_page(request, tenant, data, risks, errors)
    try:
        created = await pregnancies.create(
            mother.id, last_period, risks, principal.username, now(request)
        )
    except pregnancies.PregnancyError as exc:
        return await _new_page(request, tenant, data, risks, {exc.field: _(exc.message)})
    if risks:
        await refer(
            Subject(pregnancy_id=created),
            HIGH_RISK,
            {"risks": risks},
            principal.username,
            now(request),
        )
    await idempotency.remember(tenant.code, PREGNANCY_ENTITY, key, principal.username, created)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="health.pregnancy.create",
        entity="health_pregnancy",
        entity_id=created,
    )
    await flash(request, "success", _("Kehamilan tercatat."))
    return Redirect(f"{tenant.base_url}/kesehatan/kehamilan/{created}", status_code=303)


@get("/kesehatan/kehamilan/{pregnancy_id:int}", guards=[requires(READ)], include_in_schema=False)
async def show(request: Request[Any, Any, Any], pregnancy_id: int, tenant: Tenant) -> Response[str]:
    return await _show(request, tenant, pregnancy_id, {}, {})


async def _show(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    pregnancy_id: int,
    values: dict[str, str],
    errors: dict[str, str],
) -> Response[str]:
    found = await pregnancies.pregnancy(pregnancy_id)
    if found is None:
        raise NotFoundException(_("Kehamilan tidak ditemukan di desa ini."))
    mother = await residents.person(found["resident_id"])
    visits = await pregnancies.visits(pregnancy_id)
    counts = pregnancies.visit_counts(found["last_period"], [v["visited_on"] for v in visits])
    disclose(
        request,
        disclosures.PREGNANCY_RECORD,
        subjects=[
            *disclosures.pregnancies([pregnancy_id]),
            *disclosures.residents([found["resident_id"]]),
        ],
    )
    context = {
        "pregnancy": found,
        "mother": mother,
        "visits": visits,
        "postnatal": await pregnancies.postnatal_visits(pregnancy_id),
        "counts": counts,
        "standard_met": pregnancies.standard_met(counts),
        "iron": sum(v["iron_tablets"] for v in visits),
        "iron_target": pregnancies.IRON_TARGET,
        "risks": [pregnancies.RISKS.get(r, r) for r in pregnancies.risk_flags(found)],
        "kek": pregnancies.kek,
        "values": {
            "idempotency_key": new_key(),
            **(values or {"visited_on": today(request).isoformat()}),
        },
        "errors": errors,
    }
    return await render(
        request, "health/pregnancy.html", context, status_code=422 if errors else 200
    )


@post(
    "/kesehatan/kehamilan/{pregnancy_id:int}/periksa",
    guards=[requires(MOTHERS)],
    include_in_schema=False,
)
async def add_visit(
    request: Request[Any, Any, Any],
    pregnancy_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    found = await pregnancies.pregnancy(pregnancy_id)
    if found is None:
        raise NotFoundException(_("Kehamilan tidak ditemukan di desa ini."))
    data, _risks = await _form_data(request)
    url = f"{tenant.base_url}/kesehatan/kehamilan/{pregnancy_id}"
    key = data.get("idempotency_key", "")
    if await idempotency.recall(tenant.code, VISIT_ENTITY, key) is not None:
        return Redirect(url, status_code=303)
    visit, errors = forms.read_visit(data, today(request))
    if visit is None:
        return await _show(request, tenant, pregnancy_id, data, errors)
    created = await pregnancies.add_visit(pregnancy_id, visit, principal.username, now(request))
    await idempotency.remember(tenant.code, VISIT_ENTITY, key, principal.username, created)
    subject = Subject(pregnancy_id=pregnancy_id)
    if pregnancies.kek(visit.muac_mm):
        await refer(subject, KEK, {"muac_mm": visit.muac_mm}, principal.username, now(request))
    if pregnancies.high_blood_pressure(visit.systolic, visit.diastolic):
        evidence = {"systolic": visit.systolic, "diastolic": visit.diastolic}
        await refer(subject, HIGH_RISK, evidence, principal.username, now(request))
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="health.antenatal_visit.create",
        entity="health_antenatal_visit",
        entity_id=created,
    )
    await flash(request, "success", _("Pemeriksaan tercatat."))
    return Redirect(url, status_code=303)


@post(
    "/kesehatan/kehamilan/{pregnancy_id:int}/nifas",
    guards=[requires(MOTHERS)],
    include_in_schema=False,
)
async def add_postnatal(
    request: Request[Any, Any, Any],
    pregnancy_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    found = await pregnancies.pregnancy(pregnancy_id)
    if found is None:
        raise NotFoundException(_("Kehamilan tidak ditemukan di desa ini."))
    data, _risks = await _form_data(request)
    url = f"{tenant.base_url}/kesehatan/kehamilan/{pregnancy_id}"
    key = data.get("idempotency_key", "")
    if await idempotency.recall(tenant.code, POSTNATAL_ENTITY, key) is not None:
        return Redirect(url, status_code=303)
    visit, errors = forms.read_postnatal(data, today(request))
    if visit is None:
        return await _show(request, tenant, pregnancy_id, data, errors)
    try:
        created = await pregnancies.add_postnatal(found, visit, principal.username, now(request))
    except pregnancies.PregnancyError as exc:
        return await _show(request, tenant, pregnancy_id, data, {exc.field: _(exc.message)})
    await idempotency.remember(tenant.code, POSTNATAL_ENTITY, key, principal.username, created)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="health.postnatal_visit.create",
        entity="health_postnatal_visit",
        entity_id=created,
    )
    await flash(request, "success", _("Kunjungan nifas tercatat."))
    return Redirect(url, status_code=303)


VILLAGE_ROUTES = [pregnancy_list, new_pregnancy, create, show, add_visit, add_postnatal]
