from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-04T19:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Indexes for the lookups a cycle and a payout make"

# Row-Level Security's scope test (village = scope OR village starts with scope) cannot use the
# village_code index, so each lookup by cycle, account or recipient scanned the whole table: the
# payout's control-total sum read every ledger line of the regency (12 ms at 120,000 lines).
INDEXES = (
    ("social_aid_ledger", "cycle_debit", "(cycle, debit)"),
    ("social_aid_ledger", "debit", "(debit)"),
    ("social_aid_ledger", "credit", "(credit)"),
    ("social_aid_entitlement", "cycle", "(cycle)"),
    ("social_aid_entitlement", "recipient", "(recipient)"),
    ("social_aid_cycle_step", "cycle", "(cycle)"),
    ("social_aid_payout_slot", "cycle", "(cycle)"),
    ("social_aid_recipient", "programme", "(programme)"),
    ("social_aid_recipient", "resident", "(resident_id)"),
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="social_aid", description=DESCRIPTION)

    async def indexes():
        engine = engine_finder()
        for table, name, columns in INDEXES:
            await engine.run_ddl(f"CREATE INDEX IF NOT EXISTS {table}_by_{name} ON {table} {columns}")

    manager.add_raw(indexes)
    return manager
