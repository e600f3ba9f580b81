from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T08:00:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "Search terms kept by triggers: each word of a name, NIK and KK number reversed"

# Why a table of terms and not a GIN index on to_tsvector(name_key) and an index on reverse(nik):
# under Row-Level Security PostgreSQL uses an index only for leakproof operators, and neither `@@`
# nor `reverse()` is, so the app role would scan the whole village. Plain text terms compared with
# the leakproof `~>=~`/`~<~` reach a btree. The triggers keep the terms, so no write path (forms,
# the bulk importer's COPY, an UPDATE by hand) needs to know the table exists.
# kind: "n" a word of resident `ref`'s name, "i" its NIK reversed, "k" family `ref`'s KK reversed.

TABLE = "population_search_key"
SEPARATORS = '.,-/()"\\\t\n\r'
"""Split a name into words here as well as at spaces (the query side splits the same way)."""
DIGITS = 16
"""NIK and KK numbers have 16 digits; SQLite has no reverse(), so it reverses this many."""


def _pg_words(name: str) -> str:
    spaces = " " * len(SEPARATORS)
    escaped = SEPARATORS.replace("'", "''")
    return f"unnest(string_to_array(translate({name}, '{escaped}', '{spaces}'), ' '))"


def _sqlite_words(name: str) -> str:
    cleaned = name
    for char in SEPARATORS:
        literal = f"char({ord(char)})" if char in "\t\n\r" else f"'{char}'"
        cleaned = f"replace({cleaned}, {literal}, ' ')"
    array = f"""'["' || replace({cleaned}, ' ', '","') || '"]'"""
    return f"json_each(CASE WHEN json_valid({array}) THEN {array} ELSE '[]' END)"


def _sqlite_reverse(value: str) -> str:
    return " || ".join(f"substr({value}, {i}, 1)" for i in range(DIGITS, 0, -1))


def _postgres() -> list[str]:
    resident_terms = (
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        f"SELECT DISTINCT NEW.village_code, 'n', word, NEW.id FROM {_pg_words('NEW.name_key')} "
        "AS word WHERE word <> '' "
        "UNION ALL SELECT NEW.village_code, 'i', reverse(NEW.nik), NEW.id WHERE NEW.nik <> '';"
    )
    family_terms = (
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        "SELECT NEW.village_code, 'k', reverse(NEW.kk_number), NEW.id WHERE NEW.kk_number <> '';"
    )
    statements = [
        f"CREATE TABLE {TABLE} (village_code VARCHAR(13) NOT NULL, kind VARCHAR(1) NOT NULL, "
        "term TEXT NOT NULL, ref INTEGER NOT NULL)",
        f"CREATE INDEX {TABLE}_lookup ON {TABLE} (village_code, kind, term text_pattern_ops, ref)",
        f"CREATE INDEX {TABLE}_ref ON {TABLE} (ref, kind)",
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        f"SELECT DISTINCT r.village_code, 'n', word, r.id FROM population_resident r, "
        f"{_pg_words('r.name_key')} AS word WHERE word <> ''",
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        "SELECT village_code, 'i', reverse(nik), id FROM population_resident WHERE nik <> ''",
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        "SELECT village_code, 'k', reverse(kk_number), id FROM population_family "
        "WHERE kk_number <> ''",
    ]
    for table, kinds, terms, columns in (
        ("population_resident", "('n', 'i')", resident_terms, ("name_key", "nik")),
        ("population_family", "('k')", family_terms, ("kk_number",)),
    ):
        function = f"{table}_search_terms"
        watched = (*columns, "village_code")
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in watched)
        statements += [
            f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            "  IF TG_OP <> 'INSERT' THEN\n"
            f"    DELETE FROM {TABLE} WHERE ref = OLD.id AND kind IN {kinds};\n"
            "  END IF;\n"
            "  IF TG_OP <> 'DELETE' THEN\n"
            f"    {terms}\n"
            "  END IF;\n"
            "  RETURN NULL;\n"
            "END $$",
            f"CREATE TRIGGER {function}_write AFTER INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {function}_change AFTER UPDATE OF {', '.join(watched)} ON {table} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {function}()",
        ]
    return statements


def _sqlite() -> list[str]:
    def resident_terms(row: str) -> str:
        return (
            f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
            f"SELECT DISTINCT {row}.village_code, 'n', value, {row}.id "
            f"FROM {_sqlite_words(row + '.name_key')} WHERE value <> ''; "
            f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
            f"SELECT {row}.village_code, 'i', {_sqlite_reverse(row + '.nik')}, {row}.id "
            f"WHERE {row}.nik <> '';"
        )

    def family_terms(row: str) -> str:
        return (
            f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
            f"SELECT {row}.village_code, 'k', {_sqlite_reverse(row + '.kk_number')}, {row}.id "
            f"WHERE {row}.kk_number <> '';"
        )

    statements = [
        f"CREATE TABLE {TABLE} (village_code VARCHAR(13) NOT NULL, kind VARCHAR(1) NOT NULL, "
        "term TEXT NOT NULL, ref INTEGER NOT NULL)",
        f"CREATE INDEX {TABLE}_lookup ON {TABLE} (village_code, kind, term, ref)",
        f"CREATE INDEX {TABLE}_ref ON {TABLE} (ref, kind)",
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        f"SELECT DISTINCT r.village_code, 'n', value, r.id FROM population_resident r, "
        f"{_sqlite_words('r.name_key')} WHERE value <> ''",
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        f"SELECT village_code, 'i', {_sqlite_reverse('nik')}, id FROM population_resident "
        "WHERE nik <> ''",
        f"INSERT INTO {TABLE} (village_code, kind, term, ref) "
        f"SELECT village_code, 'k', {_sqlite_reverse('kk_number')}, id FROM population_family "
        "WHERE kk_number <> ''",
    ]
    for table, kinds, terms, columns in (
        ("population_resident", "('n', 'i')", resident_terms, ("name_key", "nik")),
        ("population_family", "('k')", family_terms, ("kk_number",)),
    ):
        name = f"{table}_search_terms"
        watched = (*columns, "village_code")
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in watched)
        forget = f"DELETE FROM {TABLE} WHERE ref = old.id AND kind IN {kinds};"
        statements += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {terms('new')} END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(watched)} ON {table} "
            f"WHEN {changed} BEGIN {forget} {terms('new')} END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {forget} END",
        ]
    return statements


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="population", description=DESCRIPTION)

    async def search_terms():
        engine = engine_finder()
        for statement in _postgres() if engine.engine_type == "postgres" else _sqlite():
            await engine.run_ddl(statement)

    manager.add_raw(search_terms)
    return manager
