"""Writing many rows at once on the caller's transaction connection, the fastest way each
database offers: `COPY` on PostgreSQL, one prepared `executemany` on SQLite.

PostgreSQL refuses `COPY FROM` into a table with Row-Level Security for a role the policies
apply to (the web app's role); the first refusal is remembered per engine and such engines use a
pipelined `executemany` instead. Commands connect as the owner and get `COPY`.

Piccolo builds one object per row, which costs more than the database does at a million rows;
these helpers take plain tuples in column order instead. They hold to the tenant scope as the
core's queries do: a row of a village outside the transaction's scope is refused before anything
is sent, so the fast path cannot write past the scope on SQLite, where no Row-Level Security is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from core.db import TenantScopeError, TenantTable

UNIQUE_VIOLATIONS: tuple[type[Exception], ...] = (
    asyncpg.UniqueViolationError,
    sqlite3.IntegrityError,
)
_copy_refused: set[int] = set()
"""Engines (by id) whose role PostgreSQL refused `COPY` to."""


def _transaction(engine: Any) -> Any:
    transaction = engine.current_transaction.get()
    if transaction is None:
        raise RuntimeError("bulk writes run inside the caller's transaction")
    return transaction


def _within_scope(table: type[TenantTable], village_codes: Iterable[str]) -> None:
    scope = table.required_scope()
    for village_code in village_codes:
        if village_code != scope and not village_code.startswith(scope + "."):
            raise TenantScopeError(
                f"{table._meta.tablename}: a row of village {village_code or '(none)'} "
                f"cannot be written in scope {scope}"
            )


async def insert_rows(
    engine: Any,
    table_class: type[TenantTable],
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Insert `rows` (tuples in `columns` order, `village_code` among them) in one round trip."""
    if not rows:
        return
    village_index = list(columns).index("village_code")
    _within_scope(table_class, {row[village_index] for row in rows})
    table = table_class._meta.tablename
    connection = _transaction(engine).connection
    names = ", ".join(f'"{column}"' for column in columns)
    if engine.engine_type != "postgres":
        marks = ", ".join("?" for _ in columns)
        await connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        return
    if id(engine) not in _copy_refused:
        try:
            async with savepoint(engine):
                await connection.copy_records_to_table(table, records=rows, columns=list(columns))
            return
        except asyncpg.FeatureNotSupportedError:
            _copy_refused.add(id(engine))
    marks = ", ".join(f"${index}" for index in range(1, len(columns) + 1))
    await connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


async def existing_values(
    engine: Any,
    table_class: type[TenantTable],
    column: str,
    village_code: str,
    values: Sequence[str],
) -> set[str]:
    """Which of `values` the village's rows of `table` already hold in `column`.

    PostgreSQL gets the values as one array joined to the table: an `IN` list or `= ANY` of a
    thousand parameters is compared one by one against every row of the village, while a join
    hashes them (or walks the column's index), whatever the planner knows of the table.
    """
    if not values:
        return set()
    _within_scope(table_class, [village_code])
    table = table_class._meta.tablename
    connection = _transaction(engine).connection
    if engine.engine_type != "postgres":
        marks = ", ".join("?" for _ in values)
        cursor = await connection.execute(
            f'SELECT "{column}" FROM "{table}" WHERE village_code = ? AND "{column}" IN ({marks})',
            (village_code, *values),
        )
        return {row[column] for row in await cursor.fetchall()}
    rows = await connection.fetch(
        f'SELECT t."{column}" FROM unnest($2::text[]) AS v(value) JOIN "{table}" AS t '
        f'ON t."{column}" = v.value WHERE t.village_code = $1',
        village_code,
        list(values),
    )
    return {row[column] for row in rows}


async def refresh_planner_statistics(engine: Any, tables: Sequence[str]) -> None:
    """`ANALYZE` on PostgreSQL after a bulk load, outside its transaction.

    Until autovacuum comes round (never, where it is off) the planner plans for the tables as
    they were before the load, and a page that should take milliseconds scans a million rows.
    """
    if engine.engine_type == "postgres":
        await engine.run_ddl("ANALYZE " + ", ".join(f'"{table}"' for table in tables))


@asynccontextmanager
async def savepoint(engine: Any) -> AsyncIterator[None]:
    """Undo only the enclosed writes when they fail, keeping the rest of the transaction."""
    point = await _transaction(engine).savepoint()
    try:
        yield
    except BaseException:
        await point.rollback_to()
        raise
    await point.release()
