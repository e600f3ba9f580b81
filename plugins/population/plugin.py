"""The population plugin (Sakera Mesem), registered under `kampung.plugins` like any other.

Each hook lists what the parts contribute (register, services, letters, importing, statistics,
portal); the routes, widgets and demo steps live in the part that owns them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core import (
    DemoContext,
    MenuItem,
    Permission,
    PluginInfo,
    WidgetProvider,
    hookimpl,
)
from core.tenancy.context import Tenant
from plugins.population import permissions as can
from plugins.population.importing import cli as import_cli
from plugins.population.importing import export_pages
from plugins.population.importing import pages as import_pages
from plugins.population.importing.demo import demo_residents
from plugins.population.letters import api as letter_api
from plugins.population.letters import public as letter_public
from plugins.population.letters import template_pages
from plugins.population.letters import web as letter_pages
from plugins.population.letters import widgets as letter_widgets
from plugins.population.letters.demo import demo_letters
from plugins.population.portal import access, sign_in, staff
from plugins.population.portal import pages as citizen_pages
from plugins.population.portal.demo import demo_citizen
from plugins.population.register import (
    api_routes,
    event_routes,
    family_routes,
    history_routes,
    report_routes,
    resident_routes,
)
from plugins.population.register import widgets as register_widgets
from plugins.population.register.demo import demo_events
from plugins.population.services import api as service_api
from plugins.population.services import pages as service_pages
from plugins.population.services import regency_pages
from plugins.population.services import widgets as service_widgets
from plugins.population.services.demo import demo as demo_requests
from plugins.population.statistics import pages as statistics

VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent
DEMO_STEPS = (demo_residents, demo_events, demo_requests, demo_letters, demo_citizen)
"""In this order: the residents first, then what happens to them, then the citizen's login."""


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="population",
        title="Kependudukan (Sakera Mesem)",
        version=VERSION,
        core_version=">=0.1,<1",
        description="Data penduduk, peristiwa, layanan satu pintu Dispendukcapil, surat desa.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.population.piccolo_app"]


@hookimpl
def kampung_permissions() -> list[Permission]:
    return can.PERMISSIONS


@hookimpl
def kampung_village_routes() -> list[Any]:
    return [
        *resident_routes.ROUTES,
        *family_routes.ROUTES,
        *event_routes.ROUTES,
        *report_routes.ROUTES,
        *history_routes.ROUTES,
        *service_pages.ROUTES,
        *letter_pages.ROUTES,
        *template_pages.ROUTES,
        *import_pages.ROUTES,
        *export_pages.ROUTES,
        *statistics.VILLAGE_ROUTES,
        *citizen_pages.ROUTES,
        *staff.ROUTES,
        *access.ROUTES,
    ]


@hookimpl
def kampung_api_routes() -> list[Any]:
    return [*api_routes.ROUTES, *service_api.ROUTES, *letter_api.ROUTES]


@hookimpl
def kampung_district_routes() -> list[Any]:
    return statistics.DISTRICT_ROUTES


@hookimpl
def kampung_regency_routes() -> list[Any]:
    return [*regency_pages.ROUTES, *statistics.REGENCY_ROUTES]


@hookimpl
def kampung_public_routes() -> list[Any]:
    return [*letter_public.ROUTES, *sign_in.ROUTES]


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    base = tenant.base_url
    statistics_item = MenuItem("Statistik penduduk", f"{base}/statistik", can.STATS, order=50)
    if tenant.kind == "regency":
        queue = MenuItem("Antrean Layanan", f"{base}/layanan", can.REQUEST_QUEUE, "inbox", order=30)
        return [queue, statistics_item]
    if tenant.kind != "village":
        return [statistics_item]
    return [
        MenuItem("Penduduk", f"{base}/penduduk", can.RESIDENT_READ, order=10),
        MenuItem("Keluarga", f"{base}/keluarga", can.RESIDENT_READ, order=11),
        MenuItem("Peristiwa/Mutasi", f"{base}/mutasi", can.RESIDENT_READ, order=12),
        MenuItem("Layanan", f"{base}/layanan", can.RESIDENT_READ, "inbox", order=30),
        MenuItem("Surat", f"{base}/surat", can.RESIDENT_READ, order=30),
        statistics_item,
        MenuItem("Impor & ekspor", f"{base}/impor", can.IMPORT, order=60),
        MenuItem("Akun Warga", f"{base}/warga-akun", can.CITIZEN_MANAGE, "key", order=80),
    ]


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return [
        *register_widgets.village_widgets(tenant),
        *service_widgets.widgets(tenant),
        *letter_widgets.widgets(tenant),
    ]


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_cli_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    population = subparsers.add_parser("population", help="population register tools")
    import_cli.register(population.add_subparsers(dest="population_command", required=True))


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    for step in DEMO_STEPS:
        await step(context)
