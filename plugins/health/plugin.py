"""Kesehatan (Posyandu): registered under `kampung.plugins` like any other plugin.

What the plugin contributes, nothing else: its tables, roles and permissions, pages, menu,
widgets, village setting, templates, demo data and its subscriber to the register's births.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core import (
    DemoContext,
    EventSubscriber,
    MenuItem,
    Permission,
    PluginInfo,
    Role,
    SettingField,
    WidgetProvider,
    hookimpl,
)
from core.config import Settings
from core.i18n import N_
from core.tenancy.context import Tenant
from plugins.health import demo, permissions
from plugins.health.children import enrolment
from plugins.health.children import routes as children_routes
from plugins.health.growth import routes as growth_routes
from plugins.health.immunisation import routes as immunisation_routes
from plugins.health.immunisation.regency_schedule import settings_problems
from plugins.health.posyandu import routes as posyandu_routes
from plugins.health.pregnancy import routes as pregnancy_routes
from plugins.health.referrals import routes as referral_routes
from plugins.health.reports import routes as report_routes
from plugins.health.reports import widgets

VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="health",
        title=N_("Kesehatan (Posyandu)"),
        version=VERSION,
        requires=("population",),
        core_version=">=0.1,<1",
        description="Posyandu, pertumbuhan anak, imunisasi, kehamilan, rujukan.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.health.piccolo_app"]


@hookimpl
def kampung_roles() -> list[Role]:
    return permissions.ROLES


@hookimpl
def kampung_permissions() -> list[Permission]:
    return permissions.PERMISSIONS


@hookimpl
def kampung_village_routes() -> list[Any]:
    return [
        *posyandu_routes.VILLAGE_ROUTES,
        *children_routes.VILLAGE_ROUTES,
        *growth_routes.VILLAGE_ROUTES,
        *immunisation_routes.VILLAGE_ROUTES,
        *pregnancy_routes.VILLAGE_ROUTES,
        *referral_routes.VILLAGE_ROUTES,
        *report_routes.VILLAGE_ROUTES,
    ]


@hookimpl
def kampung_district_routes() -> list[Any]:
    return [*referral_routes.DISTRICT_ROUTES, *report_routes.WIDE_ROUTES]


@hookimpl
def kampung_regency_routes() -> list[Any]:
    return list(report_routes.WIDE_ROUTES)


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    health = tenant.base_url + "/kesehatan"
    if tenant.kind == "village":
        manage, report = health + "/posyandu", health + "/laporan"
        return [
            MenuItem("Posyandu", health, permission=permissions.READ, order=40),
            MenuItem("Kelola posyandu", manage, permission=permissions.MANAGE, order=41),
            MenuItem("Laporan gizi", report, permission=permissions.REPORT, order=42),
        ]
    stunting, queue = health + "/stunting", health + "/rujukan"
    items = [MenuItem("Stunting per desa", stunting, permission=permissions.REPORT, order=40)]
    if tenant.kind == "district":
        items.append(MenuItem("Antrean rujukan", queue, permission=permissions.RECEIVE, order=41))
    return items


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return widgets.providers(tenant)


@hookimpl
def kampung_check_settings(settings: Settings) -> list[str]:
    return settings_problems(settings)


@hookimpl
def kampung_village_settings() -> list[SettingField]:
    return [
        SettingField(
            key="je_endemic",
            label=N_("Daerah endemis JE (imunisasi Japanese encephalitis)"),
            kind="bool",
            default=False,
        )
    ]


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_event_subscribers() -> list[EventSubscriber]:
    return [EventSubscriber("population.resident_born", enrolment.on_birth)]


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    await demo.fill(context)
