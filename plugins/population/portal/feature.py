"""This part's contribution to the population plugin: the citizen portal."""

from __future__ import annotations

from core import MenuItem
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.permissions import CITIZEN_MANAGE
from plugins.population.portal import access, pages, sign_in, staff


def menu(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind == "village":
        return [
            MenuItem("Akun Warga", f"{tenant.base_url}/warga-akun", CITIZEN_MANAGE, "key", order=80)
        ]
    return []


FEATURE = Feature(
    village_routes=[*pages.ROUTES, *staff.ROUTES, *access.ROUTES],
    public_routes=sign_in.ROUTES,
    menu=menu,
)
