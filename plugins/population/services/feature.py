"""This part's contribution to the population plugin: one-door civil-registry requests."""

from __future__ import annotations

from core import MenuItem
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.permissions import REQUEST_QUEUE, RESIDENT_READ
from plugins.population.services import api, pages, regency_pages
from plugins.population.services.demo import demo
from plugins.population.services.widgets import widgets


def menu(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind == "village":
        return [MenuItem("Layanan", f"{tenant.base_url}/layanan", RESIDENT_READ, "inbox", order=30)]
    if tenant.kind == "regency":
        return [MenuItem("Antrean Layanan", "/kabupaten/layanan", REQUEST_QUEUE, "inbox", order=30)]
    return []


FEATURE = Feature(
    village_routes=pages.ROUTES,
    api_routes=api.ROUTES,
    regency_routes=regency_pages.ROUTES,
    menu=menu,
    widgets=widgets,
    demo=demo,
    demo_order=60,
)
