"""The operator's page for citizen accounts: issue or reset a resident's PIN, shown once."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post

from core.auth.principal import Principal
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from plugins.population.domain.identity import mask_nik
from plugins.population.permissions import CITIZEN_MANAGE
from plugins.population.portal.accounts import issue_pin, resident_by_nik
from plugins.population.tables import CitizenAccount


async def _accounts(village_code: str) -> list[dict[str, Any]]:
    rows = (
        await CitizenAccount.select(
            CitizenAccount.nik,
            CitizenAccount.must_change_pin,
            CitizenAccount.active,
            CitizenAccount.created_at,
            CitizenAccount.resident.name.as_alias("name"),
        )
        .where(CitizenAccount.village_code == village_code)
        .order_by(CitizenAccount.created_at, ascending=False)
        .limit(100)
    )
    return [{**r, "nik": mask_nik(r["nik"])} for r in rows]


@get("/warga-akun", guards=[requires(CITIZEN_MANAGE)], include_in_schema=False)
async def accounts_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    context = {"accounts": await _accounts(tenant.code), "errors": {}, "values": {}, "issued": None}
    return await render(request, "population/portal/accounts.html", context)


@post("/warga-akun", guards=[requires(CITIZEN_MANAGE)], include_in_schema=False)
async def issue_account(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    state = request_state(request)
    form = await request.form()
    nik = str(form.get("nik", "")).strip()
    resident = await resident_by_nik(tenant.code, nik) if nik else None
    error = None
    if not nik:
        error = "NIK warga wajib diisi."
    elif resident is None:
        error = "NIK tidak ditemukan di data penduduk desa ini."
    elif resident["status"] != 1:
        error = "Warga ini tidak berstatus hidup dan menetap di desa."
    if error or resident is None:
        context = {
            "accounts": await _accounts(tenant.code),
            "errors": {"nik": error},
            "values": {"nik": nik},
            "issued": None,
        }
        return await render(request, "population/portal/accounts.html", context, status_code=422)
    pin = await issue_pin(kernel, tenant.code, resident, principal.username, state.now)
    issued = {"name": resident["name"], "nik": resident["nik"], "pin": pin}
    context = {
        "accounts": await _accounts(tenant.code),
        "errors": {},
        "values": {},
        "issued": issued,
    }
    return await render(
        request, "population/portal/accounts.html", context, headers={"Cache-Control": "no-store"}
    )


ROUTES = [accounts_page, issue_account]
