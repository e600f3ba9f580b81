"""Background jobs, on SQLite as on PostgreSQL: enqueued with the transaction that needs them,
run once in their village's scope, retried with back-off, then failed with their error."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sample_tenant import plugin as sample_plugin
from sample_tenant.tables import Note

from core.jobs import Job, JobCatalog, JobError, current_job, enqueue, job_status, make_worker
from core.kernel import Kernel
from tests.core.plugin_samples import plugin

SLOW_SECONDS = 1.5


async def write_note(kernel: Kernel, payload: dict[str, Any]) -> None:
    await Note.insert(Note(text=payload["text"]))


async def count_notes(kernel: Kernel, payload: dict[str, Any]) -> None:
    """Writes how many notes it can see: the job's scope decides, not the job's code."""
    seen = await Note.count()
    await Note.insert(Note(text=f"terlihat {seen}"))


async def break_down(kernel: Kernel, payload: dict[str, Any]) -> None:
    await Note.insert(Note(text="setengah jalan"))
    raise ValueError("berkas rusak")


async def audit_as_enqueuer(kernel: Kernel, payload: dict[str, Any]) -> None:
    job = current_job()
    assert job is not None
    await kernel.audit(
        job.scope_code, actor=job.actor, action="export", entity="job", entity_id=job.id
    )


async def dawdle(kernel: Kernel, payload: dict[str, Any]) -> None:
    await asyncio.sleep(payload.get("seconds", SLOW_SECONDS))
    await Note.insert(Note(text="selesai pelan"))


def chores() -> Any:
    """A plugin with one job of each kind the tests need."""
    return plugin(
        "chores",
        kampung_jobs=lambda: [
            Job("chores.note", write_note),
            Job("chores.count", count_notes),
            Job("chores.fail", break_down, max_attempts=3, backoff=timedelta(0)),
            Job("chores.audit", audit_as_enqueuer),
            Job("chores.slow", dawdle, timeout=timedelta(seconds=30)),
            Job("chores.hang", dawdle, max_attempts=1, timeout=timedelta(seconds=0.2)),
        ],
    )


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    return [sample_plugin, chores()]


async def run_jobs(kernel: Kernel, *job_ids: int, concurrency: int = 2) -> None:
    """Run a worker (the database's own kind) until these jobs are finished."""
    worker = make_worker(kernel, concurrency)
    running = asyncio.create_task(worker.run())
    try:
        async with asyncio.timeout(30):
            while not await all_finished(kernel, job_ids):
                await asyncio.sleep(0.05)
    finally:
        worker.stop()
        await running


async def all_finished(kernel: Kernel, job_ids: tuple[int, ...]) -> bool:
    for job_id in job_ids:
        status = await job_status(kernel, job_id)
        if status is None or not status.finished:
            return False
    return True


async def notes_of(kampung, code: str) -> list[str]:
    async with kampung.scope(code):
        return [row["text"] for row in await Note.select(Note.text).order_by(Note.id)]


async def test_a_job_enqueued_in_a_rolled_back_transaction_does_not_exist(kampung) -> None:
    village = await kampung.village(0)
    with pytest.raises(RuntimeError, match="batal"):
        async with kampung.scope(village.code):
            job_id = await enqueue(
                kampung.kernel, "chores.note", {"text": "x"}, village_code=village.code
            )
            raise RuntimeError("batal")
    assert await job_status(kampung.kernel, job_id) is None
    if kampung.kernel.database.is_postgres:
        rows = await kampung.kernel.engine.run_ddl("SELECT count(*) AS n FROM pgqueuer")
        assert rows[0]["n"] == 0


async def test_a_committed_job_runs_once_in_its_village(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        job_id = await enqueue(
            kampung.kernel, "chores.note", {"text": "dari antrean"}, village_code=village.code
        )
    queued = await job_status(kampung.kernel, job_id)
    assert queued is not None and (queued.status, queued.attempts) == ("queued", 0)
    await run_jobs(kampung.kernel, job_id)
    done = await job_status(kampung.kernel, job_id)
    assert done is not None
    assert (done.status, done.attempts, done.error) == ("done", 1, "")
    assert done.finished_at is not None
    assert await notes_of(kampung, village.code) == ["dari antrean"]


async def test_a_failing_job_is_retried_then_failed_with_its_error(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        job_id = await enqueue(kampung.kernel, "chores.fail", {}, village_code=village.code)
    await run_jobs(kampung.kernel, job_id)
    failed = await job_status(kampung.kernel, job_id)
    assert failed is not None
    assert (failed.status, failed.attempts, failed.max_attempts) == ("failed", 3, 3)
    assert failed.error == "ValueError: berkas rusak"
    assert await notes_of(kampung, village.code) == [], "each failed attempt rolled back"


async def test_an_attempt_past_its_timeout_fails(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        job_id = await enqueue(
            kampung.kernel, "chores.hang", {"seconds": 5}, village_code=village.code
        )
    await run_jobs(kampung.kernel, job_id)
    failed = await job_status(kampung.kernel, job_id)
    assert failed is not None and failed.status == "failed"
    assert failed.error.startswith("TimeoutError")


async def test_a_retried_request_with_a_dedupe_key_enqueues_once(kampung) -> None:
    village = await kampung.village(0)
    ids = []
    for _ in range(2):
        async with kampung.scope(village.code):
            ids.append(
                await enqueue(
                    kampung.kernel,
                    "chores.note",
                    {"text": "sekali saja"},
                    village_code=village.code,
                    dedupe_key="impor-17",
                )
            )
    assert ids[0] == ids[1]
    await run_jobs(kampung.kernel, ids[0])
    async with kampung.scope(village.code):
        again = await enqueue(
            kampung.kernel, "chores.note", {"text": "lagi"}, village_code=village.code,
            dedupe_key="impor-17",
        )  # fmt: skip
    assert again == ids[0], "a finished job still answers for its key"
    assert await notes_of(kampung, village.code) == ["sekali saja"]


async def test_a_job_sees_only_its_villages_rows(kampung) -> None:
    mine, theirs = await kampung.village(0), await kampung.village(1)
    async with kampung.scope(theirs.code):
        await Note.insert(Note(text="rahasia"), Note(text="rahasia juga"))
    async with kampung.scope(mine.code):
        await Note.insert(Note(text="milik sendiri"))
        job_id = await enqueue(kampung.kernel, "chores.count", {}, village_code=mine.code)
    await run_jobs(kampung.kernel, job_id)
    assert await notes_of(kampung, mine.code) == ["milik sendiri", "terlihat 1"]
    assert await notes_of(kampung, theirs.code) == ["rahasia", "rahasia juga"]


async def test_a_jobs_audit_entries_name_who_enqueued_it(kampung) -> None:
    from core.audit.tables import AuditEntry

    village = await kampung.village(0)
    async with kampung.scope(village.code):
        job_id = await enqueue(
            kampung.kernel, "chores.audit", {}, village_code=village.code, actor="user:7"
        )
    await run_jobs(kampung.kernel, job_id)
    async with kampung.scope(village.code):
        entry = (
            await AuditEntry.select(AuditEntry.actor, AuditEntry.entity_id)
            .where(AuditEntry.action == "export")
            .first()
        )
    assert entry == {"actor": "user:7", "entity_id": str(job_id)}


async def test_a_job_due_later_waits(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        later = await enqueue(
            kampung.kernel, "chores.note", {"text": "nanti"}, village_code=village.code,
            run_after=timedelta(hours=1),
        )  # fmt: skip
        now = await enqueue(
            kampung.kernel, "chores.note", {"text": "sekarang"}, village_code=village.code
        )
    await run_jobs(kampung.kernel, now)
    waiting = await job_status(kampung.kernel, later)
    assert waiting is not None and waiting.status == "queued"
    assert await notes_of(kampung, village.code) == ["sekarang"]


async def test_enqueue_outside_a_transaction_or_of_an_unknown_job_is_refused(kampung) -> None:
    village = await kampung.village(0)
    with pytest.raises(JobError, match="enqueue inside the transaction"):
        await enqueue(kampung.kernel, "chores.note", {}, village_code=village.code)
    async with kampung.scope(village.code):
        with pytest.raises(JobError, match=r"job chores\.nothing: no loaded plugin declares it"):
            await enqueue(kampung.kernel, "chores.nothing", {}, village_code=village.code)


def test_a_job_declared_twice_or_misnamed_stops_naming_the_plugin(kampung) -> None:
    from core.kernel import load_plugins

    again = plugin("again", kampung_jobs=lambda: [Job("chores.note", write_note)])
    registry = load_plugins(kampung.settings, [chores(), again])
    with pytest.raises(JobError, match=r"^plugin again: job 'chores\.note' must be named"):
        JobCatalog.from_registry(registry)
    twice = plugin(
        "twice",
        kampung_jobs=lambda: [Job("twice.go", write_note), Job("twice.go", write_note)],
    )
    registry = load_plugins(kampung.settings, [twice])
    with pytest.raises(JobError, match=r"^plugin twice: job twice\.go is declared twice"):
        JobCatalog.from_registry(registry)
