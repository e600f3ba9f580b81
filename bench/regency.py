"""The PostgreSQL regency the HTTP and write benchmarks run against, built once and reused.

Building a million residents takes minutes, so the database is kept between runs and rebuilt only
when it is missing or incomplete. Everything in it goes in through the project's own doors: the
register through `kampung population import`, staff accounts through `create_account`, one-door
requests through `validate_submission` and `submit_request`, so the rows look like production's.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from piccolo.query.functions.aggregate import Count

from bench.common import (
    PG_APP_ROLE,
    PG_SERVER,
    REGENCY,
    BenchDatabase,
    fresh_database,
    migrate_to_this_code,
    pg_admin,
    pg_row_count,
    register_file,
)
from core.auth.accounts import create_account
from core.auth.tables import User
from core.db import tenant_transaction
from core.kernel import Kernel
from core.tenancy.enablement import set_plugin, switched_on
from plugins.population.services.requests import submit_request, validate_submission
from plugins.population.tables import Resident, ServiceRequest

PASSWORD = "kampung-bench-password-2026"
OFFICER = "bench-officer"
"""Regency officer: the request queue and the regency statistics."""
OPERATOR = "bench-operator"
"""Village operator of the busiest village: search, detail, dashboard."""
COUNTER_PREFIX = "bench-counter-"
"""Village operators, one per village, submitting requests in the writes benchmark."""
COUNTERS = 32
SEEDED_REQUESTS = 3000
SEED_KINDS = ("ktp_el", "kia", "kk_perubahan", "akta_kematian", "pindah_keluar")


@dataclass(frozen=True)
class Regency:
    database: BenchDatabase
    residents: int
    busiest_village: str
    """Code of the village with the most residents: the operator's village."""
    counter_villages: tuple[str, ...]
    """One village per writes-benchmark counter user, `bench-counter-<i>`."""


def pg_database(name: str) -> BenchDatabase:
    """The bench database `name` as it stands, with the same roles as `fresh_database`."""
    host = PG_SERVER.split("://", 1)[1].split("@", 1)[-1]
    return BenchDatabase(
        "postgresql", f"postgresql://{PG_APP_ROLE}@{host}/{name}", f"{PG_SERVER}/{name}"
    )


def regency(residents: int) -> Regency:
    """The regency of `residents` residents with its users and seeded requests, built if needed.

    Ends with ANALYZE: a production cluster's autovacuum would have analysed the tables minutes
    after the import, and without statistics the planner's choices are not production's."""
    name = f"bench_http_{residents}"
    database = pg_database(name)
    present = asyncio.run(pg_row_count(database, "population_resident"))
    if present is None or present < residents * 0.95:
        database = fresh_database("postgresql", name)
        _import(database, residents)
    else:
        print(f"reusing database {name} ({present:,} residents)")
        asyncio.run(migrate_to_this_code(database))
    built = asyncio.run(_seed(database, residents))
    asyncio.run(pg_admin("ANALYZE", database=name))
    return built


def _import(database: BenchDatabase, residents: int) -> None:
    source = register_file(residents)
    started = time.perf_counter()
    command = [
        str(Path(sys.executable).with_name("kampung")),
        "population",
        "import",
        str(source),
        "--village",
        "ALL",
    ]
    result = subprocess.run(command, env=database.environ(), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"import failed with exit code {result.returncode}")
    print(f"imported {source} in {time.perf_counter() - started:.0f} s")
    print(result.stdout.strip())


async def _seed(database: BenchDatabase, residents: int) -> Regency:
    kernel = Kernel.build(database.settings(as_owner=True))
    await kernel.database.start()
    try:
        villages = await _villages_by_size()
        busiest, counters = villages[0], tuple(villages[1 : COUNTERS + 1])
        async with tenant_transaction(kernel.engine, REGENCY):
            enabled = await _enable_population(kernel, villages)
            await _account(OFFICER, "regency_officer", REGENCY)
            await _account(OPERATOR, "village_operator", busiest)
            for index, code in enumerate(counters):
                await _account(f"{COUNTER_PREFIX}{index}", "village_operator", code)
        if enabled:
            print(f"population switched on in {enabled} villages")
        await _seed_requests(kernel, villages)
    finally:
        await kernel.database.close()
    return Regency(database, residents, busiest, counters)


async def _villages_by_size() -> list[str]:
    async with tenant_transaction(Resident._meta.db, REGENCY):
        rows = await Resident.select(Resident.village_code, Count(alias="n")).group_by(
            Resident.village_code
        )
    ranked = sorted(rows, key=lambda row: (-row["n"], row["village_code"]))
    return [row["village_code"] for row in ranked]


async def _enable_population(kernel: Kernel, villages: list[str]) -> int:
    changed = 0
    for code in villages:
        async with tenant_transaction(kernel.engine, code):
            if "population" not in await switched_on(code):
                await set_plugin(kernel.registry, code, "population", True, "bench")
                changed += 1
    return changed


async def _account(username: str, role: str, scope: str) -> None:
    if not await User.exists().where(User.username == username):
        await create_account(username, username.title(), PASSWORD, [(role, scope)])


async def _seed_requests(kernel: Kernel, villages: list[str]) -> None:
    """A few thousand requests spread over the villages, through the service functions."""
    async with tenant_transaction(kernel.engine, REGENCY):
        present = await ServiceRequest.count().where(
            ServiceRequest.idempotency_key.like("%:seed-%")
        )
    if present >= SEEDED_REQUESTS:
        return
    chooser = random.Random(7)
    now = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    for index in range(present, SEEDED_REQUESTS):
        village = chooser.choice(villages)
        async with tenant_transaction(kernel.engine, village):
            person = (
                await Resident.select(Resident.nik, Resident.name)
                .where((Resident.village_code == village) & (Resident.status == 1))
                .offset(chooser.randrange(50))
                .first()
            )
            if person is None:
                continue
            kind = chooser.choice(SEED_KINDS)
            moment = now - dt.timedelta(hours=chooser.randrange(24 * 30))
            values = {
                "kind": kind,
                "nik": person["nik"],
                "applicant_name": person["name"],
                "idempotency_key": f"seed-{index}",
                "tanggal_kematian": (moment.date() - dt.timedelta(days=3)).isoformat(),
                "alamat_tujuan": "Jl. Raya Jember 12, Jember",
            }
            submission = await validate_submission(village, values, "loket", moment.date())
            await submit_request(kernel, village, submission, [], "bench", moment)
    print(f"seeded {SEEDED_REQUESTS - present} requests in {time.perf_counter() - started:.0f} s")
