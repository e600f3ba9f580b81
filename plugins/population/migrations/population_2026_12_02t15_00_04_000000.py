from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T15:00:04:000000"
VERSION = "1.38.0"
DESCRIPTION = "The mail log (buku agenda): incoming and outgoing letters, versioned, numbered"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def mail_log():
        engine = engine_finder()
        key = "SERIAL PRIMARY KEY" if engine.engine_type == "postgres" else "INTEGER PRIMARY KEY"
        await engine.run_ddl(
            "CREATE TABLE population_mail_entry ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "direction VARCHAR(6) NOT NULL DEFAULT '', "
            "year INTEGER NOT NULL DEFAULT 0, "
            "agenda_number INTEGER NOT NULL DEFAULT 0, "
            "version INTEGER NOT NULL DEFAULT 1, "
            "created_by VARCHAR(64) NOT NULL DEFAULT '', "
            "created_at TIMESTAMPTZ NOT NULL)"
        )
        await engine.run_ddl(
            "CREATE TABLE population_mail_version ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "entry INTEGER NULL REFERENCES population_mail_entry (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE, "
            "version INTEGER NOT NULL DEFAULT 1, "
            "recorded_on DATE NOT NULL, "
            "letter_number VARCHAR(80) NOT NULL DEFAULT '', "
            "letter_date DATE NOT NULL, "
            "party VARCHAR(200) NOT NULL DEFAULT '', "
            "subject VARCHAR(300) NOT NULL DEFAULT '', "
            "summary TEXT NOT NULL DEFAULT '', "
            "disposition_to VARCHAR(120) NOT NULL DEFAULT '', "
            "disposition_note TEXT NOT NULL DEFAULT '', "
            "attachment_name VARCHAR(100) NOT NULL DEFAULT '', "
            "attachment_filename VARCHAR(200) NOT NULL DEFAULT '', "
            "attachment_type VARCHAR(60) NOT NULL DEFAULT '', "
            "reason TEXT NOT NULL DEFAULT '', "
            "recorded_by VARCHAR(64) NOT NULL DEFAULT '', "
            "recorded_at TIMESTAMPTZ NOT NULL)"
        )
        await engine.run_ddl(
            "CREATE TABLE population_mail_counter ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "direction VARCHAR(6) NOT NULL DEFAULT '', "
            "year INTEGER NOT NULL DEFAULT 0, "
            "last_number INTEGER NOT NULL DEFAULT 0)"
        )
        for table, columns in (
            ("population_mail_entry", ("village_code",)),
            ("population_mail_version", ("village_code", "entry")),
            ("population_mail_counter", ("village_code",)),
        ):
            for column in columns:
                await engine.run_ddl(f"CREATE INDEX {table}_{column} ON {table} ({column})")
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_mail_entry_agenda "
            "ON population_mail_entry (village_code, direction, year, agenda_number)"
        )
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_mail_version_number "
            "ON population_mail_version (entry, version)"
        )
        await engine.run_ddl(
            "CREATE UNIQUE INDEX population_mail_counter_key "
            "ON population_mail_counter (village_code, direction, year)"
        )

    manager.add_raw(mail_log)
    return manager
