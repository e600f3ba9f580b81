"""The worker for the instance's database: pgqueuer on PostgreSQL, the table runner on SQLite."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from core.kernel import Kernel


class Worker(Protocol):
    async def run(self) -> None:
        """Run jobs until `stop()`, then let the running ones finish and return."""

    def stop(self) -> None:
        """Take no new job (safe to call from a signal handler on the worker's loop)."""


def make_worker(kernel: Kernel, concurrency: int = 1) -> Worker:
    if kernel.database.is_postgres:
        from core.jobs.postgres import PostgresWorker

        return PostgresWorker(kernel, concurrency)
    from core.jobs.sqlite import SqliteRunner

    return SqliteRunner(kernel, concurrency)
