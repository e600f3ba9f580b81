"""Selling, refunding and redeeming tokens: every operation balances, and the bounds hold."""

from __future__ import annotations

import pytest

from plugins.tourism_market.ledger.accounts import FEE_INCOME, TOKENS_OUT, balance, drawer_key
from plugins.tourism_market.ledger.operations import (
    open_float,
    redeem_tokens,
    refund_tokens,
    reverse,
    sell_tokens,
)
from plugins.tourism_market.ledger.postings import LedgerError
from plugins.tourism_market.market_days.markets import MarketTerms
from plugins.tourism_market.tables import Account, JournalEntry, Posting, Vendor
from tests.tourism_market.markets import BAHULAK, NOW, key, open_market_day, raw_shift


async def _vendor(market_id: int, name: str = "Bu Sri") -> int:
    rows = await Vendor.insert(
        Vendor(market=market_id, name=name, stall_name="Pecel", category="makanan", created_at=NOW)
    ).returning(Vendor.id)
    return rows[0]["id"]


async def _sum_of_balances(market_id: int) -> int:
    rows = await Account.select(Account.balance).where(Account.market == market_id)
    return sum(row["balance"] for row in rows)


async def test_a_visitor_buys_tokens_and_the_drawer_holds_the_rupiah(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        booked = await sell_tokens(till, 10, key())
        assert booked.created and booked.receipt.startswith("PB-")
        assert await balance(ids["market"], drawer_key(till.shift)) == 20_000
        assert await balance(ids["market"], TOKENS_OUT) == -20_000
        assert await _sum_of_balances(ids["market"]) == 0


async def test_a_sale_sent_twice_is_booked_once(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    sent = key("sale")
    async with kampung.scope(village.code):
        first = await sell_tokens(till, 5, sent)
        second = await sell_tokens(till, 5, sent)
        assert (first.created, second.created) == (True, False)
        assert first.entry_id == second.entry_id
        assert await JournalEntry.count() == 1
        assert await balance(ids["market"], TOKENS_OUT) == -10_000


async def test_a_key_reused_for_another_amount_is_refused(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    sent = key("sale")
    async with kampung.scope(village.code):
        await sell_tokens(till, 5, sent)
    with pytest.raises(LedgerError, match="sudah dipakai untuk transaksi lain"):
        async with kampung.scope(village.code):
            await sell_tokens(till, 6, sent)


async def test_a_refund_cannot_exceed_the_tokens_out(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        await open_float(till, 100_000, key())
        await sell_tokens(till, 3, key())
        await refund_tokens(till, 2, key())
    with pytest.raises(LedgerError, match="melebihi koin yang beredar"):
        async with kampung.scope(village.code):
            await refund_tokens(till, 2, key())
    async with kampung.scope(village.code):
        assert await balance(ids["market"], TOKENS_OUT) == -2_000
        assert await JournalEntry.count() == 3


@pytest.mark.parametrize("tokens", [0, -1, 1.5, True, "3"])
async def test_token_amounts_are_positive_whole_numbers(kampung, tokens: object) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    with pytest.raises(LedgerError, match="bilangan bulat"):
        async with kampung.scope(village.code):
            await sell_tokens(till, tokens, key())  # type: ignore[arg-type]


async def test_a_vendor_redeems_tokens_less_the_percentage_fee(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        vendor = await _vendor(ids["market"])
        await sell_tokens(till, 100, key())
        booked = await redeem_tokens(till, vendor, "Bu Sri", 33, key())
        assert await balance(ids["market"], FEE_INCOME) == -6_600
        assert await balance(ids["market"], drawer_key(till.shift)) == 200_000 - 59_400
        assert await balance(ids["market"], f"vendor:{vendor}") == 0
        assert await balance(ids["market"], TOKENS_OUT) == -134_000
        legs = await Posting.select(Posting.amount).where(Posting.entry == booked.entry_id)
        assert sorted(leg["amount"] for leg in legs) == [6_600, 59_400, 66_000]
        assert await _sum_of_balances(ids["market"]) == 0


async def test_a_fixed_fee_is_taken_once_per_stall_and_day(kampung) -> None:
    village = await kampung.village(0)
    terms = MarketTerms(**{**BAHULAK.__dict__, "fee_mode": "fixed", "fee_value": 5_000})
    ids = await open_market_day(kampung, village.code, terms)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        vendor = await _vendor(ids["market"])
        await sell_tokens(till, 50, key())
        await redeem_tokens(till, vendor, "Bu Sri", 2, key())
        assert await balance(ids["market"], FEE_INCOME) == -4_000
        await redeem_tokens(till, vendor, "Bu Sri", 10, key())
        assert await balance(ids["market"], FEE_INCOME) == -5_000
        await redeem_tokens(till, vendor, "Bu Sri", 10, key())
        assert await balance(ids["market"], FEE_INCOME) == -5_000


async def test_a_payout_cannot_take_more_cash_than_the_drawer_holds(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    selling = await raw_shift(kampung, village.code, ids, "kasir-a")
    paying = await raw_shift(kampung, village.code, ids, "kasir-b")
    async with kampung.scope(village.code):
        vendor = await _vendor(ids["market"])
        await sell_tokens(selling, 10, key())
    with pytest.raises(LedgerError, match="laci kas tidak cukup"):
        async with kampung.scope(village.code):
            await redeem_tokens(paying, vendor, "Bu Sri", 10, key())


async def test_a_correction_is_a_mirror_entry_and_happens_once(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        sale = await sell_tokens(till, 7, key())
        with pytest.raises(LedgerError, match="Alasan koreksi wajib diisi"):
            await reverse(till, sale.entry_id, key(), " ")
        sent = key("koreksi")
        undo = await reverse(till, sale.entry_id, sent, "salah ketik")
        assert (await reverse(till, sale.entry_id, sent, "salah ketik")).entry_id == undo.entry_id
        with pytest.raises(LedgerError, match="sudah dikoreksi"):
            await reverse(till, sale.entry_id, key(), "lagi")
        assert await balance(ids["market"], TOKENS_OUT) == 0
        assert await balance(ids["market"], drawer_key(till.shift)) == 0
        assert await JournalEntry.count() == 2
