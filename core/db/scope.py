"""The tenant scope a transaction may see, set where PostgreSQL's Row-Level Security reads it.

The scope is a Kemendagri code prefix: a village code for village work, a district code for a
district user, the regency code for the regency. `set_config(..., true)` makes it local to the
current transaction, so a pooled connection never carries one request's scope into the next.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from piccolo.engine.base import Engine

from core.db.tenant import forget_scope, remember_scope
from core.db.undo import files_follow_transaction

TENANT_SCOPE_SETTING = "kampung.scope"


async def set_tenant_scope(engine: Engine, scope_code: str) -> None:
    """Tell the query layer (`core.db.tenant`) and, on PostgreSQL, Row-Level Security which
    villages the current transaction may see."""
    remember_scope(engine, _checked(scope_code))
    if engine.engine_type != "postgres":
        return
    await engine.run_ddl(f"SELECT set_config('{TENANT_SCOPE_SETTING}', '{scope_code}', true)")


async def clear_tenant_scope(engine: Engine) -> None:
    """Take the scope back within the transaction: from here on it sees no village's rows."""
    forget_scope()
    if engine.engine_type == "postgres":
        await engine.run_ddl(f"SELECT set_config('{TENANT_SCOPE_SETTING}', '', true)")


def _checked(scope_code: str) -> str:
    if not all(part.isdigit() for part in scope_code.split(".")):
        raise ValueError(f"not a region code: {scope_code!r}")
    return scope_code


@asynccontextmanager
async def tenant_transaction(engine: Engine, scope_code: str) -> AsyncIterator[None]:
    """A transaction that sees the rows of one scope: for commands, the demo and tests."""
    async with files_follow_transaction(), engine.transaction():
        await set_tenant_scope(engine, scope_code)
        yield
