"""The core registers its own pages and tables through the same hooks as every plugin."""

from __future__ import annotations

from core.audit import routes as audit_routes
from core.auth.roles import CORE_ROLES, Role
from core.builtin import (
    api_routes,
    auth_routes,
    dashboard_routes,
    regency_routes,
    token_routes,
    village_routes,
)
from core.builtin.permissions import (
    API_TOKENS,
    AUDIT,
    DASHBOARD,
    ONBOARD,
    PLUGINS,
    USERS,
    VILLAGE_SETTINGS,
    permissions,
)
from core.builtin.widgets import plugin_rollout_widget, rollout_widget, village_modules_widget
from core.hookspecs import hookimpl
from core.i18n import N_
from core.plugins.contributions import MenuItem, Permission, PluginInfo, WidgetProvider
from core.tenancy.context import Tenant
from core.version import __version__


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="core",
        title=N_("Inti Kampung"),
        version=__version__,
        core_version=f"=={__version__}",
        description="Wilayah, pengguna, modul, audit.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["core.builtin.piccolo_app"]


@hookimpl
def kampung_roles() -> list[Role]:
    return list(CORE_ROLES)


@hookimpl
def kampung_permissions() -> list[Permission]:
    return permissions()


@hookimpl
def kampung_public_routes() -> list[object]:
    return [*auth_routes.ROUTES, *api_routes.META_ROUTES]


@hookimpl
def kampung_village_routes() -> list[object]:
    return [
        dashboard_routes.village_dashboard,
        *village_routes.VILLAGE_ROUTES,
        *village_routes.SCOPED_ROUTES,
        *audit_routes.ROUTES,
    ]


@hookimpl
def kampung_district_routes() -> list[object]:
    return [dashboard_routes.district_dashboard]


@hookimpl
def kampung_regency_routes() -> list[object]:
    return [
        dashboard_routes.regency_dashboard,
        *regency_routes.ROUTES,
        *_regency_user_routes(),
        *token_routes.ROUTES,
        *audit_routes.ROUTES,
    ]


def _regency_user_routes() -> list[object]:
    return list(village_routes.SCOPED_ROUTES)


@hookimpl
def kampung_api_routes() -> list[object]:
    return [*api_routes.API_ROUTES]


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    base = tenant.base_url
    items = [MenuItem("Dasbor", base, DASHBOARD, "home", order=0)]
    if tenant.kind == "village":
        items += [
            MenuItem("Pengaturan", f"{base}/pengaturan", VILLAGE_SETTINGS, "settings", order=900),
            MenuItem("Modul", f"{base}/pengaturan/modul", PLUGINS, "puzzle", order=910),
            MenuItem("Pengguna", f"{base}/pengguna", USERS, "users", order=920),
            MenuItem("Jejak akses", f"{base}/jejak-akses", AUDIT, "eye", order=930),
        ]
    if tenant.kind == "regency":
        items += [
            MenuItem("Desa", f"{base}/desa", DASHBOARD, "map", order=10),
            MenuItem("Pengguna", f"{base}/pengguna", USERS, "users", order=920),
            MenuItem("Jejak akses", f"{base}/jejak-akses", AUDIT, "eye", order=930),
            MenuItem("Token API", f"{base}/token-api", API_TOKENS, "key", order=940),
        ]
    return items


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind == "village":
        return [WidgetProvider("core.modules", None, village_modules_widget, order=900)]
    widgets = [WidgetProvider("core.rollout", None, rollout_widget, order=0)]
    if tenant.kind == "regency":
        widgets.append(
            WidgetProvider("core.plugin_rollout", ONBOARD, plugin_rollout_widget, order=1)
        )
    return widgets
