"""The tenant scope a transaction may see, set where PostgreSQL's Row-Level Security reads it.

The scope is a Kemendagri code prefix: a village code for village work, a district code for a
district user, the regency code for the regency. `set_config(..., true)` makes it local to the
current transaction, so a pooled connection never carries one request's scope into the next.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

from piccolo.engine.base import Engine

from core.db.tenant import current_scope, forget_scope, remember_scope
from core.db.undo import files_follow_transaction

TENANT_SCOPE_SETTING = "kampung.scope"
T = TypeVar("T")


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


async def read_in_village(engine: Engine, village_code: str, read: Callable[[], Awaitable[T]]) -> T:
    """`read` run seeing one village's rows, the caller's own scope given back afterwards.

    For what another plugin publishes about a village to pages of any scope (counts on a public
    page, a village's index status on the regency's): inside the caller's transaction, so it sees
    that request's own writes and takes no second connection; outside any, in one of its own.
    """
    if len(village_code.split(".")) != 4:
        raise ValueError(f"not a village code: {village_code!r}")
    if engine.current_transaction.get() is None:
        async with tenant_transaction(engine, village_code):
            return await read()
    before = current_scope(engine)
    try:
        # A copied context: the scope set for `read` never reaches the caller's context.
        return await asyncio.create_task(
            _read_scoped(engine, village_code, read), context=contextvars.copy_context()
        )
    finally:
        if engine.engine_type == "postgres":
            await engine.run_ddl(
                f"SELECT set_config('{TENANT_SCOPE_SETTING}', '{before or ''}', true)"
            )


async def _read_scoped(engine: Engine, village_code: str, read: Callable[[], Awaitable[T]]) -> T:
    await set_tenant_scope(engine, village_code)
    return await read()
