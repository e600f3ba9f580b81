from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T00:59:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "A request's step history is insert-only"

HISTORIES = ("public_info_request_step",)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="public_info", description=DESCRIPTION)

    async def insert_only_histories():
        engine = engine_finder()
        if engine.engine_type != "sqlite":
            # PostgreSQL: `kampung migrate` revokes UPDATE and DELETE from the app role, and
            # the foreign key to the request already restricts instead of cascading.
            return
        for table in HISTORIES:
            for verb in ("UPDATE", "DELETE"):
                await engine.run_ddl(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is insert-only'); END"
                )

    manager.add_raw(insert_only_histories)
    return manager
