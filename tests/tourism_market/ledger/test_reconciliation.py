"""On random market days the reconciliation's figures equal the sums of what was booked, and the
invariants hold whatever mix of sales, refunds, redemptions, retries and corrections came in."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import FEE_INCOME, TOKENS_OUT, balance
from plugins.tourism_market.ledger.postings import Booked, LedgerError
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.tables import Vendor
from tests.tourism_market.markets import NOW, key, open_market_day, raw_shift

TOKEN = 2000


@dataclass(frozen=True)
class Sent:
    """What the test expects one booked entry to add: signed tokens out, fee, vendor takings."""

    tokens_out: int
    fee: int = 0
    vendor: int | None = None
    takings: int = 0

    def reversed(self) -> Sent:
        return Sent(-self.tokens_out, -self.fee, self.vendor, -self.takings)


async def _attempt(
    kampung: Any, village: str, send: Callable[[], Awaitable[Booked]]
) -> Booked | None:
    """One till send in its own transaction, as a request is; a refusal books nothing."""
    try:
        async with kampung.scope(village):
            return await send()
    except LedgerError:
        return None


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
async def test_a_random_market_day_reconciles_with_what_was_booked(kampung, seed: int) -> None:
    rng = random.Random(seed)
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    tills = [await raw_shift(kampung, village.code, ids, f"kasir-{n}") for n in range(3)]
    async with kampung.scope(village.code):
        vendors = []
        for n in range(4):
            row = Vendor(
                market=ids["market"], name=f"V{n}", stall_name="L", category="x", created_at=NOW
            )
            vendors.append((await Vendor.insert(row).returning(Vendor.id))[0]["id"])
        for till in tills:
            await ops.open_float(till, rng.choice([0, 50_000, 100_000]), key())
    booked: dict[int, Sent] = {}
    sends: list[Callable[[], Awaitable[Booked]]] = []
    for _ in range(70):
        till, roll, k = rng.choice(tills), rng.random(), key()
        tokens = rng.randint(1, 30)
        if roll < 0.45:
            send = lambda t=till, n=tokens, kk=k: ops.sell_tokens(t, n, kk)  # noqa: E731
            effect = Sent(tokens)
        elif roll < 0.6:
            send = lambda t=till, n=tokens, kk=k: ops.refund_tokens(t, n, kk)  # noqa: E731
            effect = Sent(-tokens)
        elif roll < 0.85:
            vendor = rng.choice(vendors)
            send = lambda t=till, v=vendor, n=tokens, kk=k: ops.redeem_tokens(t, v, "V", n, kk)  # noqa: E731
            effect = Sent(-tokens, tokens * TOKEN // 10, vendor, tokens * TOKEN)
        elif roll < 0.93 and sends:
            result = await _attempt(kampung, village.code, rng.choice(sends))
            assert result is None or not result.created
            continue
        elif booked:
            target = rng.choice(sorted(booked))
            send = lambda t=till, e=target, kk=k: ops.reverse(t, e, kk, "koreksi")  # noqa: E731
            effect = booked[target].reversed()
        else:
            continue
        result = await _attempt(kampung, village.code, send)
        if result is not None:
            assert result.created
            booked[result.entry_id] = effect
            sends.append(send)
    async with kampung.scope(village.code):
        report = await reconcile(ids["market"], ids["day"])
        out = -await balance(ids["market"], TOKENS_OUT)
        fee_income = -await balance(ids["market"], FEE_INCOME)
    assert report.holds, [check for check in report.checks if not check.holds]
    expected_out = sum(effect.tokens_out for effect in booked.values())
    assert out == expected_out * TOKEN
    sold, refunded, redeemed = (report.flow(k) for k in (ops.SELL, ops.REFUND, ops.REDEEM))
    assert sold.tokens - refunded.tokens - redeemed.tokens == expected_out
    assert fee_income == sum(effect.fee for effect in booked.values())
    takings: Counter[int] = Counter()
    for effect in booked.values():
        if effect.vendor is not None:
            takings[effect.vendor] += effect.takings
    assert {v: t for v, t in report.takings.items() if t} == {v: t for v, t in takings.items() if t}
