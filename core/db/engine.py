"""Turn a database URL into Piccolo engines and bind the registered tables to them.

Piccolo binds each table class to one engine. The app binds every table of every loaded Piccolo
app to its own engine when it starts, so a test can point a fresh app at a fresh database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from piccolo.conf.apps import AppConfig
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine

SQLITE_BUSY_TIMEOUT_SECONDS = 30


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached; pages answer 503 and ask the client to retry."""


def make_engine(url: str) -> Engine:
    """Build the engine for a `sqlite:///path` or `postgresql://` URL."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SQLiteEngine(path=str(path), timeout=SQLITE_BUSY_TIMEOUT_SECONDS)
    parsed = urlparse(url)
    config: dict[str, object] = {
        "host": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 5432,
        "user": unquote(parsed.username or "postgres"),
        "database": parsed.path.lstrip("/") or "kampung",
    }
    if parsed.password:
        config["password"] = unquote(parsed.password)
    return PostgresEngine(config=config)


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
