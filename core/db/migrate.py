"""`kampung migrate`: the core's migrations first, then each plugin's in dependency order.

Migrations run as the owner role; the grant step that follows gives the app role (the role of
`database_url`) what it may do, withholding changes to insert-only tables. On PostgreSQL an app
role that Row-Level Security would not bind is refused before anything is migrated.
"""

from __future__ import annotations

import contextlib
import io
import os
from importlib import import_module

from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.apps.migrations.tables import Migration

from core.db import piccolo_conf
from core.db.engine import Database
from core.db.insert_only import insert_only_tables
from core.db.rls import apply_row_level_security
from core.db.roles import PostgresTarget, check_app_role

os.environ.setdefault("PICCOLO_CONF", "core.db.piccolo_conf")


class MigrationFailed(RuntimeError):
    """A migration did not apply; the message names the app."""


async def migrate(database: Database, app_modules: list[str], app_url: str) -> list[str]:
    """Apply every pending migration, then the Row-Level Security policies and the grants to the
    role `app_url` connects as.

    Returns the names of the apps migrated, in order.
    """
    app_role = PostgresTarget.parse(app_url).role if database.is_postgres else None
    if app_role is not None:
        await check_app_role(database.owner_engine, app_role)
    piccolo_conf.configure(database.owner_engine, app_modules)
    apps = [import_module(module).APP_CONFIG for module in app_modules]
    Migration._meta.db = database.owner_engine
    output = io.StringIO()
    for app in apps:
        with contextlib.redirect_stdout(output):
            response = await run_forwards(app_name=app.app_name, migration_id="all", fake=False)
        if not response.success:
            raise MigrationFailed(f"migrate: app {app.app_name} failed: {response.message}")
    await apply_row_level_security(database.owner_engine, app_role, insert_only_tables(apps))
    return [app.app_name for app in apps]
