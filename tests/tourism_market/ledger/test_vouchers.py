"""QR vouchers go through the same ledger as coins, and each is used once: redeemed by one vendor
or refunded to its bearer, never both, never twice, even from two booths at once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from plugins.tourism_market.ledger import vouchers
from plugins.tourism_market.ledger.accounts import TOKENS_OUT, balance
from plugins.tourism_market.ledger.postings import LedgerError
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.tables import Vendor
from tests.tourism_market.markets import NOW, key, open_market_day, raw_shift, send_alone

SECRET = "a-test-secret-of-some-length-for-hmac"


async def _vendor(market: int, name: str) -> tuple[int, str]:
    row = Vendor(
        market=market, name=name, stall_name=f"Lapak {name}", category="makanan", created_at=NOW
    )
    return (await Vendor.insert(row).returning(Vendor.id))[0]["id"], name


async def test_a_voucher_is_sold_redeemed_once_and_the_day_still_reconciles(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        sold = await vouchers.sell_voucher(till, 25, key())
        code = vouchers.voucher_code(SECRET, village.code, sold.entry_id)
        assert await balance(ids["market"], TOKENS_OUT) == -25 * 2000
        sri, min_ = await _vendor(ids["market"], "Sri"), await _vendor(ids["market"], "Min")
        first = await vouchers.use_voucher(till, SECRET, village.code, code, sri)
        again = await vouchers.use_voucher(till, SECRET, village.code, code.lower(), sri)
        assert first.created and not again.created and again.entry_id == first.entry_id
        for other in (min_, None):
            with pytest.raises(LedgerError, match="Voucher sudah dipakai"):
                await vouchers.use_voucher(till, SECRET, village.code, code, other)
        assert await balance(ids["market"], TOKENS_OUT) == 0
        assert (await reconcile(ids["market"], ids["day"])).holds


async def test_a_forged_or_foreign_code_is_refused(kampung) -> None:
    village, other = await kampung.village(0), await kampung.village(1)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        coins = await vouchers.ops.sell_tokens(till, 5, key())
        sold = await vouchers.sell_voucher(till, 5, key())
        good = vouchers.voucher_code(SECRET, village.code, sold.entry_id)
        refusals = {
            good[:-1] + ("0" if good[-1] != "0" else "1"): "tidak sah",
            vouchers.voucher_code("another-secret", village.code, sold.entry_id): "tidak sah",
            vouchers.voucher_code(SECRET, other.code, sold.entry_id): "tidak sah",
            vouchers.voucher_code(SECRET, village.code, coins.entry_id): "tidak dikenal",
            "PB-000001": "tidak sah",
        }
        for code, reason in refusals.items():
            with pytest.raises(LedgerError, match=reason):
                await vouchers.use_voucher(till, SECRET, village.code, code, None)


async def test_two_booths_scanning_one_voucher_at_once_use_it_once(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        sold = await vouchers.sell_voucher(till, 10, key())
        sri = await _vendor(ids["market"], "Sri")
    code = vouchers.voucher_code(SECRET, village.code, sold.entry_id)

    def scan(vendor: tuple[int, str] | None) -> Any:
        return lambda: vouchers.use_voucher(till, SECRET, village.code, code, vendor)

    sends = (send_alone(kampung, village.code, scan(vendor)) for vendor in (sri, None))
    outcomes = await asyncio.gather(*sends)
    assert sorted(outcome is None for outcome in outcomes) == [False, True]
    async with kampung.scope(village.code):
        assert await balance(ids["market"], TOKENS_OUT) == 0
