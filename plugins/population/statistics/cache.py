"""District and regency statistics kept for a few minutes instead of recounted for every visitor.

A regency's page groups every living resident seven ways: on a million residents that is seconds
of database work per view, so a handful of readers would saturate the server. Each worker keeps
what it counted per (tenant, day) for `FRESH_SECONDS`, and only one count of a key runs at a time:
the readers who arrive meanwhile wait for it rather than start their own. Village pages are not
cached: they count a few thousand rows, and staff expect their own edits to show at once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
FRESH_SECONDS = 300.0


class Recent(Generic[T]):
    """Values by key, recomputed once they are older than `fresh_seconds`."""

    def __init__(self, fresh_seconds: float = FRESH_SECONDS) -> None:
        self.fresh_seconds = fresh_seconds
        self._values: dict[Hashable, tuple[float, T]] = {}
        self._locks: dict[Hashable, asyncio.Lock] = {}

    def _fresh(self, key: Hashable) -> tuple[float, T] | None:
        found = self._values.get(key)
        if found is not None and time.monotonic() - found[0] < self.fresh_seconds:
            return found
        return None

    async def get(self, key: Hashable, compute: Callable[[], Awaitable[T]]) -> T:
        found = self._fresh(key)
        if found is not None:
            return found[1]
        async with self._locks.setdefault(key, asyncio.Lock()):
            found = self._fresh(key)
            if found is not None:
                return found[1]
            value = await compute()
            self._values = {k: v for k, v in self._values.items() if self._fresh(k)}
            self._values[key] = (time.monotonic(), value)
            self._locks = {
                k: lock for k, lock in self._locks.items() if k in self._values or lock.locked()
            }
            return value
