"""The resident register: residents, families (KK), life events and the monthly books."""

from __future__ import annotations

from core import MenuItem
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.permissions import RESIDENT_READ
from plugins.population.register import (
    api_routes,
    event_routes,
    family_routes,
    history_routes,
    report_routes,
    resident_routes,
)
from plugins.population.register.demo import demo_events
from plugins.population.register.widgets import village_widgets


def menu(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind != "village":
        return []
    base = tenant.base_url
    return [
        MenuItem("Penduduk", f"{base}/penduduk", RESIDENT_READ, order=10),
        MenuItem("Keluarga", f"{base}/keluarga", RESIDENT_READ, order=11),
        MenuItem("Peristiwa/Mutasi", f"{base}/mutasi", RESIDENT_READ, order=12),
    ]


FEATURE = Feature(
    village_routes=[
        *resident_routes.ROUTES,
        *family_routes.ROUTES,
        *event_routes.ROUTES,
        *report_routes.ROUTES,
        *history_routes.ROUTES,
    ],
    api_routes=api_routes.ROUTES,
    menu=menu,
    widgets=village_widgets,
    demo=demo_events,
    demo_order=50,
)
