from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T09:50:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Constraints the tables need beyond single columns"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def constraints():
        engine = engine_finder()
        statements = [
            # A NIK belongs to one living resident in the whole regency. The index is not subject
            # to Row-Level Security, so it holds across villages an operator cannot see.
            "CREATE UNIQUE INDEX population_resident_living_nik ON population_resident (nik) "
            "WHERE status = 1 AND nik_temporary = false AND nik_needs_check = false",
            "CREATE INDEX population_resident_village_name ON population_resident "
            "(village_code, name_key)",
            "CREATE INDEX population_resident_village_family ON population_resident "
            "(village_code, family)",
            "CREATE UNIQUE INDEX population_family_kk ON population_family (kk_number) "
            "WHERE active = true",
            "CREATE UNIQUE INDEX population_letter_counter_key ON population_letter_counter "
            "(village_code, kind, year)",
            "CREATE UNIQUE INDEX population_letter_number ON population_letter "
            "(village_code, kind, year, seq)",
            "CREATE UNIQUE INDEX population_letter_template_key ON population_letter_template "
            "(village_code, kind)",
            "CREATE INDEX population_service_request_village_status ON "
            "population_service_request (village_code, status, submitted_at)",
            "CREATE UNIQUE INDEX population_import_batch_file ON population_import_batch "
            "(village_code, sha256)",
        ]
        for statement in statements:
            await engine.run_ddl(statement)

    manager.add_raw(constraints)
    return manager
