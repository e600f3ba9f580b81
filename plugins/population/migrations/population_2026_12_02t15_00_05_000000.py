from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T15:00:05:000000"
VERSION = "1.38.0"
DESCRIPTION = "Residents' photos, one row per upload"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def photos():
        engine = engine_finder()
        key = "SERIAL PRIMARY KEY" if engine.engine_type == "postgres" else "INTEGER PRIMARY KEY"
        await engine.run_ddl(
            "CREATE TABLE population_resident_photo ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "resident INTEGER NULL REFERENCES population_resident (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE, "
            "stored_name VARCHAR(40) NOT NULL DEFAULT '', "
            "content_type VARCHAR(20) NOT NULL DEFAULT '', "
            "width INTEGER NOT NULL DEFAULT 0, "
            "height INTEGER NOT NULL DEFAULT 0, "
            "uploaded_by VARCHAR(64) NOT NULL DEFAULT '', "
            "uploaded_at TIMESTAMPTZ NOT NULL)"
        )
        for column in ("village_code", "resident"):
            await engine.run_ddl(
                f"CREATE INDEX population_resident_photo_{column} "
                f"ON population_resident_photo ({column})"
            )

    manager.add_raw(photos)
    return manager
