from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T15:00:03:000000"
VERSION = "1.38.0"
DESCRIPTION = "The village map: boundaries and points, each geometry stored as GeoJSON text"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def map_features():
        engine = engine_finder()
        key = "SERIAL PRIMARY KEY" if engine.engine_type == "postgres" else "INTEGER PRIMARY KEY"
        await engine.run_ddl(
            "CREATE TABLE population_map_feature ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "kind VARCHAR(20) NOT NULL DEFAULT '', "
            "name VARCHAR(120) NOT NULL DEFAULT '', "
            "geometry TEXT NOT NULL DEFAULT '', "
            "created_by VARCHAR(64) NOT NULL DEFAULT '', "
            "created_at TIMESTAMPTZ NOT NULL, "
            "removed_by VARCHAR(64) NOT NULL DEFAULT '', "
            "removed_at TIMESTAMPTZ NULL DEFAULT NULL)"
        )
        await engine.run_ddl(
            "CREATE INDEX population_map_feature_village_code "
            "ON population_map_feature (village_code)"
        )

    manager.add_raw(map_features)
    return manager
