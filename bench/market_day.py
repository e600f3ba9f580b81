"""Benchmark: one market day of 20 booths and 70 vendors, every sale sent twice, on PostgreSQL.

    .venv/bin/python -m bench.market_day [--sales 6000]

Each booth is an asyncio task on its own connections; each sale goes out twice at once with the
same idempotency key, as a phone on a bad connection retries. Then refunds, every vendor's
redemption and every shift's close. The run fails unless no key was booked twice and the day's
reconciliation holds. The reference, measured in the same run at the same concurrency, is the
cheapest write a request makes: one row into a tenant table in its own scoped transaction.
Target: ≥ 300 sales/s (a sale is the entry, two guarded balance updates and its posting).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from datetime import UTC, datetime

from piccolo.query.functions.aggregate import Count

from bench.common import PG_APP_ROLE, PG_SERVER, SECRET, machine, pg_admin, verdict
from core.config import Settings, load_settings
from core.db import tenant_transaction
from core.kernel import Kernel
from core.tenancy.onboarding import onboard
from core.tenancy.regions import import_regions
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import balance, drawer_key
from plugins.tourism_market.ledger.postings import LedgerError
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.market_days import days
from plugins.tourism_market.market_days.markets import MarketTerms, create_market
from plugins.tourism_market.shifts import shifts
from plugins.tourism_market.tables import Booth, JournalEntry, Vendor

BOOTHS = 20
VENDORS = 70
TARGET = 300.0
TERMS = MarketTerms(name="Pasar Bahulak", schedule="Minggu Legi dan Minggu Pahing", fee_value=5)


async def _setup(
    kernel: Kernel, village: str, now: datetime
) -> tuple[int, list[ops.Till], list[int]]:
    async with tenant_transaction(kernel.engine, village):
        market = await create_market(TERMS, now)
        day = await days.ensure_day(market, now.date(), now, special=True)
        await days.act(day, "open", "manajer", now)
        tills = []
        for n in range(BOOTHS):
            booth = (
                await Booth.insert(Booth(market=market, name=f"Loket {n}")).returning(Booth.id)
            )[0]
            shift = await shifts.open_shift(
                day, booth["id"], f"kasir-{n}", 200_000, now, f"float-{n:04d}"
            )
            tills.append(await shifts.till(shift, f"kasir-{n}", now))
        vendors = []
        for n in range(VENDORS):
            row = Vendor(
                market=market, name=f"V{n}", stall_name=f"L{n}", category="makanan", created_at=now
            )
            vendors.append((await Vendor.insert(row).returning(Vendor.id))[0]["id"])
    return market, tills, vendors


async def _send(kernel: Kernel, village: str, send) -> bool:
    """One send in its own transaction; True when it booked a new entry."""
    try:
        async with tenant_transaction(kernel.engine, village):
            return (await send()).created
    except LedgerError:
        return False


async def _booth(kernel: Kernel, village: str, till: ops.Till, sales: list[int], n: int) -> int:
    booked = 0
    for index, tokens in enumerate(sales):
        key = f"sale-{n:02d}-{index:06d}"
        twice = [
            _send(kernel, village, lambda t=till, k=key, v=tokens: ops.sell_tokens(t, v, k))
            for _ in range(2)
        ]
        booked += sum(await asyncio.gather(*twice))
    return booked


async def _reference(kernel: Kernel, village: str, market: int, writes: int) -> float:
    async def writer(n: int) -> None:
        for index in range(writes // BOOTHS):
            async with tenant_transaction(kernel.engine, village):
                await Booth.insert(Booth(market=market, name=f"ref-{n}-{index}"))

    start = time.perf_counter()
    await asyncio.gather(*(writer(n) for n in range(BOOTHS)))
    return (writes // BOOTHS * BOOTHS) / (time.perf_counter() - start)


REGENCY, VILLAGE, NAME = "35.10", "35.10.01.2001", "bench_tourism_market"


def _settings() -> Settings:
    """This plugin alone (the others are judged by their own benchmarks), the app connecting as
    the non-owner role so Row-Level Security applies as in production."""
    host = PG_SERVER.split("://", 1)[1].split("@", 1)[-1]
    owner = f"{PG_SERVER}/{NAME}"
    return load_settings(
        None,
        environ={},
        database_url=f"postgresql://{PG_APP_ROLE}@{host}/{NAME}",
        database_owner_url=owner,
        secret_key=SECRET,
        regency_code=REGENCY,
        plugins=("tourism_market",),
    )


async def _fresh_database() -> None:
    await pg_admin(
        f"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PG_APP_ROLE}') "
        f"THEN CREATE ROLE {PG_APP_ROLE} LOGIN; END IF; END$$",
        f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)',
        f'CREATE DATABASE "{NAME}"',
    )
    kernel = Kernel.build(_settings())
    await kernel.database.start()
    app, owner = kernel.database.engine, kernel.database.owner_engine
    try:
        await kernel.migrate()
        kernel.database.engine = owner
        kernel.database.bind(kernel.registry.piccolo_apps())
        await import_regions(REGENCY)
        async with tenant_transaction(owner, REGENCY):
            await onboard(kernel, VILLAGE, actor="bench")
    finally:
        kernel.database.engine = app
        await kernel.database.close()


async def run(sales: int) -> bool:
    await _fresh_database()
    kernel = Kernel.build(_settings())
    await kernel.database.start()
    try:
        village = VILLAGE
        now = datetime.now(UTC)
        market, tills, vendors = await _setup(kernel, village, now)
        rng = random.Random(1)
        plan = [[rng.choice((5, 10, 20, 25, 50)) for _ in range(sales // BOOTHS)] for _ in tills]
        start = time.perf_counter()
        booked = await asyncio.gather(
            *(_booth(kernel, village, till, plan[n], n) for n, till in enumerate(tills))
        )
        seconds = time.perf_counter() - start
        rate = sum(booked) / seconds
        sold = sum(sum(booth) for booth in plan)
        for n, till in enumerate(tills):
            await _send(
                kernel, village, lambda t=till, k=f"refund-{n:04d}": ops.refund_tokens(t, 3, k)
            )
        share = (sold - 3 * BOOTHS) * 9 // 10 // VENDORS
        for v, vendor in enumerate(vendors):
            till = tills[v % BOOTHS]
            await _send(
                kernel,
                village,
                lambda t=till, i=vendor, k=f"redeem-{v:04d}": ops.redeem_tokens(
                    t, i, "V", share, k
                ),
            )
        async with tenant_transaction(kernel.engine, village):
            for till in tills:
                expected = await balance(market, drawer_key(till.shift))
                await shifts.close_shift(till.shift, {100: expected // 100}, "", till.actor, now)
                await shifts.review_shift(till.shift, "approve", "manajer", now)
            report = await reconcile(market, tills[0].market_day)
            duplicates = await JournalEntry.select(
                JournalEntry.idempotency_key, Count(JournalEntry.id).as_alias("n")
            ).group_by(JournalEntry.idempotency_key)
        twice = [row for row in duplicates if row["n"] > 1]
        reference = await _reference(kernel, village, market, 2000)
    finally:
        await kernel.database.close()
    passed = (
        rate >= TARGET and not twice and report.holds and sum(booked) == len(plan) * len(plan[0])
    )
    print(machine())
    print(f"{'what':44} {'per s':>10}")
    print(f"{'sales booked (each sent twice), 20 booths':44} {rate:10.0f}")
    print(f"{'reference: one-row tenant write, 20 tasks':44} {reference:10.0f}")
    print(f"ratio {rate / reference:.2f} of the reference · {sum(booked)} sales in {seconds:.1f} s")
    print(f"keys booked twice: {len(twice)} · day-close invariants hold: {report.holds}")
    print(f"market day bench: {rate:.0f} sales/s (target {TARGET:.0f}) {verdict(passed)}")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=6000)
    args = parser.parse_args()
    raise SystemExit(0 if asyncio.run(run(args.sales)) else 1)


if __name__ == "__main__":
    main()
