"""Tables whose rows are written once and never changed or removed: the audit log, step histories.

A record's history is its truth (its status is replayed from it), so a history the app could edit
would let one compromised request rewrite what happened. A table declares itself with
`@insert_only`; on PostgreSQL the grant step of `kampung migrate` withholds UPDATE and DELETE on
it from the app role. SQLite has no roles: `kampung migrate` adds triggers that abort both
(`BEFORE UPDATE`/`BEFORE DELETE … RAISE(ABORT, …)`) to every declared table, so a plugin writes
no migration for it; a test checks every declared table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from piccolo.conf.apps import AppConfig
from piccolo.engine.base import Engine
from piccolo.table import Table

T = TypeVar("T", bound=type[Table])

_MARK = "_kampung_insert_only"


def insert_only(table: T) -> T:
    """Declare `table` append-only: the app role may read and insert its rows, nothing else."""
    setattr(table, _MARK, True)
    return table


def is_insert_only(table: type[Table]) -> bool:
    return bool(table.__dict__.get(_MARK, False))


def insert_only_tables(apps: Iterable[AppConfig]) -> list[str]:
    """The table names of every declared insert-only table of these apps."""
    return [
        table._meta.tablename
        for app in apps
        for table in app.table_classes
        if is_insert_only(table)
    ]


async def refuse_changes_on_sqlite(engine: Engine, tables: Iterable[str]) -> None:
    """SQLite's stand-in for the withheld grants: triggers that abort an UPDATE or DELETE."""
    if engine.engine_type != "sqlite":
        return
    for table in tables:
        for verb in ("UPDATE", "DELETE"):
            await engine.run_ddl(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is insert-only'); END"
            )
