"""A market day's lifecycle, pair by pair, and what a day records: visitors, parking, dates."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import pytest

from core.workflow import TransitionRefused
from plugins.tourism_market.ledger.accounts import PARKING_CASH, PARKING_INCOME, balance
from plugins.tourism_market.ledger.postings import LedgerError
from plugins.tourism_market.market_days import days
from plugins.tourism_market.market_days.markets import coming_dates, create_market, market
from plugins.tourism_market.market_days.parking import park, parking_summary
from tests.tourism_market.markets import BAHULAK, NOW, key, open_market_day

EXPECTED = {
    ("planned", "open"): "opened",
    ("planned", "cancel"): "cancelled",
    ("opened", "close"): "closed",
    ("opened", "cancel"): "cancelled",
    ("cancelled", "reinstate"): "planned",
}


@pytest.mark.parametrize(
    ("state", "action"), sorted(product(days.DAY_LIFECYCLE.states, days.DAY_LIFECYCLE.actions))
)
def test_every_state_and_action_pair_of_a_market_day(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert days.DAY_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            days.DAY_LIFECYCLE.next_state(state, action)


async def test_a_date_off_the_schedule_needs_to_be_a_special_edition(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        market_id = await create_market(BAHULAK, NOW)
        monday = date(2026, 12, 7)
        with pytest.raises(days.MarketDayError, match="Senin Pon bukan hari pasar"):
            await days.ensure_day(market_id, monday, NOW)
        special = await days.ensure_day(market_id, monday, NOW, special=True, note="Edisi khusus")
        assert await days.ensure_day(market_id, monday, NOW) == special


async def test_a_cancellation_needs_a_reason_and_shows_in_the_coming_dates(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        market_id = await create_market(BAHULAK, NOW)
        day_id = await days.ensure_day(market_id, date(2026, 12, 6), NOW)
        with pytest.raises(days.MarketDayError, match="Alasan pembatalan wajib diisi"):
            await days.act(day_id, "cancel", "manajer", NOW, note=" ")
        assert await days.act(day_id, "cancel", "manajer", NOW, note="Hujan deras") == "cancelled"
        await days.ensure_day(market_id, date(2026, 12, 25), NOW, special=True, note="Natal")
        coming = await coming_dates(await market(market_id), date(2026, 12, 1), months=2)
    by_day = {item.day: item for item in coming}
    assert by_day[date(2026, 12, 6)].cancelled and by_day[date(2026, 12, 6)].note == "Hujan deras"
    assert by_day[date(2026, 12, 25)].special and by_day[date(2026, 12, 25)].note == "Natal"
    assert date(2026, 12, 6) + timedelta(days=35) in by_day


async def test_the_gate_counts_visitors_only_while_open_and_corrections_need_a_note(
    kampung,
) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    async with kampung.scope(village.code):
        assert await days.count_visitors(ids["day"], 120, "gate", NOW) == 120
        with pytest.raises(days.MarketDayError, match="wajib diberi keterangan"):
            await days.count_visitors(ids["day"], -5, "gate", NOW)
        assert await days.count_visitors(ids["day"], -5, "gate", NOW, note="dobel") == 115
        with pytest.raises(days.MarketDayError, match="melebihi"):
            await days.count_visitors(ids["day"], -500, "gate", NOW, note="salah")
        await days.act(ids["day"], "close", "manajer", NOW)
        with pytest.raises(days.MarketDayError, match="hanya pasar yang buka"):
            await days.count_visitors(ids["day"], 1, "gate", NOW)
        assert await days.visitor_total(ids["day"]) == 115


async def test_parking_is_booked_once_per_send_at_the_markets_fee(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    sent = key("parkir")
    async with kampung.scope(village.code):
        first = await park(ids["day"], 40, "gate", NOW, sent)
        again = await park(ids["day"], 40, "gate", NOW, sent)
        assert first.created and not again.created and first.entry_id == again.entry_id
        with pytest.raises(LedgerError, match="kendaraan"):
            await park(ids["day"], 0, "gate", NOW, key())
        assert await parking_summary(ids["day"]) == (40, 80_000)
        assert await balance(ids["market"], PARKING_CASH) == 80_000
        assert await balance(ids["market"], PARKING_INCOME) == -80_000
