"""Bantuan sosial (e-Pos "Pencairan Ora Suwe-suwe"): what the plugin contributes, one hook each."""

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
from core.i18n import N_, _
from core.jobs import Job
from core.tenancy.context import Tenant
from plugins.social_aid import demo, widgets
from plugins.social_aid.cycles import routes as cycle_routes
from plugins.social_aid.cycles import suspension
from plugins.social_aid.deliberation import routes as deliberation_routes
from plugins.social_aid.eligibility import routes as eligibility_routes
from plugins.social_aid.eligibility import welfare_routes
from plugins.social_aid.permissions import PERMISSIONS, REGENCY, ROLES, VIEW
from plugins.social_aid.programmes import moves
from plugins.social_aid.programmes import routes as programme_routes
from plugins.social_aid.regency import routes as regency_routes
from plugins.social_aid.transparency import routes as transparency_routes

VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="social_aid",
        title=N_("Bantuan sosial (e-Pos)"),
        version=VERSION,
        requires=("population",),
        core_version=">=0.1,<1",
        description="Program bantuan, musyawarah desa, pencairan bertanda tangan, pembayaran.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.social_aid.piccolo_app"]


@hookimpl
def kampung_roles() -> list[Role]:
    return ROLES


@hookimpl
def kampung_permissions() -> list[Permission]:
    return PERMISSIONS


@hookimpl
def kampung_village_routes() -> list[Any]:
    return [
        *programme_routes.VILLAGE_ROUTES,
        *eligibility_routes.ROUTES,
        *welfare_routes.ROUTES,
        *deliberation_routes.ROUTES,
        *cycle_routes.ROUTES,
        *transparency_routes.ROUTES,
    ]


@hookimpl
def kampung_regency_routes() -> list[Any]:
    return [*programme_routes.REGENCY_ROUTES, *regency_routes.ROUTES, *welfare_routes.ROUTES]


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind == "village":
        return [MenuItem("Bantuan sosial", f"{tenant.base_url}/bantuan", permission=VIEW, order=40)]
    if tenant.kind == "regency":
        return [
            MenuItem("Bantuan sosial", f"{tenant.base_url}/bantuan", permission=REGENCY, order=40)
        ]
    return []


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_event_subscribers() -> list[EventSubscriber]:
    return [*suspension.SUBSCRIBERS, *moves.SUBSCRIBERS]


@hookimpl
def kampung_jobs() -> list[Job]:
    return list(moves.JOBS)


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind == "village":
        return list(widgets.VILLAGE)
    return list(widgets.REGENCY_WIDGETS) if tenant.kind == "regency" else []


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    await demo.fill(context)


@hookimpl
def kampung_village_settings() -> list[SettingField]:
    return [
        SettingField(
            "public_names",
            "Nama penerima di daftar publik",
            "choice",
            "first",
            choices=(
                ("first", _("Nama depan dan inisial (SITI A.)")),
                ("initials", _("Inisial (S. A.)")),
            ),
        )
    ]
