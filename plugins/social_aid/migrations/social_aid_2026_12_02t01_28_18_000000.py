from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T01:28:18:000000"
VERSION = "1.38.0"
DESCRIPTION = "Cycle histories, documents, payouts, stops and the ledger are insert-only"

HISTORIES = (
    "social_aid_cycle_step",
    "social_aid_cycle_document",
    "social_aid_payout",
    "social_aid_entitlement_stop",
    "social_aid_ledger",
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="social_aid", description=DESCRIPTION)

    async def insert_only_histories():
        engine = engine_finder()
        if engine.engine_type != "sqlite":
            return  # PostgreSQL: `kampung migrate` revokes UPDATE and DELETE from the app role.
        for table in HISTORIES:
            for verb in ("UPDATE", "DELETE"):
                await engine.run_ddl(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is insert-only'); END"
                )

    manager.add_raw(insert_only_histories)
    return manager
