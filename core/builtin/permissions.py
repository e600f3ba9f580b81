"""The core's permissions and the roles that hold them by default."""

from __future__ import annotations

from core.plugins.contributions import Permission

ALL_STAFF = (
    "regency_admin",
    "regency_officer",
    "district_viewer",
    "village_admin",
    "village_operator",
    "village_secretary",
    "village_head",
)

DASHBOARD = "core.dashboard.view"
ONBOARD = "core.village.onboard"
VILLAGE_SETTINGS = "core.village.settings"
PLUGINS = "core.plugins.manage"
USERS = "core.users.manage"
AUDIT = "core.audit.view"
API_TOKENS = "core.api_tokens.manage"

PERMISSIONS = [
    Permission(DASHBOARD, "Melihat dasbor", ALL_STAFF),
    Permission(ONBOARD, "Mengintegrasikan desa", ("regency_admin",)),
    Permission(VILLAGE_SETTINGS, "Mengubah pengaturan desa", ("regency_admin", "village_admin")),
    Permission(PLUGINS, "Menyalakan dan mematikan modul desa", ("regency_admin", "village_admin")),
    Permission(USERS, "Mengelola pengguna di wilayahnya", ("regency_admin", "village_admin")),
    Permission(AUDIT, "Melihat log audit", ("regency_admin", "village_admin")),
    Permission(API_TOKENS, "Mengelola token API untuk sistem lain", ("regency_admin",)),
]
