"""PostgreSQL's workers race for jobs through pgqueuer's locks: each job runs once."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest
from sample_tenant import plugin as sample_plugin

from core.jobs import enqueue, job_status
from core.jobs.postgres import PostgresWorker
from tests.core.test_jobs_queue import all_finished, chores, notes_of

pytestmark = pytest.mark.skipif(
    os.environ.get("KAMPUNG_TEST_DATABASE") != "postgresql", reason="pgqueuer is PostgreSQL's"
)
JOBS = 24


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    return [sample_plugin, chores()]


async def test_two_racing_workers_run_each_committed_job_once(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        ids = [
            await enqueue(
                kampung.kernel, "chores.note", {"text": f"{n:02}"}, village_code=village.code
            )
            for n in range(JOBS)
        ]
    workers = [PostgresWorker(kampung.kernel, 4) for _ in range(2)]
    running = [asyncio.create_task(worker.run()) for worker in workers]
    try:
        async with asyncio.timeout(60):
            while not await all_finished(kampung.kernel, tuple(ids)):
                await asyncio.sleep(0.05)
    finally:
        for worker in workers:
            worker.stop()
        await asyncio.gather(*running)
    assert sorted(await notes_of(kampung, village.code)) == [f"{n:02}" for n in range(JOBS)]
    for job_id in ids:
        status = await job_status(kampung.kernel, job_id)
        assert status is not None and (status.status, status.attempts) == ("done", 1)
    logged = await kampung.kernel.engine.run_ddl(
        "SELECT count(*) AS n FROM pgqueuer_log WHERE status = 'successful'"
    )
    assert logged[0]["n"] == JOBS
