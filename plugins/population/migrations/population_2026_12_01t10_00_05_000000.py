from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T10:00:05:000000"
VERSION = "1.38.0"
DESCRIPTION = "An import batch records when its stored file was deleted after retention"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def file_purged_at():
        await engine_finder().run_ddl(
            "ALTER TABLE population_import_batch ADD COLUMN file_purged_at TIMESTAMPTZ NULL"
        )

    manager.add_raw(file_purged_at)
    return manager
