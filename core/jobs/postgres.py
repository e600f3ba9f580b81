"""The PostgreSQL backend: pgqueuer queues, locks and wakes; `core_job` keeps the record.

Why pgqueuer (docs/jobs.md says more): it runs on asyncpg, Piccolo's own driver, so a job is
enqueued on the request's connection inside the request's transaction; its dequeue takes rows
with `FOR UPDATE SKIP LOCKED`, so two workers never run one job; LISTEN/NOTIFY wakes a worker
as the enqueuing transaction commits; heartbeats let another worker take up a job whose worker
died; `RetryRequested` puts a job back with a delay. Each pgqueuer job's payload is the id of
its `core_job` row, where the attempt count, the error and the village live.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import asyncpg
from pgqueuer import AsyncpgDriver, Queries, QueueManager
from pgqueuer.adapters.persistence.qb import QueryBuilderEnvironment
from pgqueuer.errors import RetryRequested
from pgqueuer.models import Job as QueuedJob
from piccolo.engine.base import Engine

from core.db.roles import PostgresTarget
from core.jobs import store
from core.jobs.attempt import run_attempt
from core.jobs.declaration import catalog_of

if TYPE_CHECKING:
    from core.kernel import Kernel

HEARTBEAT_TIMEOUT = timedelta(seconds=30)
"""A picked job whose worker has not beaten for this long is picked again by another."""


async def hand_to_pgqueuer(engine: Engine, name: str, job_id: int, due: datetime) -> None:
    """Queue the job in pgqueuer on the caller's own connection, so it commits or rolls back
    with the rows that need it."""
    transaction = engine.current_transaction.get()
    assert transaction is not None  # enqueue checked it
    delay = max(due - store.now(), timedelta(0))
    queries = Queries(AsyncpgDriver(transaction.connection))
    await queries.enqueue(name, str(job_id).encode(), execute_after=delay or None)


def install_sql() -> str:
    """pgqueuer's tables, types, indexes and trigger, for core's migration."""
    return QueryBuilderEnvironment().build_install_query(create_schema=False)


async def connect(url: str) -> asyncpg.Connection:
    """The worker's own connection, for LISTEN and dequeue (as the app role, under RLS)."""
    target = PostgresTarget.parse(url)
    return await asyncpg.connect(
        host=target.host,
        port=target.port,
        user=target.role,
        database=target.database,
        password=target.password or None,
    )


class PostgresWorker:
    """A pgqueuer QueueManager serving every job the kernel's plugins declare."""

    def __init__(self, kernel: Kernel, concurrency: int) -> None:
        self.kernel = kernel
        self.concurrency = concurrency
        self.manager: QueueManager | None = None
        self.stopping = asyncio.Event()
        self.slots = asyncio.Semaphore(concurrency)

    async def run(self) -> None:
        connection = await connect(self.kernel.settings.database_url)
        try:
            manager = QueueManager(Queries(AsyncpgDriver(connection)))
            for name in catalog_of(self.kernel).names:
                manager.entrypoint(name)(self._entrypoint)
            self.manager = manager
            if self.stopping.is_set():
                return
            batch = max(1, self.concurrency // 2)
            await manager.run(
                dequeue_timeout=timedelta(seconds=5),
                batch_size=batch,
                max_concurrent_tasks=max(2 * batch, self.concurrency),
                heartbeat_timeout=HEARTBEAT_TIMEOUT,
            )
        finally:
            await connection.close()

    def stop(self) -> None:
        """Take no new job; the running ones finish, then `run` returns."""
        self.stopping.set()
        if self.manager is not None:
            self.manager.shutdown.set()

    async def _entrypoint(self, job: QueuedJob) -> None:
        """Run one attempt (at most `concurrency` at once: pgqueuer's own cap is at least two
        picked jobs) and tell pgqueuer what became of it, so its log agrees with `core_job`."""
        assert job.payload is not None
        async with self.slots:
            outcome = await run_attempt(self.kernel, int(job.payload.decode()))
        if outcome.status == "queued" and outcome.retry_in is not None:
            raise RetryRequested(delay=outcome.retry_in, reason=outcome.error)
        if outcome.status == "failed":
            raise JobFailed(outcome.error)


class JobFailed(RuntimeError):
    """Raised to pgqueuer for a job that used its last attempt, so it logs the failure."""
