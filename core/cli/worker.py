"""`kampung worker`: run background jobs on this host until stopped.

Any number of workers may run, on any hosts that reach the database: on PostgreSQL pgqueuer's
locks give each job to one of them. SIGTERM or SIGINT stops taking jobs and lets the running
ones finish. A worker killed outright loses nothing: its attempt commits nothing, and the job is
taken up again once its lease (SQLite) or heartbeat (pgqueuer) runs out.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from core.config import Settings
from core.jobs import Worker, catalog_of, make_worker
from core.kernel import Kernel


def register(sub: argparse._SubParsersAction[Any]) -> None:
    worker = sub.add_parser("worker", help="run background jobs until stopped (SIGTERM)")
    worker.add_argument(
        "--concurrency", type=_positive, default=2, help="jobs run at once (default 2)"
    )
    worker.set_defaults(func=cmd_worker)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(run_worker(settings, args.concurrency))
    return 0


async def run_worker(
    settings: Settings,
    concurrency: int,
    *,
    quiet: bool = False,
    parent: int | None = None,
    extra_plugins: Iterable[Any] = (),
    ready: Callable[[], object] | None = None,
) -> None:
    """Run as the app's role, so a job's queries fall under Row-Level Security like a page's.

    With `parent` (a process id), stop as well when that process is gone, even killed outright.
    `extra_plugins` are loaded beside the installed ones, as `Kernel.build` takes them;
    `ready` is called once a signal would stop the worker cleanly.
    """
    kernel = Kernel.build(settings, extra_plugins)
    catalog = catalog_of(kernel)
    await kernel.database.start()
    try:
        worker = make_worker(kernel, concurrency)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, worker.stop)
        if ready is not None:
            ready()
        if not quiet:
            names = ", ".join(catalog.names) or "(no plugin declares a job)"
            print(f"kampung worker: {concurrency} at once; jobs: {names}", flush=True)
        watch = asyncio.create_task(_stop_without(parent, worker)) if parent else None
        await worker.run()
        if watch is not None:
            watch.cancel()
    finally:
        await kernel.database.close()
    if not quiet:
        print("kampung worker: stopped", flush=True)


READY_SECONDS = 30
"""How long `serve` waits for its runner to start before serving anyway."""


@contextmanager
def beside_the_app(settings: Settings) -> Iterator[None]:
    """A SQLite instance's runner for `kampung serve` and the demo, so a newcomer needs nothing
    else: one process beside uvicorn's, stopped with SIGTERM when the server stops.

    PostgreSQL instances run `kampung worker` themselves (as many as they need, on any host).
    """
    if settings.is_postgres:
        yield
        return
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Event()
    process = spawn.Process(
        target=_run_beside, args=(settings, os.getpid(), ready), name="kampung-worker", daemon=True
    )
    process.start()
    ready.wait(timeout=READY_SECONDS)
    try:
        yield
    finally:
        if process.is_alive():
            process.terminate()
        process.join(timeout=60)


def _run_beside(settings: Settings, parent: int, ready: Any) -> None:
    asyncio.run(run_worker(settings, 1, quiet=True, parent=parent, ready=ready.set))


async def _stop_without(parent: int, worker: Worker) -> None:
    while os.getppid() == parent:
        await asyncio.sleep(1)
    worker.stop()
