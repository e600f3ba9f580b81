from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T10:00:03:000000"
VERSION = "1.38.0"
DESCRIPTION = "Request and letter step histories are insert-only, and outlive their record"

# (history table, its foreign key column, the record table)
HISTORIES = (
    ("population_service_step", "request", "population_service_request"),
    ("population_letter_step", "letter", "population_letter"),
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def insert_only_histories():
        engine = engine_finder()
        if engine.engine_type == "sqlite":
            # No roles on SQLite: the table itself refuses. A cascade from the record fires
            # these triggers too, so deleting a record cannot take its history with it.
            for table, _, _ in HISTORIES:
                for verb in ("UPDATE", "DELETE"):
                    await engine.run_ddl(
                        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                        f"BEGIN SELECT RAISE(ABORT, '{table} is insert-only'); END"
                    )
            return
        # PostgreSQL: `kampung migrate` revokes UPDATE and DELETE from the app role. A cascading
        # foreign key would still delete the history as the table owner, so it restricts.
        for table, column, record in HISTORIES:
            rows = await engine.run_ddl(
                "SELECT conname FROM pg_constraint "
                f"WHERE conrelid = '{table}'::regclass AND confrelid = '{record}'::regclass "
                "AND contype = 'f'"
            )
            for row in rows:
                await engine.run_ddl(f'ALTER TABLE {table} DROP CONSTRAINT "{row["conname"]}"')
            await engine.run_ddl(
                f"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_fkey "
                f"FOREIGN KEY ({column}) REFERENCES {record} (id) "
                "ON DELETE RESTRICT ON UPDATE CASCADE"
            )

    manager.add_raw(insert_only_histories)
    return manager
