"""The core's Piccolo app: regions, users, sessions, audit."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from core.audit.tables import AuditEntry, Disclosure
from core.auth.tables import IdempotencyRecord, LoginCounter, RoleGrant, Session, User
from core.auth.tokens import ApiToken
from core.notify.tables import OutboxEntry
from core.tenancy.tables import District, Village, VillagePlugin

APP_CONFIG = AppConfig(
    app_name="core",
    migrations_folder_path=str(Path(__file__).resolve().parents[1] / "migrations"),
    table_classes=[
        District,
        Village,
        VillagePlugin,
        User,
        RoleGrant,
        Session,
        LoginCounter,
        IdempotencyRecord,
        ApiToken,
        AuditEntry,
        Disclosure,
        OutboxEntry,
    ],
)
