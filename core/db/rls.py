"""Row-Level Security: the database's own wall between villages (PostgreSQL).

Every table with a `village_code` column is tenant-owned. Its policy lets a transaction see and
write only rows inside the scope the request set (`core.db.scope`); a transaction that set no
scope sees nothing. The policy is applied to every such table after each migration, so a plugin
author cannot forget it.
"""

from __future__ import annotations

from collections.abc import Sequence

from piccolo.engine.base import Engine

from core.db.roles import quote_identifier
from core.db.scope import TENANT_SCOPE_SETTING

TENANT_COLUMN = "village_code"
POLICY_NAME = "kampung_tenant_scope"
MIGRATION_TABLE = "migration"
"""Piccolo's record of applied migrations: the owner's business, not the app's."""

_SCOPE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kampung_in_scope(code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('{TENANT_SCOPE_SETTING}', true), '') <> ''
       AND (code = current_setting('{TENANT_SCOPE_SETTING}', true)
            OR starts_with(code, current_setting('{TENANT_SCOPE_SETTING}', true) || '.'))
$$
"""


async def tenant_tables(engine: Engine) -> list[str]:
    rows = await engine.run_ddl(
        "SELECT table_name FROM information_schema.columns "
        f"WHERE table_schema = current_schema() AND column_name = '{TENANT_COLUMN}' "
        "ORDER BY table_name"
    )
    return [row["table_name"] for row in rows]


async def apply_row_level_security(
    owner: Engine, app_role: str | None, insert_only: Sequence[str] = ()
) -> list[str]:
    """Protect every tenant-owned table and grant the app role what it may do.

    `insert_only` names the tables whose rows the app role may read and add but never change.
    """
    if owner.engine_type != "postgres":
        return []
    await owner.run_ddl(_SCOPE_FUNCTION)
    tables = await tenant_tables(owner)
    for table in tables:
        await owner.run_ddl(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        await owner.run_ddl(f'DROP POLICY IF EXISTS {POLICY_NAME} ON "{table}"')
        await owner.run_ddl(
            f'CREATE POLICY {POLICY_NAME} ON "{table}" '
            f"USING (kampung_in_scope({TENANT_COLUMN})) "
            f"WITH CHECK (kampung_in_scope({TENANT_COLUMN}))"
        )
    if app_role:
        await _grant(owner, app_role, insert_only)
    return tables


async def _grant(owner: Engine, role: str, insert_only: Sequence[str]) -> None:
    """Everything on the instance's tables, less changes to histories and to the migration log."""
    quoted = quote_identifier(role)
    await owner.run_ddl(f"GRANT USAGE ON SCHEMA public TO {quoted}")
    await owner.run_ddl(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}"
    )
    await owner.run_ddl(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
    await owner.run_ddl(f"REVOKE ALL ON {MIGRATION_TABLE} FROM {quoted}")
    for table in insert_only:
        await owner.run_ddl(f"REVOKE UPDATE, DELETE ON {quote_identifier(table)} FROM {quoted}")
