"""Tenant tables: rows that belong to a village, and queries that only ever reach the scope.

A plugin declares a village's table as `class Post(TenantTable, tablename="posyandu_post")`. The
core adds the `village_code` column, and every select, count, exists, objects, insert, update and
delete on the table is limited to the villages of the current transaction's scope: the scope the
request set (`core.db.set_tenant_scope`), or the one `core.db.tenant_transaction` sets for a
command, demo data or a test. The author writes no `village_code` filter and cannot forget one.

A query with no scope raises `TenantScopeError`, on SQLite as on PostgreSQL, instead of quietly
returning every village's rows (SQLite) or none (PostgreSQL). Raw SQL on a tenant table is refused
for the same reason. PostgreSQL's Row-Level Security on the same column stays as the second wall.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any, cast

from piccolo.columns import Varchar
from piccolo.columns.combination import And, Or
from piccolo.engine.base import Engine
from piccolo.query import Count, Delete, Exists, Insert, Objects, Select, Update
from piccolo.table import Table

VILLAGE_CODE_LENGTH = 13
VILLAGE_DEPTH = 4
"""A village code has four parts (35.27.01.2001); a shorter scope is a district or the regency."""

_scope: ContextVar[tuple[Any, str] | None] = ContextVar("kampung_tenant_scope", default=None)
"""(transaction, scope code): the scope counts only while that transaction is the current one."""


class TenantScopeError(RuntimeError):
    """A tenant table was reached without a scope, or a row outside it was written."""


def remember_scope(engine: Engine, scope_code: str) -> None:
    """Tie the scope to the engine's current transaction: it ends when the transaction does, as
    PostgreSQL's `set_config(..., true)` does, so a scope never outlives its request."""
    transaction = engine.current_transaction.get()
    if transaction is not None:
        _scope.set((transaction, scope_code))


def forget_scope() -> None:
    _scope.set(None)


def current_scope(engine: Engine) -> str | None:
    transaction = engine.current_transaction.get()
    remembered = _scope.get()
    if transaction is None or remembered is None or remembered[0] is not transaction:
        return None
    return remembered[1]


def in_scope(village_code: str, scope_code: str) -> bool:
    return village_code == scope_code or village_code.startswith(scope_code + ".")


class _Scoped:
    """Adds the scope to a query's WHERE when its SQL is built, i.e. when it runs.

    The author's own WHERE is left as it was for Piccolo's checks (an update or delete without
    one still needs `force=True`), and the scope is read at run time, inside the transaction.
    """

    __slots__ = ()
    table: type[TenantTable]
    where_delegate: Any

    @property
    def default_querystrings(self) -> Any:
        delegate = self.where_delegate
        own = delegate._where
        scope = self.table.scope_condition()
        delegate._where = scope if own is None else And(own, scope)
        try:
            return super().default_querystrings  # type: ignore[misc]
        finally:
            delegate._where = own


class ScopedSelect(_Scoped, Select):  # type: ignore[misc]
    __slots__ = ()


class ScopedObjects(_Scoped, Objects):  # type: ignore[misc]
    __slots__ = ()


class ScopedCount(_Scoped, Count):  # type: ignore[misc]
    __slots__ = ()


class ScopedExists(_Scoped, Exists):  # type: ignore[misc]
    __slots__ = ()


class ScopedUpdate(_Scoped, Update):  # type: ignore[misc]
    __slots__ = ()


class ScopedDelete(_Scoped, Delete):  # type: ignore[misc]
    __slots__ = ()


class ScopedInsert(Insert):  # type: ignore[misc]
    """Fills in the village of a village-scoped transaction and refuses rows outside the scope."""

    __slots__ = ()

    @property
    def default_querystrings(self) -> Any:
        scope = self.table.required_scope()  # type: ignore[attr-defined]
        for row in cast(list[TenantTable], self.add_delegate._add):
            if not row.village_code and len(scope.split(".")) == VILLAGE_DEPTH:
                row.village_code = scope
            if not in_scope(row.village_code, scope):
                raise TenantScopeError(
                    f"{self.table._meta.tablename}: a row of village {row.village_code or '(none)'}"
                    f" cannot be written in scope {scope}"
                )
        return super().default_querystrings


class TenantTable(Table):
    """Base of every table whose rows belong to one village; see the module docstring."""

    village_code = Varchar(length=VILLAGE_CODE_LENGTH, index=True)

    @classmethod
    def required_scope(cls) -> str:
        scope = current_scope(cls._meta.db)
        if scope is None:
            raise TenantScopeError(
                f"{cls._meta.tablename} is a tenant table and this query has no village scope: "
                "run it in a request to a village, district or regency page, or inside "
                "`async with core.db.tenant_transaction(engine, code):`"
            )
        return scope

    @classmethod
    def scope_condition(cls) -> Any:
        scope = cls.required_scope()
        if len(scope.split(".")) == VILLAGE_DEPTH:
            return cls.village_code == scope
        return Or(cls.village_code == scope, cls.village_code.like(scope + ".%"))

    @classmethod
    def select(cls, *columns: Any, exclude_secrets: bool = False) -> Any:
        return ScopedSelect(
            table=cls,
            columns_list=cls._process_column_args(*columns),
            exclude_secrets=exclude_secrets,
        )

    @classmethod
    def objects(cls, *prefetch: Any) -> Any:
        return ScopedObjects(table=cls, prefetch=prefetch)

    @classmethod
    def count(cls, column: Any = None, distinct: Any = None) -> Any:
        return ScopedCount(table=cls, column=column, distinct=distinct)

    @classmethod
    def exists(cls) -> Any:
        return ScopedExists(table=cls)

    @classmethod
    def insert(cls, *rows: Any) -> Any:
        query = ScopedInsert(table=cls).returning(cls._meta.primary_key)
        if rows:
            query.add(*rows)
        return query

    @classmethod
    def update(
        cls,
        values: dict[Any, Any] | None = None,
        force: bool = False,
        use_auto_update: bool = True,
        **kwargs: Any,
    ) -> Any:
        values = {**(values or {}), **kwargs}
        if use_auto_update and cls._meta.auto_update_columns:
            values.update(cls._meta.get_auto_update_values())
        return ScopedUpdate(table=cls, force=force).values(values)

    @classmethod
    def delete(cls, force: bool = False) -> Any:
        return ScopedDelete(table=cls, force=force)

    @classmethod
    def raw(cls, sql: str, *args: Any) -> Any:
        raise TenantScopeError(
            f"{cls._meta.tablename} is a tenant table: raw SQL could reach other villages' rows; "
            "use select() with Piccolo's aggregates (Count, Sum, group_by), which the core scopes"
        )
