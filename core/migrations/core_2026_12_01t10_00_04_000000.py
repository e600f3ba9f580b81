from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T10:00:04:000000"
VERSION = "1.38.0"
DESCRIPTION = "The access trail: one row per response that disclosed personal data"

_COLUMNS = (
    "\"village_code\" VARCHAR(13) NOT NULL DEFAULT '', "
    '"at" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp, '
    "\"actor\" VARCHAR(120) NOT NULL DEFAULT '', "
    "\"actor_name\" VARCHAR(200) NOT NULL DEFAULT '', "
    "\"actor_roles\" VARCHAR(200) NOT NULL DEFAULT '', "
    "\"kind\" VARCHAR(80) NOT NULL DEFAULT '', "
    "\"label\" VARCHAR(120) NOT NULL DEFAULT '', "
    "\"path\" VARCHAR(300) NOT NULL DEFAULT '', "
    '"query" JSON DEFAULT null, '
    '"total" INTEGER DEFAULT null, '
    "\"subjects\" TEXT NOT NULL DEFAULT ''"
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)

    async def disclosure_table():
        engine = engine_finder()
        key = (
            '"id" BIGSERIAL PRIMARY KEY NOT NULL'
            if engine.engine_type == "postgres"
            else '"id" INTEGER PRIMARY KEY NOT NULL'
        )
        await engine.run_ddl(f'CREATE TABLE "core_disclosure" ({key}, {_COLUMNS})')
        await engine.run_ddl(
            "CREATE INDEX core_disclosure_village_at ON core_disclosure (village_code, at)"
        )
        await engine.run_ddl(
            "CREATE INDEX core_disclosure_village_actor_at "
            "ON core_disclosure (village_code, actor, at)"
        )
        if engine.engine_type == "sqlite":
            # Insert-only like the audit log; on PostgreSQL `kampung migrate` revokes the verbs.
            for verb in ("UPDATE", "DELETE"):
                await engine.run_ddl(
                    f"CREATE TRIGGER core_disclosure_no_{verb.lower()} BEFORE {verb} "
                    "ON core_disclosure "
                    "BEGIN SELECT RAISE(ABORT, 'core_disclosure is insert-only'); END"
                )

    manager.add_raw(disclosure_table)
    return manager
