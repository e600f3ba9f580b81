"""Indeks Desa (IDM): what the plugin contributes to Kampung, one hook each."""

from __future__ import annotations

from pathlib import Path

from core import DemoContext, MenuItem, Permission, PluginInfo, Role, WidgetProvider, hookimpl
from core.i18n import N_
from core.tenancy.context import Tenant
from plugins.village_index import demo, widgets
from plugins.village_index.ministry import routes as ministry_routes
from plugins.village_index.permissions import OVERSEE, PERMISSIONS, ROLES, VIEW
from plugins.village_index.standing import regency_routes, village_routes
from plugins.village_index.survey import routes as survey_routes

VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="village_index",
        title=N_("Indeks Desa (IDM)"),
        version=VERSION,
        core_version=">=0.1,<1",
        description="Indeks Desa Membangun dari tahun ke tahun.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.village_index.piccolo_app"]


@hookimpl
def kampung_roles() -> list[Role]:
    return ROLES


@hookimpl
def kampung_permissions() -> list[Permission]:
    return PERMISSIONS


@hookimpl
def kampung_village_routes() -> list[object]:
    return [*village_routes.HANDLERS, *survey_routes.HANDLERS]


@hookimpl
def kampung_regency_routes() -> list[object]:
    return [*regency_routes.REGENCY_HANDLERS, *ministry_routes.HANDLERS]


@hookimpl
def kampung_district_routes() -> list[object]:
    return list(regency_routes.DISTRICT_HANDLERS)


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    permission = VIEW if tenant.kind == "village" else OVERSEE
    return [
        MenuItem("Indeks Desa", f"{tenant.base_url}/indeks-desa", permission=permission, order=80)
    ]


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return widgets.VILLAGE_WIDGETS if tenant.kind == "village" else widgets.AREA_WIDGETS


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    await demo.fill(context)
