"""Pasar wisata (Pasar Bahulak): what the plugin contributes to Kampung, one hook each."""

from __future__ import annotations

from pathlib import Path

from core import DemoContext, MenuItem, Permission, PluginInfo, Role, WidgetProvider, hookimpl
from core.i18n import N_
from core.tenancy.context import Tenant
from plugins.tourism_market import demo, widgets
from plugins.tourism_market.market_days import routes as market_routes
from plugins.tourism_market.permissions import OVERVIEW, PERMISSIONS, ROLES, VENDOR_SELF, VIEW
from plugins.tourism_market.reports import routes as report_routes
from plugins.tourism_market.shifts import routes as shift_routes
from plugins.tourism_market.shifts import voucher_routes
from plugins.tourism_market.showcase import routes as showcase_routes
from plugins.tourism_market.vendors import routes as vendor_routes

HERE = Path(__file__).resolve().parent
VERSION = "0.1.0"


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="tourism_market",
        title=N_("Pasar wisata (Pasar Bahulak)"),
        version=VERSION,
        core_version=">=0.1,<1",
        description="Hari pasaran, pedagang dan lapak, penukaran koin, buku besar, tutup kas.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.tourism_market.piccolo_app"]


@hookimpl
def kampung_roles() -> list[Role]:
    return ROLES


@hookimpl
def kampung_permissions() -> list[Permission]:
    return PERMISSIONS


@hookimpl
def kampung_village_routes() -> list[object]:
    return [
        *market_routes.HANDLERS,
        *shift_routes.HANDLERS,
        *voucher_routes.HANDLERS,
        *vendor_routes.HANDLERS,
        *report_routes.VILLAGE_HANDLERS,
    ]


@hookimpl
def kampung_regency_routes() -> list[object]:
    return list(report_routes.REGENCY_HANDLERS)


@hookimpl
def kampung_public_routes() -> list[object]:
    return list(showcase_routes.HANDLERS)


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind == "regency":
        return [
            MenuItem(
                "Pasar wisata", f"{tenant.base_url}/pasar-wisata", permission=OVERVIEW, order=60
            )
        ]
    if tenant.kind != "village":
        return []
    return [
        MenuItem("Pasar wisata", f"{tenant.base_url}/pasar", permission=VIEW, order=60),
        MenuItem(
            "Lapak saya", f"{tenant.base_url}/pasar/lapak-saya", permission=VENDOR_SELF, order=61
        ),
    ]


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return widgets.WIDGETS if tenant.kind == "village" else []


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_static_dirs() -> dict[str, Path]:
    return {"tourism_market": HERE / "static"}


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    await demo.fill(context)
