"""Benchmark 1: a regency's register through the real importer, beside a raw load of the same file.

    python -m bench.imports --residents 1000000 [--database postgresql|sqlite]

The importer runs as regency IT runs it (`kampung population import FILE --village ALL`), in a
child process whose peak memory is sampled with its worker processes. The reference is measured
in the same run on the same machine: on PostgreSQL a `COPY` of the same CSV into a table of the
same columns (no parsing, no checks: the database's own floor); on SQLite, the standard library's
csv reader and one `executemany` into such a table. The ratio is reference time / import time.

The imported databases are kept (`bench_register`) for the export and HTTP benchmarks.
"""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from bench.common import (
    BENCH_DIR,
    BenchDatabase,
    fresh_database,
    machine,
    per_database_main,
    register_file,
    run_measured,
    verdict,
)

DATABASE_NAME = "bench_register"
SECONDS_TARGET = {"postgresql": 30.0, "sqlite": 90.0}
RATIO_TARGET = {"postgresql": 1 / 3}
RSS_TARGET_MB = 400.0
_RAW_TABLE = "bench_raw_register"


@dataclass(frozen=True)
class ImportFigures:
    database: str
    rows: int
    seconds: float
    peak_rss_mb: float
    reference_seconds: float

    @property
    def ratio(self) -> float:
        return self.reference_seconds / self.seconds

    def met(self) -> bool:
        return (
            self.seconds <= SECONDS_TARGET[self.database]
            and self.ratio >= RATIO_TARGET.get(self.database, 0.0)
            and self.peak_rss_mb <= RSS_TARGET_MB
        )


def _columns(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


async def _pg_copy(database: BenchDatabase, path: Path) -> float:
    columns = ", ".join(f'"{name}" text' for name in _columns(path))
    connection = await asyncpg.connect(database.owner_url)
    try:
        await connection.execute(f'DROP TABLE IF EXISTS "{_RAW_TABLE}"')
        await connection.execute(f'CREATE TABLE "{_RAW_TABLE}" ({columns})')
        started = time.perf_counter()
        await connection.copy_to_table(_RAW_TABLE, source=path, format="csv", header=True)
        seconds = time.perf_counter() - started
        await connection.execute(f'DROP TABLE "{_RAW_TABLE}"')
        return seconds
    finally:
        await connection.close()


def _sqlite_load(path: Path) -> float:
    scratch = BENCH_DIR / f"{_RAW_TABLE}.sqlite3"
    scratch.unlink(missing_ok=True)
    names = _columns(path)
    connection = sqlite3.connect(scratch)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(f"CREATE TABLE {_RAW_TABLE} ({', '.join(f'{n!r} text' for n in names)})")
        started = time.perf_counter()
        with path.open(encoding="utf-8", newline="") as handle, connection:
            rows = csv.reader(handle)
            next(rows)
            marks = ", ".join("?" for _ in names)
            connection.executemany(f"INSERT INTO {_RAW_TABLE} VALUES ({marks})", rows)
        return time.perf_counter() - started
    finally:
        connection.close()
        scratch.unlink(missing_ok=True)


def reference_seconds(database: BenchDatabase, path: Path) -> float:
    if database.kind == "postgresql":
        return asyncio.run(_pg_copy(database, path))
    return _sqlite_load(path)


def import_regency(database: BenchDatabase, path: Path) -> tuple[float, float, dict]:
    """(seconds, peak RSS in MB, JSON report) of the real import command."""
    measured = run_measured(
        [
            str(Path(sys.executable).parent / "kampung"),
            "population",
            "import",
            str(path),
            "--village",
            "ALL",
            "--json",
        ],
        env=database.environ(),
    )
    return measured.seconds, measured.peak_rss_mb, json.loads(measured.stdout)


def run(kind: str, residents: int) -> ImportFigures:
    path = register_file(residents)
    database = fresh_database(kind, DATABASE_NAME)
    reference = reference_seconds(database, path)
    seconds, peak, report = import_regency(database, path)
    created = report["residents"]["created"]
    if created + report["rejection_count"] != residents or report["rejection_count"]:
        raise SystemExit(f"{kind}: import created {created} of {residents} residents: {report}")
    return ImportFigures(kind, residents, seconds, peak, reference)


def print_table(results: list[ImportFigures]) -> None:
    print(f"machine: {machine()}")
    header = (
        f"{'database':<11}{'rows':>10}{'import s':>10}{'rows/s':>10}{'ref s':>8}"
        f"{'ref rows/s':>12}{'ratio':>7}{'RSS MB':>8}  targets"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        target = f"≤{SECONDS_TARGET[r.database]:.0f} s"
        if r.database in RATIO_TARGET:
            target += f", ratio ≥{RATIO_TARGET[r.database]:.2f}"
        print(
            f"{r.database:<11}{r.rows:>10,}{r.seconds:>10.1f}{r.rows / r.seconds:>10,.0f}"
            f"{r.reference_seconds:>8.1f}{r.rows / r.reference_seconds:>12,.0f}{r.ratio:>7.2f}"
            f"{r.peak_rss_mb:>8.0f}  {target}, RSS ≤{RSS_TARGET_MB:.0f} MB: {verdict(r.met())}"
        )
    summary = "; ".join(
        f"{r.database} {r.rows:,} rows in {r.seconds:.0f} s ({r.ratio:.2f}× raw load, "
        f"{r.peak_rss_mb:.0f} MB) {verdict(r.met())}"
        for r in results
    )
    print(f"import: {summary}")


def main(argv: list[str] | None = None) -> None:
    per_database_main("python -m bench.imports", __doc__, run, print_table, argv)


if __name__ == "__main__":
    main()
