from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T08:00:04:000000"
VERSION = "1.38.0"
DESCRIPTION = "The notification outbox: one row per message sent, logged or undeliverable"


def _columns(postgres: bool) -> str:
    key = "SERIAL PRIMARY KEY NOT NULL" if postgres else "INTEGER PRIMARY KEY NOT NULL"
    return (
        f'"id" {key}, '
        '"village_code" VARCHAR(13) NOT NULL, '
        '"reference" VARCHAR(200) NOT NULL, '
        '"channel" VARCHAR(20) NOT NULL, '
        "\"recipient\" VARCHAR(200) NOT NULL DEFAULT '', "
        "\"subject\" VARCHAR(200) NOT NULL DEFAULT '', "
        "\"body\" TEXT NOT NULL DEFAULT '', "
        '"status" VARCHAR(20) NOT NULL, '
        '"created_at" TIMESTAMPTZ NOT NULL'
    )


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)

    async def outbox_table():
        engine = engine_finder()
        postgres = engine.engine_type == "postgres"
        await engine.run_ddl(f'CREATE TABLE "core_notification" ({_columns(postgres)})')
        await engine.run_ddl(
            "CREATE UNIQUE INDEX core_notification_reference "
            "ON core_notification (village_code, reference)"
        )

    manager.add_raw(outbox_table)
    return manager
