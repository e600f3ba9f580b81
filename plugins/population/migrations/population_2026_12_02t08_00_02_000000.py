from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T08:00:02:000000"
VERSION = "1.38.0"
DESCRIPTION = "Letter signatories (name, NIP, jabatan) and as whom each letter was signed"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def signatories():
        engine = engine_finder()
        key = "SERIAL PRIMARY KEY" if engine.engine_type == "postgres" else "INTEGER PRIMARY KEY"
        await engine.run_ddl(
            "CREATE TABLE population_letter_signatory ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "name VARCHAR(120) NOT NULL DEFAULT '', "
            "nip VARCHAR(18) NOT NULL DEFAULT '', "
            "position VARCHAR(120) NOT NULL DEFAULT '', "
            "active BOOLEAN NOT NULL DEFAULT TRUE, "
            "updated_by VARCHAR(64) NOT NULL DEFAULT '', "
            "updated_at TIMESTAMPTZ NOT NULL)"
        )
        await engine.run_ddl(
            "CREATE INDEX population_letter_signatory_village_code "
            "ON population_letter_signatory (village_code)"
        )
        await engine.run_ddl(
            "CREATE TABLE population_letter_signing ("
            f"id {key}, "
            "village_code VARCHAR(13) NOT NULL DEFAULT '', "
            "letter INTEGER NULL REFERENCES population_letter (id) "
            "ON DELETE RESTRICT ON UPDATE CASCADE, "
            "signatory INTEGER NULL DEFAULT NULL, "
            "name VARCHAR(120) NOT NULL DEFAULT '', "
            "nip VARCHAR(18) NOT NULL DEFAULT '', "
            "position VARCHAR(120) NOT NULL DEFAULT '', "
            "on_behalf_of VARCHAR(120) NOT NULL DEFAULT '', "
            "signed_by VARCHAR(64) NOT NULL DEFAULT '', "
            "at TIMESTAMPTZ NOT NULL)"
        )
        for column in ("village_code", "letter"):
            await engine.run_ddl(
                f"CREATE INDEX population_letter_signing_{column} "
                f"ON population_letter_signing ({column})"
            )

    manager.add_raw(signatories)
    return manager
