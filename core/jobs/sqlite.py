"""The SQLite backend: an in-process runner whose queue is the `core_job` table.

SQLite has no LISTEN and no row locks; one write transaction at a time is its lock. A claim is
a `BEGIN IMMEDIATE` transaction that takes the write lock, finds the oldest due job and marks it
running, so two runners on one file never take the same job. Between claims the runner sleeps
briefly. Retries, back-off and timeouts are the same code as on PostgreSQL (`attempt.py`).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from core.jobs import store
from core.jobs.attempt import LEASE_GRACE, run_attempt
from core.jobs.declaration import catalog_of

if TYPE_CHECKING:
    from core.kernel import Kernel

POLL_SECONDS = 0.5


class SqliteRunner:
    """Runs due jobs, up to `concurrency` at once, until stopped."""

    def __init__(self, kernel: Kernel, concurrency: int = 1) -> None:
        self.kernel = kernel
        self.concurrency = concurrency
        self.stopping = asyncio.Event()
        self.running: set[asyncio.Task[object]] = set()

    async def run(self) -> None:
        """Claim and run jobs until `stop()`; then wait for the running ones to finish."""
        try:
            while not self.stopping.is_set():
                if len(self.running) >= self.concurrency or not await self._start_next():
                    await self._pause()
        finally:
            if self.running:
                await asyncio.gather(*self.running, return_exceptions=True)

    def stop(self) -> None:
        self.stopping.set()

    async def _start_next(self) -> bool:
        job_id = await self._claim()
        if job_id is None:
            return False
        task: asyncio.Task[object] = asyncio.create_task(run_attempt(self.kernel, job_id))
        self.running.add(task)
        task.add_done_callback(self.running.discard)
        return True

    async def _claim(self) -> int | None:
        """Take the oldest due job: marked running (with a lease) in one immediate transaction,
        so `run_attempt` then counts the attempt without racing another runner."""
        engine = self.kernel.engine
        names = catalog_of(self.kernel).names
        async with store.write_transaction(engine):
            job_id = await store.next_due(engine, names)
            if job_id is None:
                return None
            await store.run(
                engine,
                f"UPDATE {store.TABLE} SET status = 'running', lease_until = {{}} WHERE id = {{}}",
                store.stamp(engine, store.now() + LEASE_GRACE),
                job_id,
            )
        return job_id

    async def _pause(self) -> None:
        wakers: list[asyncio.Future[object]] = [asyncio.ensure_future(self.stopping.wait())]
        if self.running:
            wakers.append(asyncio.ensure_future(asyncio.wait(set(self.running))))
        _, pending = await asyncio.wait(wakers, timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
        for future in pending:
            future.cancel()
