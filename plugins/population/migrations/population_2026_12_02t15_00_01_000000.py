from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T15:00:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "The village's areas (wilayah): hamlets, RWs and RTs with their heads"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def areas():
        engine = engine_finder()
        key = "SERIAL PRIMARY KEY" if engine.engine_type == "postgres" else "INTEGER PRIMARY KEY"
        await engine.run_ddl(
            "CREATE TABLE population_area ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "level VARCHAR(5) NOT NULL DEFAULT '', "
            "parent INTEGER NULL REFERENCES population_area (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE, "
            "name VARCHAR(60) NOT NULL DEFAULT '', "
            "name_key VARCHAR(60) NOT NULL DEFAULT '', "
            "head INTEGER NULL REFERENCES population_resident (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE, "
            "created_by VARCHAR(64) NOT NULL DEFAULT '', "
            "created_at TIMESTAMPTZ NOT NULL, "
            "updated_by VARCHAR(64) NOT NULL DEFAULT '', "
            "updated_at TIMESTAMPTZ NOT NULL)"
        )
        for column in ("village_code", "parent", "head"):
            await engine.run_ddl(
                f"CREATE INDEX population_area_{column} ON population_area ({column})"
            )
        # A name is unique under its parent; a hamlet's parent is the village.
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_area_hamlet_name "
            "ON population_area (village_code, name_key) WHERE parent IS NULL"
        )
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_area_child_name "
            "ON population_area (parent, name_key) WHERE parent IS NOT NULL"
        )

    manager.add_raw(areas)
    return manager
