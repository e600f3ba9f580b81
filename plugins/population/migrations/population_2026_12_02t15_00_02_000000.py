from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T15:00:02:000000"
VERSION = "1.38.0"
DESCRIPTION = "Households (rumah tangga) and their members' stays, with history"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def households():
        engine = engine_finder()
        key = "SERIAL PRIMARY KEY" if engine.engine_type == "postgres" else "INTEGER PRIMARY KEY"
        resident = (
            "INTEGER NULL REFERENCES population_resident (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE"
        )
        await engine.run_ddl(
            "CREATE TABLE population_household ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "number VARCHAR(20) NOT NULL DEFAULT '', "
            f"head {resident}, "
            "address VARCHAR(200) NOT NULL DEFAULT '', "
            "dusun VARCHAR(60) NOT NULL DEFAULT '', "
            "rw VARCHAR(3) NOT NULL DEFAULT '', "
            "rt VARCHAR(3) NOT NULL DEFAULT '', "
            "active BOOLEAN NOT NULL DEFAULT TRUE, "
            "created_by VARCHAR(64) NOT NULL DEFAULT '', "
            "created_at TIMESTAMPTZ NOT NULL, "
            "updated_by VARCHAR(64) NOT NULL DEFAULT '', "
            "updated_at TIMESTAMPTZ NOT NULL)"
        )
        await engine.run_ddl(
            "CREATE TABLE population_household_member ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "household INTEGER NULL REFERENCES population_household (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE, "
            f"resident {resident}, "
            "role INTEGER NOT NULL DEFAULT 2, "
            "joined_on DATE NOT NULL, "
            "left_on DATE NULL DEFAULT NULL, "
            "recorded_by VARCHAR(64) NOT NULL DEFAULT '', "
            "recorded_at TIMESTAMPTZ NOT NULL)"
        )
        for table, columns in (
            ("population_household", ("village_code", "head")),
            ("population_household_member", ("village_code", "household", "resident")),
        ):
            for column in columns:
                await engine.run_ddl(f"CREATE INDEX {table}_{column} ON {table} ({column})")
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_household_number "
            "ON population_household (village_code, number)"
        )
        # A person is in at most one household at a time: one open stay per resident.
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_household_member_current "
            "ON population_household_member (resident) WHERE left_on IS NULL"
        )

    manager.add_raw(households)
    return manager
