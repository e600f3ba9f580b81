from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-03T09:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The mail book files each letter under its records classification code"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def classification():
        await engine_finder().run_ddl(
            "ALTER TABLE population_mail_version "
            "ADD COLUMN classification VARCHAR(20) NOT NULL DEFAULT ''"
        )

    manager.add_raw(classification)
    return manager
