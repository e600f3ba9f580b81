"""Benchmark 4: the whole regency's register exported to CSV, beside a raw dump of the same rows.

    python -m bench.export --residents 1000000 [--database postgresql|sqlite]

The export runs as regency IT runs it (`kampung population export FILE --village ALL`) in a
child process whose peak memory is sampled. The reference, measured in the same run: on
PostgreSQL `COPY (SELECT …) TO STDOUT (FORMAT csv)` of the same columns into a file, on SQLite
the standard library's csv writer over one `SELECT`. Memory must stay flat: the same peak for a
tenth of the register as for all of it, which the run shows by exporting one village too.

Uses the database `bench.imports` left behind, importing the register first if it is missing.
"""

from __future__ import annotations

import asyncio
import csv
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from bench.common import (
    BENCH_DIR,
    BenchDatabase,
    bench_database,
    fresh_database,
    machine,
    per_database_main,
    register_file,
    run_measured,
    verdict,
)
from bench.imports import DATABASE_NAME, import_regency
from plugins.population.synthetic.sheet import OPENSID_COLUMNS

RSS_TARGET_MB = 400.0
FLAT_MARGIN_MB = 50.0
"""How much more the whole regency's export may take than one village's and still be flat."""
_COLUMNS = (
    "f.kk_number, r.nik, r.name, r.sex, r.birth_place, r.birth_date, r.religion, r.education, "
    "r.occupation, r.marital_status, r.relationship, r.citizenship, r.father_nik, "
    "r.father_name, r.mother_nik, r.mother_name, r.blood_type, r.disability, r.status, "
    "r.address, r.dusun, r.rw, r.rt"
)
_QUERY = (
    f"SELECT r.village_code, {_COLUMNS} FROM population_resident r "
    "JOIN population_family f ON f.id = r.family ORDER BY r.village_code, r.id"
)


@dataclass(frozen=True)
class ExportFigures:
    database: str
    rows: int
    seconds: float
    peak_rss_mb: float
    reference_seconds: float
    village_rows: int
    village_peak_rss_mb: float

    @property
    def ratio(self) -> float:
        return self.reference_seconds / self.seconds

    def met(self) -> bool:
        flat = self.peak_rss_mb <= self.village_peak_rss_mb + FLAT_MARGIN_MB
        return flat and self.peak_rss_mb <= RSS_TARGET_MB


async def _pg_count(database: BenchDatabase) -> int:
    try:
        connection = await asyncpg.connect(database.owner_url)
    except asyncpg.InvalidCatalogNameError:
        return 0
    try:
        return int(await connection.fetchval("SELECT count(*) FROM population_resident"))
    except asyncpg.UndefinedTableError:
        return 0
    finally:
        await connection.close()


def _resident_count(database: BenchDatabase) -> int:
    if database.kind == "postgresql":
        return asyncio.run(_pg_count(database))
    if database.sqlite_path is None or not database.sqlite_path.exists():
        return 0
    with sqlite3.connect(database.sqlite_path) as connection:
        try:
            return int(connection.execute("SELECT count(*) FROM population_resident").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def imported_register(kind: str, residents: int) -> BenchDatabase:
    """The database of `bench.imports` when it holds `residents`, otherwise made afresh."""
    database = bench_database(kind, DATABASE_NAME)
    if _resident_count(database) == residents:
        return database
    print(f"{kind}: importing {residents:,} residents first…", file=sys.stderr)
    database = fresh_database(kind, DATABASE_NAME)
    import_regency(database, register_file(residents))
    return database


async def _pg_dump(database: BenchDatabase, target: Path) -> float:
    connection = await asyncpg.connect(database.owner_url)
    try:
        started = time.perf_counter()
        await connection.copy_from_query(_QUERY, output=target, format="csv", header=True)
        return time.perf_counter() - started
    finally:
        await connection.close()


def _sqlite_dump(database: BenchDatabase, target: Path) -> float:
    assert database.sqlite_path is not None
    connection = sqlite3.connect(database.sqlite_path)
    try:
        started = time.perf_counter()
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("kode_desa", *OPENSID_COLUMNS))
            writer.writerows(connection.execute(_QUERY))
        return time.perf_counter() - started
    finally:
        connection.close()


def reference_seconds(database: BenchDatabase, target: Path) -> float:
    if database.kind == "postgresql":
        return asyncio.run(_pg_dump(database, target))
    return _sqlite_dump(database, target)


def export(database: BenchDatabase, target: Path, village: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, rows written) of the real export command."""
    measured = run_measured(
        [str(Path(sys.executable).parent / "kampung"), "population", "export", str(target),
         "--village", village],
        env=database.environ(),
    )  # fmt: skip
    return measured.seconds, measured.peak_rss_mb, int(measured.stdout.split()[0])


def _first_village(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        return next(rows)[0]


def run(kind: str, residents: int) -> ExportFigures:
    database = imported_register(kind, residents)
    out = BENCH_DIR / f"export-{kind}.csv"
    reference = reference_seconds(database, BENCH_DIR / f"export-{kind}-reference.csv")
    seconds, peak, rows = export(database, out, "ALL")
    if rows != residents:
        raise SystemExit(f"{kind}: exported {rows:,} of {residents:,} residents")
    village = _first_village(out)
    _, village_peak, village_rows = export(
        database, BENCH_DIR / f"export-{kind}-village.csv", village
    )
    for leftover in BENCH_DIR.glob(f"export-{kind}*.csv"):
        leftover.unlink()
    return ExportFigures(kind, rows, seconds, peak, reference, village_rows, village_peak)


def print_table(results: list[ExportFigures]) -> None:
    print(f"machine: {machine()}")
    header = (
        f"{'database':<11}{'rows':>10}{'export s':>10}{'rows/s':>10}{'ref s':>8}{'ratio':>7}"
        f"{'RSS MB':>8}{'1 village':>11}{'RSS MB':>8}  target"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.database:<11}{r.rows:>10,}{r.seconds:>10.1f}{r.rows / r.seconds:>10,.0f}"
            f"{r.reference_seconds:>8.1f}{r.ratio:>7.2f}{r.peak_rss_mb:>8.0f}"
            f"{r.village_rows:>11,}{r.village_peak_rss_mb:>8.0f}  "
            f"RSS ≤{RSS_TARGET_MB:.0f} MB and flat: {verdict(r.met())}"
        )
    summary = "; ".join(
        f"{r.database} {r.rows:,} rows in {r.seconds:.0f} s ({r.ratio:.2f}× raw dump), peak "
        f"{r.peak_rss_mb:.0f} MB vs {r.village_peak_rss_mb:.0f} MB for one village "
        f"{verdict(r.met())}"
        for r in results
    )
    print(f"export: {summary}")


def main(argv: list[str] | None = None) -> None:
    per_database_main("python -m bench.export", __doc__, run, print_table, argv)


if __name__ == "__main__":
    main()
