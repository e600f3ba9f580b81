from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T01:03:53:000000"
VERSION = "1.38.0"
DESCRIPTION = "A survey's step history is insert-only"

HISTORY = "village_index_assessment_step"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="village_index", description=DESCRIPTION)

    async def insert_only_history():
        engine = engine_finder()
        if engine.engine_type != "sqlite":
            # PostgreSQL: `kampung migrate` revokes UPDATE and DELETE from the app role, and the
            # foreign key to the survey already restricts (first migration).
            return
        for verb in ("UPDATE", "DELETE"):
            await engine.run_ddl(
                f"CREATE TRIGGER {HISTORY}_no_{verb.lower()} BEFORE {verb} ON {HISTORY} "
                f"BEGIN SELECT RAISE(ABORT, '{HISTORY} is insert-only'); END"
            )

    manager.add_raw(insert_only_history)
    return manager
