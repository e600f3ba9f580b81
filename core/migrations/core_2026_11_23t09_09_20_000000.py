from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T09:09:20:000000"
VERSION = "1.38.0"
DESCRIPTION = "One audit entry per (chain, seq): a forked chain cannot be written"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)

    async def audit_chain_unique():
        await engine_finder().run_ddl(
            "CREATE UNIQUE INDEX core_audit_entry_chain_seq "
            "ON core_audit_entry (village_code, seq)"
        )
        await engine_finder().run_ddl(
            "CREATE INDEX core_login_attempt_key_time ON core_login_attempt (key, attempted_at)"
        )

    manager.add_raw(audit_chain_unique)
    return manager
