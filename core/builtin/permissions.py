"""The core's permissions and the roles that hold them by default."""

from __future__ import annotations

from core.auth.roles import ROLES
from core.plugins.contributions import Permission

DASHBOARD = "core.dashboard.view"
ONBOARD = "core.village.onboard"
VILLAGE_SETTINGS = "core.village.settings"
PLUGINS = "core.plugins.manage"
USERS = "core.users.manage"
AUDIT = "core.audit.view"
API_TOKENS = "core.api_tokens.manage"


def permissions() -> list[Permission]:
    """The core's permissions. Every role sees the dashboard of its scope, a plugin's roles
    included (a posyandu cadre lands there after signing in), so it is read when the registry
    asks, after the installed plugins' roles are known."""
    return [Permission(DASHBOARD, "Melihat dasbor", tuple(ROLES)), *PERMISSIONS]


PERMISSIONS = [
    Permission(ONBOARD, "Mengintegrasikan desa", ("regency_admin",)),
    Permission(VILLAGE_SETTINGS, "Mengubah pengaturan desa", ("regency_admin", "village_admin")),
    Permission(PLUGINS, "Menyalakan dan mematikan modul desa", ("regency_admin", "village_admin")),
    Permission(USERS, "Mengelola pengguna di wilayahnya", ("regency_admin", "village_admin")),
    Permission(AUDIT, "Melihat log audit", ("regency_admin", "village_admin")),
    Permission(API_TOKENS, "Mengelola token API untuk sistem lain", ("regency_admin",)),
]
