"""The `core_job` table: one row per enqueued job, the record every app process reads.

It holds what a page shows (status, attempts, the last error) and what the worker needs to run
the job under its village's scope and actor. On PostgreSQL pgqueuer's own table does the
queueing (locks, wake-ups, re-picking a dead worker's job) and points here by id; on SQLite this
table is the queue as well. Queries are written once, in the SQL both databases share.

The scope column is `scope_code`, not `village_code`: a worker claims every village's jobs, so
the table must not fall under Row-Level Security; the job's own work then runs in its scope.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from piccolo.engine.base import Engine
from piccolo.engine.sqlite import TransactionType
from piccolo.querystring import QueryString

TABLE = "core_job"
Status = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True, slots=True)
class JobStatus:
    """What a progress page shows about one job."""

    id: int
    name: str
    scope_code: str
    actor: str
    status: Status
    attempts: int
    max_attempts: int
    error: str
    """The last attempt's error ("" when none failed); kept while a retry is pending."""
    created_at: datetime
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")


@dataclass(frozen=True, slots=True)
class Claimed:
    """A job row as the worker starts an attempt on it."""

    id: int
    name: str
    scope_code: str
    actor: str
    payload: dict[str, Any]
    attempts: int
    """Attempts started so far, this one included."""


def now() -> datetime:
    return datetime.now(UTC)


def stamp(engine: Engine, moment: datetime) -> Any:
    """A time as the engine stores it: a timestamptz, or ISO text that sorts on SQLite."""
    if engine.engine_type == "postgres":
        return moment
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _time(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def write_transaction(engine: Engine) -> Any:
    """A transaction that writes: on SQLite it takes the write lock at BEGIN (IMMEDIATE), so it
    waits its turn instead of failing when it upgrades from reading after another commit."""
    if engine.engine_type == "sqlite":
        return engine.transaction(transaction_type=TransactionType.immediate)  # type: ignore[call-arg]
    return engine.transaction()


async def run(engine: Engine, sql: str, *args: Any) -> list[Any]:
    """Run on the current transaction's connection when there is one (Piccolo's rule)."""
    return list(await engine.run_querystring(QueryString(sql, *args)))


async def insert(
    engine: Engine,
    *,
    name: str,
    scope_code: str,
    actor: str,
    payload: dict[str, Any],
    dedupe_key: str | None,
    run_after: datetime,
    max_attempts: int,
) -> tuple[int, bool]:
    """Add a queued job; (its id, True) — or (the id of the job already enqueued with the same
    name and dedupe key, False)."""
    created = stamp(engine, now())
    rows = await run(
        engine,
        f"INSERT INTO {TABLE} (name, scope_code, actor, payload, dedupe_key, status, attempts, "
        "max_attempts, run_after, error, created_at) "
        "VALUES ({}, {}, {}, {}, {}, 'queued', 0, {}, {}, '', {}) "
        "ON CONFLICT (name, dedupe_key) DO NOTHING RETURNING id",
        name, scope_code, actor, json.dumps(payload), dedupe_key, max_attempts,
        stamp(engine, run_after), created,
    )  # fmt: skip
    if rows:
        return int(rows[0]["id"]), True
    found = await run(
        engine, f"SELECT id FROM {TABLE} WHERE name = {{}} AND dedupe_key = {{}}", name, dedupe_key
    )
    return int(found[0]["id"]), False


async def status(engine: Engine, job_id: int) -> JobStatus | None:
    rows = await run(
        engine,
        f"SELECT id, name, scope_code, actor, status, attempts, max_attempts, error, created_at, "
        f"finished_at FROM {TABLE} WHERE id = {{}}",
        job_id,
    )
    if not rows:
        return None
    row = rows[0]
    return JobStatus(
        id=int(row["id"]),
        name=row["name"],
        scope_code=row["scope_code"],
        actor=row["actor"],
        status=row["status"],
        attempts=int(row["attempts"]),
        max_attempts=int(row["max_attempts"]),
        error=row["error"],
        created_at=_time(row["created_at"]) or now(),
        finished_at=_time(row["finished_at"]),
    )


async def start_attempt(engine: Engine, job_id: int, lease_until: datetime) -> Claimed | None:
    """Mark the job running and count the attempt; None if it is already finished."""
    rows = await run(
        engine,
        f"UPDATE {TABLE} SET status = 'running', attempts = attempts + 1, lease_until = {{}} "
        "WHERE id = {} AND status IN ('queued', 'running') "
        "RETURNING id, name, scope_code, actor, payload, attempts",
        stamp(engine, lease_until), job_id,
    )  # fmt: skip
    if not rows:
        return None
    row = rows[0]
    payload = row["payload"]
    return Claimed(
        id=int(row["id"]),
        name=row["name"],
        scope_code=row["scope_code"],
        actor=row["actor"],
        payload=json.loads(payload) if isinstance(payload, str) else dict(payload),
        attempts=int(row["attempts"]),
    )


async def finish(engine: Engine, job_id: int, outcome: Status, error: str = "") -> None:
    """Mark the job done or failed (for good)."""
    await run(
        engine,
        f"UPDATE {TABLE} SET status = {{}}, error = {{}}, finished_at = {{}}, lease_until = NULL "
        "WHERE id = {}",
        outcome, error, stamp(engine, now()), job_id,
    )  # fmt: skip


async def requeue(engine: Engine, job_id: int, error: str, run_after: datetime) -> None:
    """Back to the queue after a failed attempt, to run again no sooner than `run_after`."""
    await run(
        engine,
        f"UPDATE {TABLE} SET status = 'queued', error = {{}}, run_after = {{}}, "
        "lease_until = NULL WHERE id = {}",
        error, stamp(engine, run_after), job_id,
    )  # fmt: skip


async def next_due(engine: Engine, names: list[str]) -> int | None:
    """The oldest job due to run (SQLite's queue): queued and due, or running with its lease
    run out because the process that ran it died."""
    if not names:
        return None
    moment = stamp(engine, now())
    marks = ", ".join("{}" for _ in names)
    rows = await run(
        engine,
        f"SELECT id FROM {TABLE} WHERE name IN ({marks}) AND ("
        "(status = 'queued' AND run_after <= {}) OR (status = 'running' AND lease_until < {})"
        ") ORDER BY run_after, id LIMIT 1",
        *names, moment, moment,
    )  # fmt: skip
    return int(rows[0]["id"]) if rows else None
