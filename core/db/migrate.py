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
from piccolo.conf.apps import AppConfig

from core.db import piccolo_conf
from core.db.engine import Database
from core.db.insert_only import insert_only_tables, refuse_changes_on_sqlite
from core.db.rls import apply_row_level_security
from core.db.roles import PostgresTarget, check_app_role

# Always Kampung's own configuration, never another project's that the shell may name.
os.environ["PICCOLO_CONF"] = "core.db.piccolo_conf"


class MigrationFailed(RuntimeError):
    """A migration did not apply; the message names the app."""


async def _check_tables_exist(database: Database, app: AppConfig) -> None:
    """A table the app declares that its migrations never made stops `migrate`, naming the app,
    instead of "migrated" followed by errors on the first request that touches it."""
    for table in app.table_classes:
        name = table._meta.tablename
        if database.is_postgres:
            rows = await database.owner_engine.run_ddl(f"SELECT to_regclass('{name}') AS found")
        else:
            rows = await database.owner_engine.run_ddl(
                f"SELECT name AS found FROM sqlite_master WHERE type = 'table' AND name = '{name}'"
            )
        if not rows or rows[0]["found"] is None:
            raise MigrationFailed(
                f"migrate: app {app.app_name}: table {name} has no migration; run "
                f"`kampung makemigrations {app.app_name}` and ship the file it writes"
            )


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
        await _check_tables_exist(database, app)
    histories = insert_only_tables(apps)
    await apply_row_level_security(database.owner_engine, app_role, histories)
    await refuse_changes_on_sqlite(database.owner_engine, histories)
    return [app.app_name for app in apps]
