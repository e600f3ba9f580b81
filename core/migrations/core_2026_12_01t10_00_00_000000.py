from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T10:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Staff must change an admin-set password; sign-in attempts counted atomically per key"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)

    async def credentials():
        engine = engine_finder()
        key = (
            '"id" SERIAL PRIMARY KEY NOT NULL'
            if engine.engine_type == "postgres"
            else '"id" INTEGER PRIMARY KEY NOT NULL'
        )
        await engine.run_ddl(
            'ALTER TABLE core_user ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT FALSE'
        )
        await engine.run_ddl(
            f'CREATE TABLE core_login_counter ({key}, "key" VARCHAR(200) NOT NULL UNIQUE, '
            '"window_started" BIGINT NOT NULL DEFAULT 0, "attempts" INTEGER NOT NULL DEFAULT 0)'
        )
        await engine.run_ddl("DROP TABLE core_login_attempt")

    manager.add_raw(credentials)
    return manager
