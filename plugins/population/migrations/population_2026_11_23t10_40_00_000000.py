from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T10:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Prefix indexes usable by LIKE on PostgreSQL (names, village-code prefixes)"


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
            # District and regency pages select villages by code prefix: LIKE '35.27.01.%'.
            for table in ("population_resident", "population_family", "population_life_event",
                          "population_service_request", "population_letter"):
                await engine.run_ddl(
                    f"CREATE INDEX {table}_village_prefix ON {table} "
                    "(village_code varchar_pattern_ops)"
                )

    manager.add_raw(prefix_index)
    return manager
