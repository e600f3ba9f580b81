"""`kampung migrate`: the core's migrations first, then each plugin's in dependency order."""

from __future__ import annotations

import contextlib
import io
import os
from importlib import import_module
from urllib.parse import urlparse

from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.apps.migrations.tables import Migration

from core.db import piccolo_conf
from core.db.engine import Database
from core.db.rls import apply_row_level_security

os.environ.setdefault("PICCOLO_CONF", "core.db.piccolo_conf")


class MigrationFailed(RuntimeError):
    """A migration did not apply; the message names the app."""


async def migrate(database: Database, app_modules: list[str], app_url: str) -> list[str]:
    """Apply every pending migration, then the Row-Level Security policies.

    Returns the names of the apps migrated, in order.
    """
    piccolo_conf.configure(database.owner_engine, app_modules)
    apps = [import_module(module).APP_CONFIG for module in app_modules]
    Migration._meta.db = database.owner_engine
    output = io.StringIO()
    for app in apps:
        with contextlib.redirect_stdout(output):
            response = await run_forwards(app_name=app.app_name, migration_id="all", fake=False)
        if not response.success:
            raise MigrationFailed(f"migrate: app {app.app_name} failed: {response.message}")
    app_role = _app_role(database, app_url)
    await apply_row_level_security(database.owner_engine, app_role)
    return [app.app_name for app in apps]


def _app_role(database: Database, app_url: str) -> str | None:
    if not database.is_postgres:
        return None
    return urlparse(app_url).username or None
