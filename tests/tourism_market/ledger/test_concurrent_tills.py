"""Booths at once: a sale sent many times in parallel is booked once, and parallel refunds or
redemptions never take out more tokens than are out (PostgreSQL runs each on its own connection,
so the races are real; SQLite serialises writers and must give the same books)."""

from __future__ import annotations

import asyncio
from typing import Any

from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import TOKENS_OUT, balance
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.tables import JournalEntry, Vendor
from tests.tourism_market.markets import NOW, key, open_market_day, raw_shift, send_alone

PARALLEL = 12


async def test_one_sale_sent_from_twelve_connections_at_once_is_booked_once(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    sent = key("retry")
    results = await asyncio.gather(
        *(
            send_alone(kampung, village.code, lambda: ops.sell_tokens(till, 10, sent))
            for _ in range(PARALLEL)
        )
    )
    assert all(result is not None for result in results)
    assert sum(result.created for result in results if result) == 1
    assert len({result.entry_id for result in results if result}) == 1
    async with kampung.scope(village.code):
        assert await JournalEntry.count().where(JournalEntry.idempotency_key == sent) == 1
        assert await balance(ids["market"], TOKENS_OUT) == -20_000


async def test_parallel_refunds_and_redemptions_never_exceed_the_tokens_out(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    tills = [await raw_shift(kampung, village.code, ids, f"kasir-{n}") for n in range(4)]
    async with kampung.scope(village.code):
        for till in tills:
            await ops.open_float(till, 200_000, key())
        await ops.sell_tokens(tills[0], 20, key())
        vendor = (
            await Vendor.insert(
                Vendor(
                    market=ids["market"],
                    name="Bu Sri",
                    stall_name="Pecel",
                    category="makanan",
                    created_at=NOW,
                )
            ).returning(Vendor.id)
        )[0]["id"]

    def refund(n: int) -> Any:
        return lambda: ops.refund_tokens(tills[n % 4], 3, key("refund"))

    def redeem(n: int) -> Any:
        return lambda: ops.redeem_tokens(tills[n % 4], vendor, "Bu Sri", 3, key("redeem"))

    sends = [refund(n) if n % 2 else redeem(n) for n in range(PARALLEL)]
    results = await asyncio.gather(*(send_alone(kampung, village.code, send) for send in sends))
    accepted = [result for result in results if result is not None]
    assert len(accepted) == 20 // 3
    async with kampung.scope(village.code):
        assert await balance(ids["market"], TOKENS_OUT) == -(20 - 3 * len(accepted)) * 2000
        report = await reconcile(ids["market"])
    assert report.holds, [check for check in report.checks if not check.holds]
