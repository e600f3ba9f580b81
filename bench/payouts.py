"""Benchmark: 10,000 aid payouts at 20 counters, every payout sent twice, on PostgreSQL.

    .venv/bin/python -m bench.payouts [--payouts 10000] [--villages 10] [--reuse]

`--reuse` keeps the regency a previous run imported and adds a new programme to it.

A 300,000-resident regency is imported with the population importer. In each of ten villages a
programme's cycle is frozen, approved (its list signed) and started, as `social_aid.cycles` does
for an operator, a village head and a cashier, so 10,000 entitlements wait. Two counters serve
each village; each records every payout twice at once with the same slip, as two officers
scanning one slip (or one phone retrying) would. The run fails unless each entitlement is paid
exactly once, the payouts add up to the signed control totals and the ledger agrees with them.
The reference, measured in the same run at the same concurrency, is the cheapest write a request
makes: one row into a tenant table in its own scoped transaction.
Target: ≥ 200 payouts/s (a payout is the locked entitlement, the checks, the payout row, its
double-entry booking and its audit entry).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from piccolo.query.functions.aggregate import Count, Sum

from bench.common import (
    BenchDatabase,
    bench_database,
    fresh_database,
    machine,
    migrate_to_this_code,
    pg_admin,
    pg_row_count,
    register_file,
    verdict,
)
from core.db import tenant_transaction
from core.kernel import Kernel
from core.signing import SignerIdentity
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population import public as population
from plugins.population.tables import Resident
from plugins.social_aid.cycles import cycles, payouts
from plugins.social_aid.cycles.payouts import PayoutRefused
from plugins.social_aid.programmes import programmes
from plugins.social_aid.programmes.forms import ProgrammeData
from plugins.social_aid.tables import CycleDocument, LedgerEntry, Payout, Recipient

NAME = "bench_payouts"
RESIDENTS = 300_000
COUNTERS_PER_VILLAGE = 2
TARGET = 200.0
OPERATOR, HEAD, CASHIER = "bench-operator", "bench-head", "bench-cashier"
AMOUNT = 300_000


def _programme(code: str, per_village: int) -> ProgrammeData:
    return ProgrammeData(
        code=code,
        name="BLT Dana Desa (bench)",
        kind="tunai",
        owner_level="village",
        national=False,
        target="person",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        fund_source="Dana Desa",
        budget=AMOUNT * per_village * 12,
        amount=AMOUNT,
        amount_basis="target",
        amount_cap=0,
        cycles=12,
    )


def _import(database: BenchDatabase) -> None:
    source = register_file(RESIDENTS)
    command = [str(Path(sys.executable).with_name("kampung"))]
    command += ["population", "import", str(source), "--village", "ALL"]
    started = time.perf_counter()
    result = subprocess.run(command, env=database.environ(), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"import failed with exit code {result.returncode}")
    print(f"imported {RESIDENTS:,} residents in {time.perf_counter() - started:.0f} s")


async def _largest_villages(kernel: Kernel, regency: str, count: int) -> list[dict]:
    async with tenant_transaction(kernel.engine, regency):
        sizes = await Resident.select(Resident.village_code, Count(alias="n")).group_by(
            Resident.village_code
        )
        codes = [r["village_code"] for r in sorted(sizes, key=lambda r: -r["n"])[:count]]
        return await Village.select().where(Village.code.is_in(codes))


async def _recipients(code: str, programme: int, per_village: int, now: datetime) -> None:
    """The list a Musdesus approved, written in bulk: the setup, not what is measured."""
    ids = [
        row["id"]
        for row in await Resident.select(Resident.id)
        .where(Resident.village_code == code)
        .order_by(Resident.id)
        .limit(per_village * 2)
    ]
    people = [p for p in (await population.people(ids)).values() if p.living][:per_village]
    if len(people) < per_village:
        raise SystemExit(f"{code} has only {len(people)} living residents")
    rows = [
        Recipient(
            village_code=code,
            programme=programme,
            resident_id=person.id,
            family_id=person.family_id,
            nik=person.nik,
            kk_number=person.kk_number or "",
            name=person.name,
            birth_date=person.birth_date,
            dusun=person.dusun,
            members=1,
            source="deliberation",
            since=dt.date(2026, 1, 5),
            recorded_by=OPERATOR,
            recorded_at=now,
        )
        for person in people
    ]
    for start in range(0, len(rows), 500):
        await Recipient.insert(*rows[start : start + 500])


async def _disbursing_cycle(
    kernel: Kernel, village: dict, per_village: int
) -> tuple[list[str], int, int]:
    """A started cycle of `per_village` entitlements in `village`: their slip tokens, the
    cycle's programme and the cycle."""
    tenant, now = village_tenant(village), datetime.now(UTC)
    identity = SignerIdentity(
        id=f"bench-head-{village['code'].replace('.', '')}",
        name=HEAD,
        position=f"Kepala Desa {village['name']}",
        organisation=f"Pemerintah Desa {village['name']}",
    )
    async with tenant_transaction(kernel.engine, tenant.code):
        code = f"BLT-B{len(await programmes.programmes()) + 1}"
        programme = await programmes.create(
            kernel, tenant.code, _programme(code, per_village), OPERATOR, now
        )
        await _recipients(tenant.code, programme, per_village, now)
        cycle = await cycles.open_cycle(kernel, tenant.code, programme, OPERATOR, now)
        state = await cycles.load(cycle)
        assert state is not None
        starts = now.replace(hour=1, minute=0, second=0, microsecond=0)
        await cycles.add_slot(
            kernel, tenant.code, state, "Kantor Pos", "", starts, starts + dt.timedelta(hours=4),
            OPERATOR,
        )  # fmt: skip
    for action, actor in (("submit", OPERATOR), ("approve", HEAD), ("start", CASHIER)):
        async with tenant_transaction(kernel.engine, tenant.code):
            current = await cycles.load(cycle)
            assert current is not None
            await cycles.act(
                kernel, tenant, current, action, {}, actor=actor, identity=identity, now=now
            )
    async with tenant_transaction(kernel.engine, tenant.code):
        return [row["token"] for row in await cycles.entitlements(cycle)], programme, cycle


