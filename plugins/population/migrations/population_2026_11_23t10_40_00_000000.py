from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T10:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Name-prefix search index usable by LIKE on PostgreSQL"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def prefix_index():
        engine = engine_finder()
        # PostgreSQL uses a btree for LIKE 'abc%' only with the pattern operator class (unless the
        # database collation is C); SQLite's index already serves prefix LIKE with case folding.
        if engine.engine_type == "postgres":
            await engine.run_ddl(
                "CREATE INDEX population_resident_village_name_prefix ON population_resident "
                "(village_code, name_key varchar_pattern_ops)"
            )

    manager.add_raw(prefix_index)
    return manager
