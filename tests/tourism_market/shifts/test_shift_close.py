"""A cashier's shift from float to approved close, and a day that will not close before it."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from core.workflow import TransitionRefused
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import IMBALANCE, SAFE, balance, drawer_key
from plugins.tourism_market.market_days import days
from plugins.tourism_market.market_days.closing import close_day
from plugins.tourism_market.shifts import shifts
from tests.tourism_market.markets import NOW, key, open_market_day

EXPECTED = {
    ("opened", "close"): "counted",
    ("counted", "approve"): "approved",
    ("counted", "send_back"): "opened",
}


@pytest.mark.parametrize(
    ("state", "action"),
    sorted(product(shifts.SHIFT_LIFECYCLE.states, shifts.SHIFT_LIFECYCLE.actions)),
)
def test_every_state_and_action_pair_of_a_shift(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert shifts.SHIFT_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            shifts.SHIFT_LIFECYCLE.next_state(state, action)


async def _shift_with_sales(kampung: Any, village: str) -> tuple[dict[str, int], int]:
    ids = await open_market_day(kampung, village)
    async with kampung.scope(village):
        shift = await shifts.open_shift(ids["day"], ids["booth"], "kasir", 100_000, NOW, key())
        till = await shifts.till(shift, "kasir", NOW)
        await ops.sell_tokens(till, 25, key())
        await ops.refund_tokens(till, 5, key())
    return ids, shift


async def test_an_exact_count_approved_leaves_the_drawer_empty_and_the_cash_in_the_safe(
    kampung,
) -> None:
    village = await kampung.village(0)
    ids, shift = await _shift_with_sales(kampung, village.code)
    async with kampung.scope(village.code):
        counted, expected = await shifts.close_shift(
            shift, {100_000: 1, 20_000: 2}, "", "kasir", NOW
        )
        assert counted == expected == 140_000
        assert await shifts.review_shift(shift, "approve", "manajer", NOW) == "approved"
        assert await balance(ids["market"], drawer_key(shift)) == 0
        assert await balance(ids["market"], SAFE) == 40_000
        assert await balance(ids["market"], IMBALANCE) == 0


async def test_a_shortage_needs_the_cashiers_note_and_is_booked_to_imbalance(kampung) -> None:
    village = await kampung.village(0)
    ids, shift = await _shift_with_sales(kampung, village.code)
    short = {100_000: 1, 20_000: 1, 10_000: 1, 5_000: 1, 2_000: 2}
    async with kampung.scope(village.code):
        with pytest.raises(shifts.ShiftError, match=r"berbeda dari seharusnya Rp140\.000"):
            await shifts.close_shift(shift, short, " ", "kasir", NOW)
        assert await shifts.close_shift(shift, short, "uang kembalian", "kasir", NOW) == (
            139_000,
            140_000,
        )
        with pytest.raises(shifts.ShiftError, match="sudah ditutup"):
            await shifts.till(shift, "kasir", NOW)
        await shifts.review_shift(shift, "approve", "manajer", NOW)
        assert await balance(ids["market"], IMBALANCE) == 1_000
        assert await balance(ids["market"], drawer_key(shift)) == 0


async def test_a_cashier_cannot_approve_their_own_shift_and_a_send_back_needs_a_reason(
    kampung,
) -> None:
    village = await kampung.village(0)
    _, shift = await _shift_with_sales(kampung, village.code)
    async with kampung.scope(village.code):
        await shifts.close_shift(shift, {100_000: 1, 20_000: 2}, "", "kasir", NOW)
        with pytest.raises(shifts.ShiftError, match="tidak boleh menyetujui"):
            await shifts.review_shift(shift, "approve", "kasir", NOW)
        with pytest.raises(shifts.ShiftError, match="Alasan pengembalian wajib diisi"):
            await shifts.review_shift(shift, "send_back", "manajer", NOW)
        assert (
            await shifts.review_shift(shift, "send_back", "manajer", NOW, "hitung ulang")
            == "opened"
        )
        assert (await shifts.till(shift, "kasir", NOW)).shift == shift


@pytest.mark.parametrize(
    ("counts", "message"),
    [({3_000: 1}, "Pecahan Rp3000 tidak dikenal"), ({1_000: -1}, "nol atau lebih")],
)
async def test_a_count_names_the_wrong_denomination(
    kampung, counts: dict[int, int], message: str
) -> None:
    village = await kampung.village(0)
    _, shift = await _shift_with_sales(kampung, village.code)
    with pytest.raises(shifts.ShiftError, match=message):
        async with kampung.scope(village.code):
            await shifts.close_shift(shift, counts, "x", "kasir", NOW)


async def test_only_the_shifts_cashier_sells_from_it(kampung) -> None:
    village = await kampung.village(0)
    _, shift = await _shift_with_sales(kampung, village.code)
    with pytest.raises(shifts.ShiftError, match="milik kasir lain"):
        async with kampung.scope(village.code):
            await shifts.till(shift, "kasir-lain", NOW)


async def test_a_booth_has_one_unapproved_shift_at_a_time(kampung) -> None:
    village = await kampung.village(0)
    ids, _ = await _shift_with_sales(kampung, village.code)
    with pytest.raises(shifts.ShiftError, match="belum disetujui"):
        async with kampung.scope(village.code):
            await shifts.open_shift(ids["day"], ids["booth"], "kasir-2", 0, NOW, key())


async def test_the_day_closes_only_when_every_shift_is_approved(kampung) -> None:
    village = await kampung.village(0)
    ids, shift = await _shift_with_sales(kampung, village.code)
    async with kampung.scope(village.code):
        with pytest.raises(
            days.MarketDayError, match=r"shift belum disetujui di Loket 1 \(kasir\)"
        ):
            await close_day(ids["day"], "manajer", NOW)
        await shifts.close_shift(shift, {100_000: 1, 20_000: 2}, "", "kasir", NOW)
        with pytest.raises(days.MarketDayError, match="belum disetujui"):
            await close_day(ids["day"], "manajer", NOW)
        await shifts.review_shift(shift, "approve", "manajer", NOW)
        report = await close_day(ids["day"], "manajer", NOW)
        assert report.holds
        assert report.flow(ops.SELL).tokens == 25 and report.flow(ops.REFUND).tokens == 5
        assert await days.day_status(ids["day"]) == "closed"
