"""Programme pages: the village's list, a programme's page, and the forms that create one (a
village's own at the village, a regency programme at the regency)."""

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
from plugins.population import public as population
from plugins.social_aid import disclosures
from plugins.social_aid.eligibility import rules
from plugins.social_aid.form_input import FORM, new_key
from plugins.social_aid.permissions import MANAGE, REGENCY, VIEW
from plugins.social_aid.programmes import forms, programmes, recipients
from plugins.social_aid.programmes.programmes import ProgrammeError


def choices() -> dict[str, list[tuple[str, str]]]:
    """The form's choices, labels translated into the request's language."""
    return {
        name: [(key, _(label)) for key, label in pairs]
        for name, pairs in (
            ("kinds", forms.KINDS),
            ("targets", forms.TARGETS),
            ("bases", forms.BASES),
        )
    }


@get("/bantuan", guards=[requires(VIEW)], include_in_schema=False)
async def index(request: Request[Any, Any, Any]) -> Response[str]:
    context = {"programmes": await programmes.programmes(), **choices()}
    return await render(request, "social_aid/index.html", context)


async def _programme(programme_id: int) -> dict[str, Any]:
    found = await programmes.programme(programme_id)
    if found is None:
        raise NotFoundException("Program tidak ditemukan di desa ini.")
    return found


async def _show(
    request: Request[Any, Any, Any],
    programme: dict[str, Any],
    values: dict[str, str],
    errors: dict[str, str],
) -> Response[str]:
    listed = await recipients.active(programme["id"])
    disclose(
        request,
        disclosures.RECIPIENT_LIST,
        subjects=disclosures.people(listed),
        query={"programme": programme["id"]},
        count=len(listed),
    )
    context = {
        "programme": programme,
        "rules": await rules.rules_of(programme["id"]),
        "recipients": listed,
        "values": {"idempotency_key": new_key(), **values},
        "errors": errors,
        **choices(),
    }
    status_code = 422 if errors else 200
    return await render(request, "social_aid/programme.html", context, status_code=status_code)


@get("/bantuan/program/{programme_id:int}", guards=[requires(VIEW)], include_in_schema=False)
async def show(request: Request[Any, Any, Any], programme_id: int) -> Response[str]:
    return await _show(request, await _programme(programme_id), {}, {})


@post(
    "/bantuan/program/{programme_id:int}/penerima",
    guards=[requires(MANAGE)],
    include_in_schema=False,
)
async def record_recipient(
    request: Request[Any, Any, Any],
    programme_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Record a recipient of a national programme (PKH, BPNT, PBI-JK) as the ministry lists them."""
    programme = await _programme(programme_id)
    back = Redirect(f"{tenant.base_url}/bantuan/program/{programme_id}", status_code=303)
    key = data.get("idempotency_key", "")
    if await recall(tenant.code, recipients.ENTITY, key) is not None:
        return back
    if not programme["national"]:
        return await _show(
            request,
            programme,
            data,
            {"nik": "Penerima program desa atau kabupaten ditetapkan lewat musyawarah desa."},
        )
    nik = data.get("nik", "").replace(" ", "")
    person = await population.person_by_nik(nik) if len(nik) == 16 and nik.isdigit() else None
    if person is None:
        return await _show(
            request, programme, data, {"nik": "NIK tidak ditemukan di desa ini (16 digit)."}
        )
    now = datetime.now(UTC)
    try:
        created = await recipients.add(
            kernel,
            tenant.code,
            programme,
            person,
            source="national",
            since=now.date(),
            actor=principal.username,
            now=now,
        )
    except recipients.RecipientError as exc:
        return await _show(request, programme, data, {exc.field or "nik": exc.message})
    await remember(tenant.code, recipients.ENTITY, key, principal.username, created)
    await flash(request, "success", _("Penerima dicatat."))
    return back


@get("/bantuan/program/baru", guards=[requires(MANAGE)], include_in_schema=False)
async def new_form(request: Request[Any, Any, Any]) -> Response[str]:
    return await _form(request, {}, {})


SAMPLE = {
    "code": "SEMBAKO-DS",
    "name": "Bantuan Sembako Desa",
    "kind": "pangan",
    "target": "family",
    "period_start": "2026-01-01",
    "period_end": "2026-12-31",
    "fund_source": "Dana Desa",
    "budget": "12000000",
    "amount": "200000",
    "amount_basis": "target",
    "cycles": "6",
}


@post(
    "/bantuan/program/baru",
    guards=[requires(MANAGE)],
    include_in_schema=False,
    opt={"sample": SAMPLE},
)
async def create(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    key = data.get("idempotency_key", "")
    earlier = await recall(tenant.code, programmes.ENTITY, key)
    if earlier is not None:
        return Redirect(f"{tenant.base_url}/bantuan/program/{earlier}", status_code=303)
    parsed, errors = forms.read_programme(data, owner_level="village")
    if parsed is None:
        return await _form(request, data, errors)
    try:
        created = await programmes.create(
            kernel, tenant.code, parsed, principal.username, datetime.now(UTC)
        )
    except ProgrammeError as exc:
        return await _form(request, data, {exc.field or "code": exc.message})
    await remember(tenant.code, programmes.ENTITY, key, principal.username, created)
    await flash(request, "success", _("Program tersimpan."))
    return Redirect(f"{tenant.base_url}/bantuan/program/{created}", status_code=303)


@get(
    "/bantuan/program/baru", guards=[requires(REGENCY)], include_in_schema=False, name="regency_new"
)
async def regency_new_form(request: Request[Any, Any, Any]) -> Response[str]:
    return await _form(request, {}, {})


@post(
    "/bantuan/program/baru",
    guards=[requires(REGENCY)],
    include_in_schema=False,
    name="regency_create",
)
async def regency_create(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    key = data.get("idempotency_key", "")
    if await recall(tenant.code, programmes.ENTITY, key) is not None:
        return Redirect(f"{tenant.base_url}/bantuan", status_code=303)
    parsed, errors = forms.read_programme(data, owner_level="regency")
    if parsed is None:
        return await _form(request, data, errors)
    try:
        created = await programmes.create_for_regency(
            kernel, tenant.code, parsed, principal.username, datetime.now(UTC)
        )
    except ProgrammeError as exc:
        return await _form(request, data, {exc.field or "code": exc.message})
    await remember(tenant.code, programmes.ENTITY, key, principal.username, created[0])
    await flash(
        request,
        "success",
        _("Program kabupaten dibuat di {count} desa.").format(count=len(created)),
    )
    return Redirect(f"{tenant.base_url}/bantuan", status_code=303)


async def _form(
    request: Request[Any, Any, Any], values: dict[str, str], errors: dict[str, str]
) -> Response[str]:
    values = {"idempotency_key": new_key(), "amount_basis": "target", "cycles": "1", **values}
    context = {"values": values, "errors": errors, **choices()}
    return await render(
        request, "social_aid/programme_form.html", context, status_code=422 if errors else 200
    )


VILLAGE_ROUTES = [index, new_form, create, show, record_recipient]
REGENCY_ROUTES = [regency_new_form, regency_create]
