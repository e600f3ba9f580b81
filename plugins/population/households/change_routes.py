"""The changes to a household, each a form on its page: take in a KK or a person, let a member
go, change the head, dissolve it. A refusal shows the household's page again with the error."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.population.households import disclosures
from plugins.population.households import households as rules
from plugins.population.households.pages import TEMPLATES, detail_page, household_or_404, text
from plugins.population.households.queries import members
from plugins.population.permissions import RESIDENT_WRITE
from plugins.population.register.errors import RegisterError
from plugins.population.register.web import Desk, desk, form_dict


async def _change(
    request: Request[Any, Any, Any],
    d: Desk,
    household_id: int,
    values: dict[str, Any],
    field: str,
    write: Any,
    done: str,
) -> Response[Any]:
    """Run one change of the household; back to its page with the message, or with the error."""
    await household_or_404(household_id)
    try:
        await write()
    except RegisterError as exc:
        return await detail_page(
            request, d, household_id, {exc.field or field: exc.message}, values, 422
        )
    await flash(request, "success", done)
    return Redirect(f"{d.base}/rumah-tangga/{household_id}", status_code=303)


@post(
    "/rumah-tangga/{household_id:int}/kk",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
)
async def add_family_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    household_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)

    async def write() -> None:
        await rules.add_family(
            kernel,
            d.code,
            d.actor,
            household_id,
            text(values, "kk_number"),
            today=d.today,
            now=d.now,
        )

    return await _change(
        request, d, household_id, values, "kk_number", write, _("Anggota KK dimasukkan.")
    )


@post(
    "/rumah-tangga/{household_id:int}/anggota",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
)
async def add_member_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    household_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)

    async def write() -> None:
        await rules.add_member(
            kernel, d.code, d.actor, household_id, text(values, "nik"), today=d.today, now=d.now
        )

    return await _change(
        request, d, household_id, values, "nik", write, _("Anggota rumah tangga ditambahkan.")
    )


@post(
    "/rumah-tangga/{household_id:int}/anggota/{resident_id:int}/keluar",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
)
async def remove_member_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    household_id: int,
    resident_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)

    async def write() -> None:
        await rules.remove_member(
            kernel, d.code, d.actor, household_id, resident_id, today=d.today, now=d.now
        )

    return await _change(
        request, d, household_id, {}, "resident", write, _("Anggota dikeluarkan dari rumah tangga.")
    )


async def _head_page(
    request: Request[Any, Any, Any],
    d: Desk,
    household_id: int,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    household = await household_or_404(household_id)
    current = await members(household_id)
    candidates = [
        (str(m["resident"]), f"{m['name']} ({m['nik']})")
        for m in current
        if m["status"] == 1 and m["resident"] != household["head"]
    ]
    disclose(
        request,
        disclosures.HOUSEHOLD_FORM,
        subjects=[disclosures.household(household), *disclosures.residents(current, d.code)],
    )
    return await render(
        request,
        TEMPLATES + "head.html",
        {
            "household": household,
            "values": values,
            "errors": errors,
            "candidates": [("", _("— pilih —")), *candidates],
        },
        status_code=status,
    )


@get(
    "/rumah-tangga/{household_id:int}/kepala",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
)
async def head_form(
    request: Request[Any, Any, Any], household_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    return await _head_page(request, desk(request, tenant, principal), household_id, {}, {})


@post(
    "/rumah-tangga/{household_id:int}/kepala",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
)
async def change_head_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    household_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    await household_or_404(household_id)
    values = await form_dict(request)
    new_head = text(values, "new_head")
    try:
        if not new_head.isdigit():
            raise RegisterError(_("Kepala rumah tangga baru wajib dipilih."), "new_head")
        await rules.change_head(kernel, d.code, d.actor, household_id, int(new_head), now=d.now)
    except RegisterError as exc:
        errors = {exc.field or "new_head": exc.message}
        return await _head_page(request, d, household_id, values, errors, 422)
    await flash(request, "success", _("Kepala rumah tangga diganti."))
    return Redirect(f"{d.base}/rumah-tangga/{household_id}", status_code=303)


@post(
    "/rumah-tangga/{household_id:int}/bubar",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
)
async def dissolve_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    household_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    if not (await household_or_404(household_id))["active"]:
        # A dissolve sent twice (a double tap, a retry on a slow link) answers as the first did.
        await flash(request, "info", _("Rumah tangga ini sudah dibubarkan."))
        return Redirect(f"{d.base}/rumah-tangga/{household_id}", status_code=303)

    async def write() -> None:
        await rules.dissolve(kernel, d.code, d.actor, household_id, today=d.today, now=d.now)

    return await _change(
        request, d, household_id, {}, "household", write, _("Rumah tangga dibubarkan.")
    )


ROUTES = [
    add_family_page,
    add_member_page,
    remove_member_page,
    head_form,
    change_head_page,
    dissolve_page,
]
