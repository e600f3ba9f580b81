"""This part's contribution to the population plugin: statistics for village, district, regency."""

from __future__ import annotations

from core import MenuItem
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.permissions import STATS
from plugins.population.statistics.pages import DISTRICT_ROUTES, REGENCY_ROUTES, VILLAGE_ROUTES


def _menu(tenant: Tenant) -> list[MenuItem]:
    return [
        MenuItem("Statistik penduduk", f"{tenant.base_url}/statistik", permission=STATS, order=50)
    ]


FEATURE = Feature(
    village_routes=VILLAGE_ROUTES,
    district_routes=DISTRICT_ROUTES,
    regency_routes=REGENCY_ROUTES,
    menu=_menu,
)
