"""PostgreSQL stopped and restarted while clerks keep submitting requests (issue 4).

    python -m bench.faults                        # own cluster <version>/kampung_faults, port 5433
    python -m bench.faults --stop-mode immediate  # a crash instead of a clean shutdown

The app runs as in production (`kampung serve --workers 2`) on a fresh database; concurrent
writers, signed in as a village operator, submit one-door requests over the JSON API, each with
its own idempotency key, and mark each accepted one `lengkap`. After a few seconds the database
server is stopped, kept down, and started again; the app is never restarted. It passes when the
outage is answered with quick 503s carrying Retry-After, the app serves again by itself, every
write a client was told succeeded is stored exactly once and whole, and the audit chains verify.

Stopping a server cuts off everyone on it, so the default is a cluster of its own, created on
first use (`--cluster`, `--pg-port` or KAMPUNG_FAULTS_CLUSTER, KAMPUNG_FAULTS_PG_PORT). On a
machine where nobody else uses it, `--cluster 15/main --pg-port 5432` drives the main cluster.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx

from bench.common import BENCH_DIR, BenchDatabase, fresh_database
from bench.fault_checks import check_writes, confirmed_writes
from bench.fault_load import OPERATOR, PASSWORD, Run, sign_in, writer
from bench.fault_report import AppHealth, Timings, report
from bench.pgcluster import STOP_MODES, Cluster, installed_version

DATABASE_NAME = "kampung_faults"


async def accepting(url: str) -> float:
    """When the server first accepts a connection (polled every 50 ms)."""
    while True:
        try:
            connection = await asyncpg.connect(f"{url}/postgres", timeout=1)
        except (OSError, asyncpg.PostgresError):
            await asyncio.sleep(0.05)
            continue
        await connection.close()
        return time.perf_counter()


async def drive(run: Run, cluster: Cluster, args: argparse.Namespace) -> Timings:
    run.enter("before")
    await asyncio.sleep(args.warmup)
    run.enter("outage")
    await asyncio.to_thread(cluster.stop, args.stop_mode)
    stop_seconds = time.perf_counter() - run.started_at["outage"]
    await asyncio.sleep(args.outage)
    run.enter("restart")
    up = asyncio.create_task(accepting(cluster.url))
    await asyncio.to_thread(cluster.start)
    run.enter("recovery")
    start_seconds = run.started_at["recovery"] - run.started_at["restart"]
    try:
        await asyncio.wait_for(run.recovered.wait(), args.recovery_timeout)
        first = min(
            o.finished for o in run.outcomes if o.success and o.phase in ("restart", "recovery")
        )
        recovery: float | None = max(0.0, first - await up)
    except TimeoutError:
        recovery = None
    up.cancel()
    run.enter("after")
    await asyncio.sleep(args.settle)
    run.finished = True
    return Timings(stop_seconds, start_seconds, recovery)


async def exercise(
    base_url: str, api: str, cluster: Cluster, args: argparse.Namespace
) -> tuple[Run, Timings]:
    run = Run()
    signed = await sign_in(base_url)
    clients = [
        httpx.AsyncClient(
            base_url=base_url, cookies=signed.cookies, headers=signed.headers, timeout=30
        )
        for _ in range(args.writers)
    ]
    try:
        writers = [asyncio.create_task(writer(c, api, i, run)) for i, c in enumerate(clients)]
        timings = await drive(run, cluster, args)
        await asyncio.gather(*writers)
    finally:
        for client in [signed, *clients]:
            await client.aclose()
    return run, timings


def start_app(database: BenchDatabase, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).with_name("kampung")), "serve", "--workers", "2"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            env=database.environ(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the app exited with {process.returncode}; see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/masuk", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"the app did not answer within 60 s; see {log}")


def stop_app(process: subprocess.Popen[bytes]) -> bool:
    """SIGTERM, as a service manager would; False when the app had to be killed."""
    process.terminate()
    try:
        process.wait(timeout=20)
        return True
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return False


def workers_of(pid: int) -> set[int]:
    """The uvicorn supervisor's children: a changed set means a worker was restarted."""
    children: set[int] = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as listing:
            children.update(int(child) for child in listing.read().split())
    return children


def kampung(database: BenchDatabase, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name("kampung")), *args],
        env=database.environ(),
        capture_output=True,
        text=True,
    )


async def first_village(owner_url: str) -> tuple[str, str]:
    connection = await asyncpg.connect(owner_url)
    try:
        row = await connection.fetchrow(
            "SELECT code, slug FROM core_village WHERE onboarded ORDER BY code LIMIT 1"
        )
    finally:
        await connection.close()
    return row["code"], row["slug"]


def prepare(cluster: Cluster) -> tuple[BenchDatabase, str, str]:
    """A fresh database on the cluster, the population plugin on in its first village, and an
    operator there; the database, the village's code and its slug."""
    cluster.ensure_running()
    database = fresh_database("postgresql", DATABASE_NAME, server=cluster.url)
    code, slug = asyncio.run(first_village(database.owner_url))
    operator = ("--name", "Operator Uji", "--role", "village_operator", "--scope", code)
    for command in (
        ("plugins", "enable", "population", "--village", code),
        ("user", "create", OPERATOR, *operator, "--password", PASSWORD),
    ):
        done = kampung(database, *command)
        if done.returncode != 0:
            raise SystemExit(f"kampung {' '.join(command[:2])} failed: {done.stderr}")
    return database, code, slug


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.faults", description=__doc__.split("\n")[0]
    )
    default_cluster = f"{installed_version()}/kampung_faults"
    parser.add_argument(
        "--cluster",
        default=os.environ.get("KAMPUNG_FAULTS_CLUSTER", default_cluster),
        help=f"version/name of the cluster to stop and start (default {default_cluster})",
    )
    parser.add_argument(
        "--pg-port", type=int, default=int(os.environ.get("KAMPUNG_FAULTS_PG_PORT", "5433"))
    )
    parser.add_argument("--app-port", type=int, default=8765)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--stop-mode", choices=STOP_MODES, default="fast")
    parser.add_argument("--warmup", type=float, default=4, help="seconds before the stop")
    parser.add_argument("--outage", type=float, default=5, help="seconds PG stays down")
    parser.add_argument("--settle", type=float, default=3, help="seconds after recovery")
    parser.add_argument("--recovery-timeout", type=float, default=60)
    args = parser.parse_args(argv)

    version, name = args.cluster.split("/", 1)
    cluster = Cluster(version, name, args.pg_port)
    database, code, slug = prepare(cluster)
    log = BENCH_DIR / "faults-app.log"
    app = start_app(database, args.app_port, log)
    try:
        workers = workers_of(app.pid)
        run, timings = asyncio.run(
            exercise(f"http://127.0.0.1:{args.app_port}", f"/api/v1/desa/{slug}", cluster, args)
        )
        workers_kept = app.poll() is None and workers_of(app.pid) == workers
    except BaseException:
        stop_app(app)
        raise
    health = AppHealth(workers_kept, stop_app(app))
    cluster.ensure_running()
    confirmed = confirmed_writes(run.outcomes)
    findings = asyncio.run(check_writes(database.owner_url, code, confirmed))
    verified = kampung(database, "audit", "verify")
    audit = (verified.stdout or verified.stderr).strip().removeprefix("audit: ")
    passed = report(run, timings, findings, audit, health, args)
    print(f"app log: {log}")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
