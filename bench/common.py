"""What the import and export benchmarks share: a fresh database of a synthetic regency, the
register file, the machine they ran on, and a child process timed with its peak memory.

A figure means something only beside a reference measured in the same run on the same machine,
so every helper here is about making the two measurements comparable.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import asyncpg

from core.config import Settings, load_settings
from core.db import tenant_transaction
from core.kernel import Kernel
from core.tenancy.onboarding import onboard
from core.tenancy.regions import import_regions
from core.tenancy.tables import Village
from plugins.population.synthetic import write_regency_csv

T = TypeVar("T")
REGENCY = "35.10"
"""Banyuwangi: 217 villages, big enough that a million residents is a realistic register."""
BENCH_DIR = Path("var/bench")
PG_SERVER = os.environ.get("KAMPUNG_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432")
PG_APP_ROLE = os.environ.get("KAMPUNG_BENCH_PG_APP_ROLE", "kampung_app")
SECRET = "kampung-bench-secret-key-of-sufficient-length"
DATABASES = ("postgresql", "sqlite")
_SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class BenchDatabase:
    """A migrated database of the regency, every village onboarded."""

    kind: str
    app_url: str
    owner_url: str
    sqlite_path: Path | None = None

    @property
    def pg_name(self) -> str:
        return self.owner_url.rsplit("/", 1)[1]

    def settings(self, *, as_owner: bool = False) -> Settings:
        url = self.owner_url if as_owner else self.app_url
        return load_settings(None, environ={}, **self._values(url))

    def environ(self) -> dict[str, str]:
        """The environment a `kampung` command of this instance runs with."""
        values = self._values(self.app_url)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KAMPUNG_")}
        env.update({f"KAMPUNG_{key.upper()}": str(value) for key, value in values.items()})
        return env

    def _values(self, url: str) -> dict[str, str]:
        return {
            "database_url": url,
            "database_owner_url": self.owner_url,
            "secret_key": SECRET,
            "regency_code": REGENCY,
            "data_dir": str(BENCH_DIR / "data"),
        }


def register_file(residents: int, seed: int = 1) -> Path:
    """The synthetic regency register as one CSV (with `kode_desa`), generated once and cached."""
    path = BENCH_DIR / f"regency-{REGENCY}-{residents}-s{seed}.csv"
    if not path.exists():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        report = write_regency_csv(partial, REGENCY, residents, seed=seed)
        partial.rename(path)
        print(f"generated {path} ({report.residents:,} rows) in {report.seconds:.1f} s")
    return path


async def pg_admin(*statements: str, database: str = "postgres", server: str = PG_SERVER) -> None:
    connection = await asyncpg.connect(f"{server}/{database}")
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


async def pg_row_count(database: BenchDatabase, table: str) -> int | None:
    """Rows in `table` of a PostgreSQL bench database; None while the database or the table is
    missing (a bench builds it then)."""
    try:
        connection = await asyncpg.connect(database.owner_url)
    except asyncpg.InvalidCatalogNameError:
        return None
    try:
        return int(await connection.fetchval(f'SELECT count(*) FROM "{table}"'))
    except asyncpg.UndefinedTableError:
        return None
    finally:
        await connection.close()


def bench_database(kind: str, name: str, server: str = PG_SERVER) -> BenchDatabase:
    """The bench database `name` as it is on disk or on `server` (it may not exist yet)."""
    if kind == "sqlite":
        path = BENCH_DIR / f"{name}.sqlite3"
        url = f"sqlite:///{path}"
        return BenchDatabase(kind, url, url, path)
    host = server.split("://", 1)[1].split("@", 1)[-1]
    return BenchDatabase(kind, f"postgresql://{PG_APP_ROLE}@{host}/{name}", f"{server}/{name}")


def fresh_database(kind: str, name: str, server: str = PG_SERVER) -> BenchDatabase:
    """Drop and recreate the bench database `name`, migrate it, import the regency's regions and
    onboard every village. PostgreSQL (on `server`, a URL without database): owned by the server's
    superuser, the app connecting as the non-owner role, so Row-Level Security applies as in
    production."""
    database = bench_database(kind, name, server)
    if database.sqlite_path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database.sqlite_path}{suffix}").unlink(missing_ok=True)
    else:
        asyncio.run(
            pg_admin(
                f"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{PG_APP_ROLE}') THEN CREATE ROLE {PG_APP_ROLE} LOGIN; END IF; END$$",
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                f'CREATE DATABASE "{name}"',
                server=server,
            )
        )
    asyncio.run(_prepare(database))
    return database


async def migrate_to_this_code(database: BenchDatabase) -> None:
    """Apply the migrations this checkout has that a reused bench database lacks."""
    kernel = Kernel.build(database.settings())
    await kernel.database.start()
    try:
        await kernel.migrate()
    finally:
        await kernel.database.close()


async def _prepare(database: BenchDatabase) -> None:
    kernel = Kernel.build(database.settings())
    await kernel.database.start()
    app, owner = kernel.database.engine, kernel.database.owner_engine
    try:
        await kernel.migrate()
        kernel.database.engine = owner
        kernel.database.bind(kernel.registry.piccolo_apps())
        await import_regions(REGENCY)
        async with tenant_transaction(owner, REGENCY):
            for row in await Village.select(Village.code).where(Village.code.like(f"{REGENCY}.%")):
                await onboard(kernel, row["code"], actor="bench")
    finally:
        kernel.database.engine = app
        await kernel.database.close()


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mb: float
    """Peak of the summed resident memory of the process and its children (sampled)."""
    stdout: str


def _tree_rss_kb(pid: int) -> int:
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def run_measured(command: Sequence[str], env: dict[str, str] | None = None) -> Measured:
    """Run `command`, timing it and sampling the summed RSS of its whole process tree, so worker
    processes count too (pages they share with their parent count twice: an upper bound)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            done.wait(_SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.stderr.write(stderr)
        raise SystemExit(f"{command[0]} failed with exit code {process.returncode}")
    return Measured(seconds, peak / 1024, stdout)


def per_database_main(
    prog: str,
    description: str | None,
    run: Callable[[str, int], T],
    print_table: Callable[[list[T]], None],
    argv: list[str] | None,
) -> None:
    """The command line of a benchmark measured once per database: `--residents`, `--database`."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--database", choices=DATABASES, action="append")
    args = parser.parse_args(argv)
    print_table([run(kind, args.residents) for kind in args.database or DATABASES])


def machine() -> str:
    """One line naming the machine, for the figures to be read against."""
    model = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    python = platform.python_version()
    return f"{os.cpu_count()} cores ({model}), {memory_gb:.0f} GB RAM, Python {python}"


def verdict(passed: bool) -> str:
    return "PASS" if passed else "GAP"
