"""Files written for a transaction's rows, removed again when the transaction does not commit.

The database undoes its own writes; a file a handler stored beside a row (an uploaded document, a
signed PDF) would stay on disk with nothing pointing to it, holding a resident's data for no one.
A plugin that stores such a file calls `remove_on_rollback(path)`; the request's transaction (and
`tenant_transaction`) removes those files if it rolls back or its commit fails.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path

_written: ContextVar[list[Path] | None] = ContextVar("kampung_written_files", default=None)


def remove_on_rollback(path: Path) -> None:
    """Remove `path` if the current transaction does not commit (outside one: keep it)."""
    written = _written.get()
    if written is not None:
        written.append(path)


@asynccontextmanager
async def files_follow_transaction() -> AsyncIterator[None]:
    """Wrap a transaction: files registered inside it are removed if it ends in an exception.

    Nested inside another, it leaves the decision to the outermost, which owns the commit.
    """
    if _written.get() is not None:
        yield
        return
    written: list[Path] = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    finally:
        _written.reset(token)
