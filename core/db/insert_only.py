"""Tables whose rows are written once and never changed or removed: the audit log, step histories.

A record's history is its truth (its status is replayed from it), so a history the app could edit
would let one compromised request rewrite what happened. A table declares itself with
`@insert_only`; on PostgreSQL the grant step of `kampung migrate` withholds UPDATE and DELETE on
it from the app role. SQLite has no roles: the table's own migration adds triggers that abort
both (`BEFORE UPDATE`/`BEFORE DELETE … RAISE(ABORT, …)`), and a test checks every declared table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from piccolo.conf.apps import AppConfig
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
