"""`kampung worker` as its own process: it runs what the app enqueued, stops cleanly on SIGTERM
once its running job is done, and refuses bad input in one line; `serve` on SQLite starts one."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sample_tenant import plugin as sample_plugin

from core.cli.worker import beside_the_app
from core.jobs import enqueue, job_status
from core.testing.commands import command_environment, instance_config, run_kampung
from tests.core.test_jobs_queue import chores, notes_of

ROOT = Path(__file__).resolve().parents[2]
WORKER = (
    "import asyncio, sys\n"
    "from sample_tenant import plugin as sample\n"
    "from core.cli.worker import run_worker\n"
    "from core.config import load_settings\n"
    "from tests.core.test_jobs_queue import chores\n"
    "asyncio.run(run_worker(load_settings(sys.argv[1]), 1, extra_plugins=[sample, chores()]))\n"
)


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    return [sample_plugin, chores()]


def start_worker(config: Path) -> subprocess.Popen[str]:
    environment = command_environment()
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests" / "core")])
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(config)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def wait_for(kampung, job_id: int, status: str) -> None:
    async with asyncio.timeout(30):
        while (found := await job_status(kampung.kernel, job_id)) is None or (
            found.status != status
        ):
            await asyncio.sleep(0.05)


async def test_sigterm_lets_the_running_job_finish_then_the_worker_exits(kampung, tmp_path) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        job_id = await enqueue(kampung.kernel, "chores.slow", {}, village_code=village.code)
    worker = start_worker(instance_config(kampung.settings, tmp_path))
    try:
        await wait_for(kampung, job_id, "running")
        worker.send_signal(signal.SIGTERM)
        stdout, stderr = worker.communicate(timeout=30)
    finally:
        worker.kill()
    assert worker.returncode == 0, stderr
    assert stdout.splitlines()[-1] == "kampung worker: stopped"
    finished = await job_status(kampung.kernel, job_id)
    assert finished is not None and (finished.status, finished.attempts) == ("done", 1)
    assert await notes_of(kampung, village.code) == ["selesai pelan"]


def test_a_bad_concurrency_is_refused_with_exit_2(kampung, tmp_path) -> None:
    config = instance_config(kampung.settings, tmp_path)
    result = run_kampung("--config", str(config), "worker", "--concurrency", "nol", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith(
        "argument --concurrency: must be a whole number of at least 1, not 'nol'"
    )


@pytest.mark.skipif(
    os.environ.get("KAMPUNG_TEST_DATABASE") == "postgresql",
    reason="PostgreSQL instances run `kampung worker` themselves",
)
def test_serve_on_sqlite_runs_a_worker_beside_the_app_and_stops_it(kampung) -> None:
    before = set(multiprocessing.active_children())
    with beside_the_app(kampung.settings):
        (runner,) = set(multiprocessing.active_children()) - before
        assert runner.name == "kampung-worker"
        assert runner.is_alive()
    assert runner.exitcode == 0, "stopped by SIGTERM, it finished cleanly"
