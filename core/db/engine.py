"""Turn a database URL into Piccolo engines and bind the registered tables to them.

Piccolo binds each table class to one engine. The app binds every table of every loaded Piccolo
app to its own engine when it starts, so a test can point a fresh app at a fresh database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asyncpg.exceptions import InterfaceError
from piccolo.conf.apps import AppConfig
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine, PostgresTransaction
from piccolo.engine.sqlite import SQLiteEngine

from core.db.roles import PostgresTarget

SQLITE_BUSY_TIMEOUT_SECONDS = 30


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached; pages answer 503 and ask the client to retry."""


class _ReturningTransaction(PostgresTransaction):
    """Piccolo's transaction, except that its pooled connection always goes back to the pool.

    Piccolo releases the connection only when BEGIN, COMMIT and ROLLBACK all succeed. When the
    server goes away they fail, and each such request would keep its pool slot for good: the
    pool runs dry and shutdown waits forever for the slots. A connection whose BEGIN, COMMIT or
    ROLLBACK failed is in an unknown state, so it is closed, not reused.
    """

    async def __aenter__(self) -> PostgresTransaction:
        if self._parent is not None:
            return self._parent
        self.connection = await self.get_connection()
        try:
            self.transaction = self.connection.transaction()
            await self.begin()
        except BaseException:
            await self._discard()
            raise
        self.context = self.engine.current_transaction.set(self)
        return self

    async def __aexit__(self, exception_type: Any, exception: Any, traceback: Any) -> bool:
        if self._parent:
            return exception is None
        try:
            if exception is not None and not self._rolled_back:
                await self.rollback()
            elif exception is None and not self._committed and not self._rolled_back:
                await self.commit()
        except BaseException:
            await self._discard()
            raise
        else:
            await self._give_back()
        finally:
            self.engine.current_transaction.reset(self.context)
        return exception is None

    async def _discard(self) -> None:
        with suppress(InterfaceError):  # asyncpg has already closed it and freed its slot
            self.connection.terminate()
        await self._give_back()

    async def _give_back(self) -> None:
        """To the pool, which takes a terminated connection's slot back and reconnects later."""
        if self.engine.pool is not None:
            await self.engine.pool.release(self.connection)
        else:
            await self.connection.close()


class _PostgresEngine(PostgresEngine):
    def transaction(self, allow_nested: bool = True) -> PostgresTransaction:
        return _ReturningTransaction(engine=self, allow_nested=allow_nested)


def make_engine(url: str) -> Engine:
    """Build the engine for a `sqlite:///path` or `postgresql://` URL."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SQLiteEngine(path=str(path), timeout=SQLITE_BUSY_TIMEOUT_SECONDS)
    target = PostgresTarget.parse(url)
    config: dict[str, object] = {
        "host": target.host,
        "port": target.port,
        "user": target.role,
        "database": target.database,
    }
    if target.password:
        config["password"] = target.password
    return _PostgresEngine(config=config)


@dataclass
class Database:
    """The instance's engines: the app's (no table ownership) and the owner's (migrations)."""

    engine: Engine
    owner_engine: Engine

    @classmethod
    def from_urls(cls, url: str, owner_url: str) -> Database:
        engine = make_engine(url)
        owner = engine if owner_url == url else make_engine(owner_url)
        return cls(engine=engine, owner_engine=owner)

    @property
    def is_postgres(self) -> bool:
        return self.engine.engine_type == "postgres"

    def bind(self, apps: Iterable[AppConfig]) -> None:
        """Point every table of these apps at the app engine."""
        for app in apps:
            for table in app.table_classes:
                table._meta.db = self.engine

    async def start(self) -> None:
        if isinstance(self.engine, PostgresEngine):
            try:
                await self.engine.start_connection_pool(max_size=10)
            except OSError as exc:
                raise DatabaseUnavailable(str(exc)) from exc
        else:
            await _prepare_sqlite(self.engine)

    async def close(self) -> None:
        if isinstance(self.engine, PostgresEngine):
            await self.engine.close_connection_pool()


async def _prepare_sqlite(engine: Engine) -> None:
    """WAL lets readers work while a writer commits; set once, it persists in the file."""
    path = engine.path  # type: ignore[attr-defined]
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
