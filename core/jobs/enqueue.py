"""Enqueue a job in the caller's transaction, and read a job's status by id."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.jobs import store
from core.jobs.declaration import JobError, catalog_of

if TYPE_CHECKING:
    from core.kernel import Kernel


async def enqueue(
    kernel: Kernel,
    name: str,
    payload: dict[str, Any],
    *,
    village_code: str,
    actor: str = "system",
    dedupe_key: str | None = None,
    run_after: datetime | timedelta | None = None,
) -> int:
    """Add a job to run after the current transaction commits; returns the job's id.

    It must be called inside a transaction (a request's, or `core.db.tenant_transaction`): the
    job exists only if that transaction commits. `village_code` is the scope the job runs in
    (a district's or the regency's code for wider work); `actor` is who its audit entries name.
    A second enqueue with the same name and `dedupe_key` returns the first job's id and adds
    none, so a retried request enqueues its work once.
    """
    engine = kernel.engine
    if engine.current_transaction.get() is None:
        raise JobError(
            f"job {name}: enqueue inside the transaction whose rows need it "
            "(a request, or `async with core.db.tenant_transaction(engine, code)`)"
        )
    job = catalog_of(kernel).get(name)
    due = _due(run_after)
    job_id, added = await store.insert(
        engine,
        name=name,
        scope_code=village_code,
        actor=actor,
        payload=payload,
        dedupe_key=dedupe_key,
        run_after=due,
        max_attempts=job.max_attempts,
    )
    if added and engine.engine_type == "postgres":
        from core.jobs.postgres import hand_to_pgqueuer

        await hand_to_pgqueuer(engine, name, job_id, due)
    return job_id


async def job_status(kernel: Kernel, job_id: int) -> store.JobStatus | None:
    """The job's status as every app process sees it, or None for an unknown id.

    A page that shows it checks `scope_code` against its own village first.
    """
    return await store.status(kernel.engine, job_id)


def _due(run_after: datetime | timedelta | None) -> datetime:
    if run_after is None:
        return store.now()
    if isinstance(run_after, timedelta):
        return store.now() + run_after
    if run_after.tzinfo is None:
        raise JobError("enqueue: run_after must be timezone-aware (e.g. datetime.now(UTC))")
    return run_after
