"""Resident search on one very large village: word-start names and last digits, beside a NIK lookup.

    python -m bench.resident_search [--residents 1000000] [--database postgresql|sqlite]

Every resident goes into one village, the worst case: the register's filters cannot lean on a
village being small. Families of four, names drawn from the Javanese and Madurese pools of the
synthetic regency, plus a few planted residents (SITI AMINAH, …). Rows are written the way the
bulk importer writes them (COPY on PostgreSQL as the owner, `executemany` on SQLite), so the
triggers of `population_search_key` do the indexing, then `ANALYZE` on PostgreSQL as the
importer does. Each search then runs through `search_residents` (the count and the first page of
50), as the list page runs it, connected as the app role so Row-Level Security applies on
PostgreSQL. The reference, in the same run on the same data: the exact 16-digit NIK lookup
through the same function, which the unique NIK index answers. Each line shows the median of
`--repeat` runs, its ratio to the reference, and the indexes the plan of the first page reads.
Target: every search under 250 ms at a million residents.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import sqlite3
import statistics
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from random import Random

import asyncpg

from bench.common import (
    DATABASES,
    BenchDatabase,
    bench_database,
    fresh_database,
    machine,
    verdict,
)
from core.db import tenant_transaction
from core.kernel import Kernel
from core.localtime import local_today
from plugins.population.register.residents import load_resident
from plugins.population.register.search import (
    filter_conditions,
    read_filter,
    search_residents,
    sort_key,
)
from plugins.population.synthetic.names import JAVANESE, MADURESE, draw_name
from plugins.population.tables import Resident

VILLAGE = "35.10.01.2001"
DEFAULT_RESIDENTS = 100_000
TARGET_MS = 250.0
FAMILY_SIZE = 4
PLANTED = ("SITI AMINAH", "AMINAH WATI", "NUR AMINAH SAFITRI", "MOH. KHOLILURRAHMAN")
FAMILY_COLUMNS = ("id", "village_code", "kk_number", "address", "dusun", "rw", "rt", "active",
                  "created_at", "version")  # fmt: skip
_INDEX = re.compile(r"(?:Scan using|USING (?:COVERING )?INDEX) (\w+)|(INTEGER PRIMARY KEY)")
RESIDENT_COLUMNS = ("id", "village_code", "family", "nik", "nik_temporary", "nik_needs_check",
                    "name", "name_key", "sex", "birth_place", "birth_date", "citizenship",
                    "father_nik", "father_name", "mother_nik", "mother_name", "phone", "documents",
                    "dusun", "rw", "rt", "address", "status", "version", "created_at",
                    "updated_at")  # fmt: skip


def _nik(serial: int) -> str:
    return f"351001{serial % 10**10:010d}"


def _kk(family: int) -> str:
    return f"351001{(family * 7919) % 10**10:010d}"


def families(residents: int) -> Iterator[tuple[object, ...]]:
    now = dt.datetime.now(dt.UTC)
    for family in range(1, residents // FAMILY_SIZE + 2):
        rt = f"{1 + family % 20:03d}"
        yield (family, VILLAGE, _kk(family), "", "KRAJAN", "001", rt, True, now, 1)


def residents(count: int, seed: int = 1) -> Iterator[tuple[object, ...]]:
    rng = Random(seed)
    now = dt.datetime.now(dt.UTC)
    for serial in range(1, count + 1):
        female = serial % 2 == 0
        born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(80 * 365))
        pool = JAVANESE if serial % 3 else MADURESE
        name = (
            PLANTED[serial - 1]
            if serial <= len(PLANTED)
            else draw_name(rng, pool, female, born.year)
        )
        family = 1 + (serial - 1) // FAMILY_SIZE
        yield (
            serial, VILLAGE, family, _nik(serial), False, False, name, name.lower(),
            2 if female else 1, "", born, 1, "", "", "", "", "", "{}", "KRAJAN", "001",
            f"{1 + family % 20:03d}", "", 1, 1, now, now,
        )  # fmt: skip


async def load_postgres(database: BenchDatabase, count: int) -> None:
    connection = await asyncpg.connect(database.owner_url)
    try:
        await connection.copy_records_to_table(
            "population_family", records=families(count), columns=FAMILY_COLUMNS
        )
        await connection.copy_records_to_table(
            "population_resident", records=residents(count), columns=RESIDENT_COLUMNS
        )
        for table in ("population_family", "population_resident"):
            await connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
        # What autovacuum would have done by the time anyone searches: statistics for the
        # planner and the visibility map that lets the terms index answer without the table.
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()


def _sqlite_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def load_sqlite(database: BenchDatabase, count: int) -> None:
    assert database.sqlite_path is not None
    connection = sqlite3.connect(database.sqlite_path)
    try:
        for table, columns, rows in (
            ("population_family", FAMILY_COLUMNS, families(count)),
            ("population_resident", RESIDENT_COLUMNS, residents(count)),
        ):
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                (tuple(_sqlite_value(v) for v in row) for row in rows),
            )
        connection.commit()
    finally:
        connection.close()


@dataclass(frozen=True)
class Search:
    label: str
    params: dict[str, str]


def searches(count: int) -> list[Search]:
    last = count - 7
    family = 1 + (last - 1) // FAMILY_SIZE
    return [
        Search("whole NIK", {"nik": _nik(last)}),
        Search("word inside the name", {"q": "aminah"}),
        Search("two word starts", {"q": "siti ami"}),
        Search("common first word", {"q": "siti"}),
        Search("rare word", {"q": "kholilurrahman"}),
        Search("NIK or KK, last 6", {"q": _nik(last)[-6:]}),
        Search("KK, last 6 digits", {"kk": _kk(family)[-6:]}),
    ]


@dataclass(frozen=True)
class Timing:
    search: Search
    median_ms: float
    total: int
    indexes: str


async def _plan_indexes(kernel: Kernel, params: dict[str, str]) -> str:
    """The indexes the plans of the first page and of the count read."""
    where = filter_conditions(VILLAGE, read_filter(params), local_today())
    page = Resident.select(Resident.id).where(where).order_by(sort_key(read_filter(params)))
    queries = [str(page.limit(50)), str(Resident.count().where(where))]
    postgres = kernel.engine.engine_type == "postgres"
    found: set[str] = set()
    for sql in queries:
        explain = ("EXPLAIN " if postgres else "EXPLAIN QUERY PLAN ") + sql
        for row in await kernel.engine.run_ddl(explain):
            text = " ".join(map(str, row.values()))
            found.update(m.group(1) or m.group(2) for m in _INDEX.finditer(text))
    return ", ".join(sorted(found)) or "-"


async def _median_ms(read: Callable[[], Awaitable[object]], repeat: int) -> float:
    await read()
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        await read()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds) * 1000


async def measure(database: BenchDatabase, count: int, repeat: int) -> tuple[float, list[Timing]]:
    """The reference (one resident read by id, the cheapest indexed read) and each search."""
    kernel = Kernel.build(database.settings())
    await kernel.database.start()
    today = local_today()
    timings = []
    try:
        async with tenant_transaction(kernel.engine, VILLAGE):
            reference = await _median_ms(lambda: load_resident(VILLAGE, count - 7), repeat)
        for search in searches(count):
            f = read_filter(search.params)
            assert not f.errors, f.errors
            async with tenant_transaction(kernel.engine, VILLAGE):
                total = (await search_residents(VILLAGE, f, today)).total
                median = await _median_ms(lambda f=f: search_residents(VILLAGE, f, today), repeat)
                indexes = await _plan_indexes(kernel, search.params)
            timings.append(Timing(search, median, total, indexes))
    finally:
        await kernel.database.close()
    return reference, timings


def run(kind: str, count: int, repeat: int, reuse: bool) -> tuple[float, list[Timing]]:
    if reuse:
        print(f"{kind}: reusing bench_search_{count}")
        return asyncio.run(measure(bench_database(kind, f"bench_search_{count}"), count, repeat))
    database = fresh_database(kind, f"bench_search_{count}")
    started = time.perf_counter()
    if kind == "postgresql":
        asyncio.run(load_postgres(database, count))
    else:
        load_sqlite(database, count)
    print(f"{kind}: loaded {count:,} residents in {time.perf_counter() - started:.1f} s")
    return asyncio.run(measure(database, count, repeat))


def print_table(kind: str, count: int, reference: float, timings: list[Timing]) -> bool:
    print(f"\n{kind}, {count:,} residents in one village")
    print(f"{'search':<22} {'matches':>9} {'median ms':>10} {'× ref':>7}  indexes (page, count)")
    print("-" * 100)
    print(f"{'reference: id lookup':<22} {1:>9,} {reference:>10.2f} {1.0:>7.1f}  primary key")
    for t in timings:
        ratio = t.median_ms / reference if reference else 0.0
        line = f"{t.search.label:<22} {t.total:>9,} {t.median_ms:>10.2f} {ratio:>7.1f}"
        print(f"{line}  {t.indexes}")
    slowest = max(t.median_ms for t in timings)
    passed = slowest <= TARGET_MS
    print(
        f"{kind}: slowest search {slowest:.1f} ms (target ≤{TARGET_MS:.0f} ms): {verdict(passed)}"
    )
    return passed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.resident_search", description=__doc__)
    parser.add_argument("--residents", type=int, default=DEFAULT_RESIDENTS)
    parser.add_argument("--database", choices=DATABASES, action="append")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database an earlier run loaded"
    )
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    for kind in args.database or DATABASES:
        print_table(kind, args.residents, *run(kind, args.residents, args.repeat, args.reuse))


if __name__ == "__main__":
    main()