async def _pay(kernel: Kernel, code: str, token: str, counter: str) -> str:
    """One send in its own transaction: "paid", "refused" (paid before) or the error."""
    try:
        async with tenant_transaction(kernel.engine, code):
            await payouts.record(
                kernel, code, token, channel="counter", place="Kantor Pos", ktp_checked=True,
                officer=counter, now=datetime.now(UTC),
            )  # fmt: skip
        return "paid"
    except PayoutRefused as refused:
        return "refused" if "Sudah dibayar" in refused.message else refused.message


async def _counter(kernel: Kernel, code: str, tokens: list[str], name: str) -> list[str]:
    outcomes = []
    for token in tokens:
        twice = await asyncio.gather(*(_pay(kernel, code, token, name) for _ in range(2)))
        outcomes.extend(twice)
    return outcomes


async def _reference(kernel: Kernel, code: str, programme: int, writes: int, tasks: int) -> float:
    async def writer(n: int) -> None:
        for index in range(writes // tasks):
            async with tenant_transaction(kernel.engine, code):
                await Recipient.insert(
                    Recipient(
                        village_code=code, programme=programme, resident_id=-1, nik="0",
                        name=f"ref-{n}-{index}", source="reference", since=dt.date(2026, 1, 5),
                        recorded_by="bench", recorded_at=datetime.now(UTC),
                    )
                )  # fmt: skip

    start = time.perf_counter()
    await asyncio.gather(*(writer(n) for n in range(tasks)))
    return (writes // tasks * tasks) / (time.perf_counter() - start)


async def _checks(
    kernel: Kernel, regency: str, cycle_ids: list[int]
) -> tuple[int, int, int, int, bool]:
    """Of this run's cycles: payouts, entitlements paid twice, rupiah paid, rupiah the signed
    lists fixed, and whether the ledger agrees: every `due:` account of a paid entitlement back to
    zero, and the `paid:` accounts holding exactly the rupiah paid."""
    async with tenant_transaction(kernel.engine, regency):
        ours = Payout.entitlement.cycle.is_in(cycle_ids)
        paid = (
            await Payout.select(Payout.entitlement, Count(alias="n"))
            .where(ours)
            .group_by(Payout.entitlement)
        )
        rupiah = int((await Payout.select(Sum(Payout.amount)).where(ours))[0]["sum"] or 0)
        fixed = int(
            (
                await CycleDocument.select(Sum(CycleDocument.total)).where(
                    CycleDocument.cycle.is_in(cycle_ids)
                )
            )[0]["sum"]
            or 0
        )
        owed = {
            row["debit"]: int(row["total"])
            for row in await LedgerEntry.select(
                LedgerEntry.debit, Sum(LedgerEntry.amount).as_alias("total")
            )
            .where(LedgerEntry.debit.like("due:%") & LedgerEntry.cycle.is_in(cycle_ids))
            .group_by(LedgerEntry.debit)
        }
        settled = {
            row["credit"]: int(row["total"])
            for row in await LedgerEntry.select(
                LedgerEntry.credit, Sum(LedgerEntry.amount).as_alias("total")
            )
            .where(LedgerEntry.credit.like("due:%") & LedgerEntry.cycle.is_in(cycle_ids))
            .group_by(LedgerEntry.credit)
        }
        into_paid = await LedgerEntry.select(Sum(LedgerEntry.amount)).where(
            LedgerEntry.debit.like("paid:%") & LedgerEntry.cycle.is_in(cycle_ids)
        )
    twice = sum(1 for row in paid if row["n"] > 1)
    agrees = owed == settled and int(into_paid[0]["sum"] or 0) == rupiah
    return len(paid), twice, rupiah, fixed, agrees


async def _run(database: BenchDatabase, total: int, villages: int) -> bool:
    kernel = Kernel.build(database.settings())
    await kernel.database.start()
    try:
        regency = kernel.settings.regency_code
        chosen = await _largest_villages(kernel, regency, villages)
        per_village = total // villages
        started = time.perf_counter()
        cycles_made = [await _disbursing_cycle(kernel, v, per_village) for v in chosen]
        slips = [tokens for tokens, _programme, _cycle in cycles_made]
        cycle_ids = [cycle for _tokens, _programme, cycle in cycles_made]
        # As autovacuum would soon after 10,000 new entitlements: without statistics the planner
        # takes the just-filled tables for empty ones.
        await pg_admin("ANALYZE", database=NAME)
        print(f"{len(chosen)} cycles of {per_village} approved and started "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
        work = []
        for village, tokens in zip(chosen, slips, strict=True):
            for n in range(COUNTERS_PER_VILLAGE):
                share = tokens[n::COUNTERS_PER_VILLAGE]
                work.append(_counter(kernel, village["code"], share, f"loket-{n}"))
        start = time.perf_counter()
        outcomes = [o for counter in await asyncio.gather(*work) for o in counter]
        seconds = time.perf_counter() - start
        paid_sends = outcomes.count("paid")
        refused = outcomes.count("refused")
        other = sorted({o for o in outcomes if o not in ("paid", "refused")})
        rate = paid_sends / seconds
        payouts_made, twice, rupiah, fixed, balanced = await _checks(kernel, regency, cycle_ids)
        reference = await _reference(kernel, chosen[0]["code"], cycles_made[0][1], 2000, len(work))
    finally:
        await kernel.database.close()
    expected = per_village * len(chosen)
    passed = (
        rate >= TARGET
        and twice == 0
        and not other
        and paid_sends == payouts_made == expected
        and rupiah == fixed
        and balanced
    )
    print(machine())
    print(f"{'what':52} {'per s':>10}")
    label = f"payouts recorded (each sent twice), {len(work)} counters"
    print(f"{label:52} {rate:10.0f}")
    print(f"{'reference: one-row tenant write, same concurrency':52} {reference:10.0f}")
    ratio = rate / reference
    print(f"ratio {ratio:.2f} of the reference · {paid_sends} payouts in {seconds:.1f} s")
    print(f"second sends refused as paid before: {refused} · other refusals: {other or 'none'}")
    print(f"entitlements paid twice: {twice} · paid Rp{rupiah:,} of the signed Rp{fixed:,} · "
          f"ledger agrees: {balanced}")  # fmt: skip
    print(f"payouts bench: {rate:.0f} payouts/s (target {TARGET:.0f}) {verdict(passed)}")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payouts", type=int, default=10_000)
    parser.add_argument("--villages", type=int, default=10)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    database = bench_database("postgresql", NAME)
    if not args.reuse or not asyncio.run(pg_row_count(database, "population_resident")):
        database = fresh_database("postgresql", NAME)
        _import(database)
    else:
        asyncio.run(migrate_to_this_code(database))
    asyncio.run(pg_admin("ANALYZE", database=NAME))
    raise SystemExit(0 if asyncio.run(_run(database, args.payouts, args.villages)) else 1)


if __name__ == "__main__":
    main()
