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
    EventSubscriber,
    MenuItem,
    Permission,
    PluginInfo,
    ServiceStandard,
    WidgetProvider,
    hookimpl,
)
from core.i18n import N_
from core.tenancy.context import Tenant
from plugins.population import permissions as can
from plugins.population.areas import routes as area_pages
from plugins.population.areas.demo import demo_areas
from plugins.population.books import routes as book_pages
from plugins.population.households import leaving as household_leaving
from plugins.population.households import routes as household_pages
from plugins.population.households.demo import demo_households
from plugins.population.importing import cli as import_cli
from plugins.population.importing import export_pages
from plugins.population.importing import pages as import_pages
from plugins.population.importing.demo import demo_residents
from plugins.population.letters import api as letter_api
from plugins.population.letters import archive_mail_routes as mail_log
from plugins.population.letters import archive_routes as letter_archive
from plugins.population.letters import public as letter_public
from plugins.population.letters import template_pages
from plugins.population.letters import web as letter_pages
from plugins.population.letters import widgets as letter_widgets
from plugins.population.letters.archive_demo import demo_mail
from plugins.population.letters.demo import demo_letters
from plugins.population.portal import access, notices, sign_in, staff
from plugins.population.portal import pages as citizen_pages
from plugins.population.portal.demo import demo_citizen
from plugins.population.portal.notices import kampung_jobs  # noqa: F401
from plugins.population.register import (
    api_routes,
    event_routes,
    family_routes,
    history_routes,
    report_routes,
    resident_routes,
)
from plugins.population.register import photos as resident_photos
from plugins.population.register import widgets as register_widgets
from plugins.population.register.demo import demo_events, demo_late_death
from plugins.population.services import api as service_api
from plugins.population.services import pages as service_pages
from plugins.population.services import regency_pages
from plugins.population.services import widgets as service_widgets
from plugins.population.services.demo import demo as demo_requests
from plugins.population.services.standards import service_standards
from plugins.population.statistics import pages as statistics
from plugins.population.village_map import public_routes as map_public
from plugins.population.village_map import routes as map_pages
from plugins.population.village_map.demo import demo_map

VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent
DEMO_STEPS = (
    demo_residents,
    demo_map,
    demo_events,
    demo_areas,
    demo_households,
    demo_requests,
    demo_letters,
    demo_mail,
    demo_citizen,
)
"""In this order: the residents first, then what happens to them, then the citizen's login."""


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="population",
        title=N_("Kependudukan (Sakera Mesem)"),
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
        *resident_photos.ROUTES,
        *family_routes.ROUTES,
        *household_pages.ROUTES,
        *event_routes.ROUTES,
        *report_routes.ROUTES,
        *history_routes.ROUTES,
        *service_pages.ROUTES,
        *letter_pages.ROUTES,
        *template_pages.ROUTES,
        *letter_archive.ROUTES,
        *mail_log.ROUTES,
        *import_pages.ROUTES,
        *export_pages.ROUTES,
        *book_pages.ROUTES,
        *statistics.VILLAGE_ROUTES,
        *citizen_pages.ROUTES,
        *staff.ROUTES,
        *access.ROUTES,
        *map_pages.ROUTES,
        *area_pages.ROUTES,
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
    return [*letter_public.ROUTES, *sign_in.ROUTES, *map_public.ROUTES]


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
        MenuItem("Rumah Tangga", f"{base}/rumah-tangga", can.RESIDENT_READ, order=11),
        MenuItem("Peristiwa/Mutasi", f"{base}/mutasi", can.RESIDENT_READ, order=12),
        MenuItem("Buku Administrasi", f"{base}/buku", can.RESIDENT_READ, order=13),
        MenuItem("Peta Desa", f"{base}/peta", can.RESIDENT_READ, order=15),
        MenuItem("Wilayah", f"{base}/wilayah", can.RESIDENT_READ, order=14),
        MenuItem("Layanan", f"{base}/layanan", can.RESIDENT_READ, "inbox", order=30),
        MenuItem("Surat", f"{base}/surat", can.RESIDENT_READ, order=30),
        MenuItem("Arsip Surat", f"{base}/arsip-surat", can.RESIDENT_READ, order=31),
        statistics_item,
        MenuItem("Impor & ekspor", f"{base}/impor", can.IMPORT, order=60),
        MenuItem("Akun Warga", f"{base}/warga-akun", can.CITIZEN_MANAGE, "key", order=80),
    ]


@hookimpl
def kampung_service_standards(tenant: Tenant) -> list[ServiceStandard]:
    return service_standards(tenant)


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return [
        *register_widgets.village_widgets(tenant),
        *service_widgets.widgets(tenant),
        *letter_widgets.widgets(tenant),
    ]


@hookimpl
def kampung_event_subscribers() -> list[EventSubscriber]:
    return [*notices.subscribers(), *household_leaving.subscribers()]


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_static_dirs() -> dict[str, Path]:
    return {
        "population_map": HERE / "village_map" / "static",
        "population_letters": HERE / "letters" / "static",
    }


@hookimpl
def kampung_cli_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    population = subparsers.add_parser("population", help="population register tools")
    import_cli.register(population.add_subparsers(dest="population_command", required=True))


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    for step in DEMO_STEPS:
        await step(context)


@hookimpl
async def kampung_demo_events(context: DemoContext) -> None:
    await demo_late_death(context)
