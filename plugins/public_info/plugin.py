"""Informasi publik (PPID): registered under `kampung.plugins` like any other plugin.

What it contributes: the village's public site with its PPID desk (public routes under
`/desa/<slug>/situs`, open to anyone), the PPID's queue (village routes), its roles and
permissions, the menu entry and the templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core import DemoContext, MenuItem, Permission, PluginInfo, Role, WidgetProvider, hookimpl
from core.i18n import N_
from core.tenancy.context import Tenant
from plugins.public_info.budget import public_routes as budget_public
from plugins.public_info.budget import routes as budget_routes
from plugins.public_info.budget.demo import fill_budget
from plugins.public_info.dip import public_routes as dip_public
from plugins.public_info.dip import routes as dip_routes
from plugins.public_info.dip.demo import fill_information_list
from plugins.public_info.permissions import (
    BUDGET_EDIT,
    DIP_MANAGE,
    PERMISSIONS,
    REGENCY_REPORT,
    REQUEST_READ,
    ROLES,
    SITE_EDIT,
)
from plugins.public_info.ppid import public_routes as ppid_public
from plugins.public_info.ppid import report_routes, widgets
from plugins.public_info.ppid import routes as ppid_routes
from plugins.public_info.ppid.demo import fill_requests
from plugins.public_info.site import public_routes as site_public
from plugins.public_info.site import routes as site_routes
from plugins.public_info.site.demo import fill_site

VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="public_info",
        title=N_("Informasi publik (PPID)"),
        version=VERSION,
        core_version=">=0.1,<1",
        description=(
            "Situs publik desa, transparansi APBDes, daftar informasi publik, permohonan informasi."
        ),
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.public_info.piccolo_app"]


@hookimpl
def kampung_roles() -> list[Role]:
    return ROLES


@hookimpl
def kampung_permissions() -> list[Permission]:
    return PERMISSIONS


@hookimpl
def kampung_public_routes() -> list[Any]:
    return [*site_public.ROUTES, *budget_public.ROUTES, *ppid_public.ROUTES, *dip_public.ROUTES]


@hookimpl
def kampung_village_routes() -> list[Any]:
    return [
        *ppid_routes.ROUTES,
        *report_routes.VILLAGE_ROUTES,
        *dip_routes.ROUTES,
        *budget_routes.ROUTES,
        *site_routes.ROUTES,
    ]


@hookimpl
def kampung_regency_routes() -> list[Any]:
    return [*report_routes.REGENCY_ROUTES]


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return widgets.widgets(tenant)


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind == "regency":
        return [
            MenuItem(
                label=N_("Laporan PPID desa"),
                url="/kabupaten/ppid",
                permission=REGENCY_REPORT,
                order=60,
            )
        ]
    if tenant.kind != "village":
        return []
    return [
        MenuItem(
            label=N_("Permohonan informasi"),
            url=f"{tenant.base_url}/ppid",
            permission=REQUEST_READ,
            order=60,
        ),
        MenuItem(
            label=N_("Daftar informasi publik"),
            url=f"{tenant.base_url}/ppid/dip",
            permission=DIP_MANAGE,
            order=61,
        ),
        MenuItem(
            label=N_("Kelola situs desa"),
            url=f"{tenant.base_url}/kelola-situs",
            permission=SITE_EDIT,
            order=62,
        ),
        MenuItem(
            label=N_("APBDes desa"),
            url=f"{tenant.base_url}/kelola-situs/apbdes",
            permission=BUDGET_EDIT,
            order=63,
        ),
    ]


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    """A published site with news and services, a budget with realisation, an information
    list and requests in every state (one overdue, one objected)."""
    await fill_site(context)
    await fill_budget(context)
    await fill_information_list(context)
    await fill_requests(context)


@hookimpl
def kampung_static_dirs() -> dict[str, Path]:
    return {"public_info": HERE / "static"}
