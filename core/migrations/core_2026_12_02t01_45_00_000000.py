from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T01:45:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Background jobs: the core_job record and, on PostgreSQL, pgqueuer's queue"


def _columns(postgres: bool) -> str:
    key = "BIGSERIAL PRIMARY KEY NOT NULL" if postgres else "INTEGER PRIMARY KEY NOT NULL"
    time = "TIMESTAMPTZ" if postgres else "TEXT"
    return (
        f'"id" {key}, '
        '"name" VARCHAR(120) NOT NULL, '
        '"scope_code" VARCHAR(13) NOT NULL, '
        "\"actor\" VARCHAR(120) NOT NULL DEFAULT '', "
        "\"payload\" TEXT NOT NULL DEFAULT '{}', "
        '"dedupe_key" VARCHAR(200) DEFAULT null, '
        "\"status\" VARCHAR(12) NOT NULL DEFAULT 'queued', "
        '"attempts" INTEGER NOT NULL DEFAULT 0, '
        '"max_attempts" INTEGER NOT NULL DEFAULT 1, '
        f'"run_after" {time} NOT NULL, '
        f'"lease_until" {time} DEFAULT null, '
        "\"error\" TEXT NOT NULL DEFAULT '', "
        f'"created_at" {time} NOT NULL, '
        f'"finished_at" {time} DEFAULT null'
    )


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)

    async def job_tables():
        engine = engine_finder()
        postgres = engine.engine_type == "postgres"
        await engine.run_ddl(f'CREATE TABLE "core_job" ({_columns(postgres)})')
        await engine.run_ddl("CREATE UNIQUE INDEX core_job_dedupe ON core_job (name, dedupe_key)")
        await engine.run_ddl("CREATE INDEX core_job_due ON core_job (status, run_after)")
        if postgres:
            from core.jobs.postgres import install_sql

            # Several statements: asyncpg runs them in one simple query on the migration's
            # own connection, inside its transaction.
            await engine.current_transaction.get().connection.execute(install_sql())

    manager.add_raw(job_tables)
    return manager
