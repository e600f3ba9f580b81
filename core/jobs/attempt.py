"""One attempt at a job, the same on both backends: run it in its village's transaction, then
record the outcome. The backends differ only in how they find the next job and wait for it.

The work and its "done" mark commit together, so a worker killed mid-attempt leaves neither: the
job runs again and finds none of its own rows from the lost attempt.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.db.scope import tenant_transaction
from core.jobs import store
from core.jobs.context import RunningJob, set_running
from core.jobs.declaration import JobError, catalog_of

if TYPE_CHECKING:
    from core.kernel import Kernel

LEASE_GRACE = timedelta(minutes=1)
"""Beyond a job's timeout, before a job left running by a dead process is taken up again."""


@dataclass(frozen=True, slots=True)
class Outcome:
    status: store.Status
    """`done`, `failed` (for good), or `queued` (to be retried after `retry_in`)."""
    error: str = ""
    retry_in: timedelta | None = None


async def run_attempt(kernel: Kernel, job_id: int) -> Outcome:
    """Run the job's next attempt and record its outcome in `core_job`."""
    engine = kernel.engine
    async with store.write_transaction(engine):
        name_rows = await store.run(
            engine, f"SELECT name FROM {store.TABLE} WHERE id = {{}}", job_id
        )
        if not name_rows:
            return Outcome("failed", f"job {job_id} does not exist")
        job = catalog_of(kernel).get(name_rows[0]["name"])
        claimed = await store.start_attempt(engine, job_id, store.now() + job.timeout + LEASE_GRACE)
    if claimed is None:
        return Outcome("done")
    if claimed.attempts > job.max_attempts:
        error = f"{job.name}: attempts exhausted (the worker stopped during the last one)"
        await _record(kernel, job_id, Outcome("failed", error))
        return Outcome("failed", error)
    set_running(
        RunningJob(claimed.id, claimed.name, claimed.scope_code, claimed.actor, claimed.attempts)
    )
    try:
        async with tenant_transaction(engine, claimed.scope_code):
            await asyncio.wait_for(
                job.run(kernel, claimed.payload), timeout=job.timeout.total_seconds()
            )
            await store.finish(engine, job_id, "done")
        return Outcome("done")
    except Exception as exc:
        error = _describe(exc, job.timeout)
        if claimed.attempts >= job.max_attempts:
            outcome = Outcome("failed", error)
        else:
            outcome = Outcome("queued", error, job.delay_after(claimed.attempts))
        await _record(kernel, job_id, outcome)
        return outcome
    finally:
        set_running(None)


async def _record(kernel: Kernel, job_id: int, outcome: Outcome) -> None:
    async with store.write_transaction(kernel.engine):
        if outcome.status == "queued" and outcome.retry_in is not None:
            await store.requeue(
                kernel.engine, job_id, outcome.error, store.now() + outcome.retry_in
            )
        else:
            await store.finish(kernel.engine, job_id, outcome.status, outcome.error)


def _describe(exc: Exception, timeout: timedelta) -> str:
    if isinstance(exc, TimeoutError):
        return f"TimeoutError: the attempt ran longer than {timeout}"
    if isinstance(exc, JobError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
