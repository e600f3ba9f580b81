"""Turnover, visitors, tokens and fee income grouped by market day and by month, read in a few
queries for a whole year (not one reconciliation per day), and the regency's list of markets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from piccolo.query.functions.aggregate import Sum

from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import FEE_INCOME
from plugins.tourism_market.pasaran.weton import MONTHS_ID
from plugins.tourism_market.tables import GateTally, JournalEntry, Market, Posting, Vendor


@dataclass
class Period:
    """One market day or one month."""

    label: str
    days: int = 0
    visitors: int = 0
    sold: int = 0
    refunded: int = 0
    redeemed: int = 0
    fees: int = 0
    takings: dict[int, int] = field(default_factory=dict)

    @property
    def turnover(self) -> int:
        """Rupiah of tokens sold, net of refunds: what visitors spent at the market."""
        return self.sold - self.refunded

    @property
    def tokens_out(self) -> int:
        return self.sold - self.refunded - self.redeemed


@dataclass(frozen=True)
class YearFigures:
    year: int
    months: list[Period]
    days: list[Period]
    top_vendors: list[tuple[str, int]]

    @property
    def total(self) -> Period:
        total = Period(str(self.year))
        for month in self.months:
            _add(total, month)
        return total


def _in_year(day_column: Any, year: int) -> Any:
    return (day_column >= date(year, 1, 1)) & (day_column <= date(year, 12, 31))


async def _day_periods(markets: Any, year: int) -> dict[tuple[int, date], Period]:
    """Each market day's figures, summed by the database: a year of a busy market is hundreds of
    thousands of entries, and a regency has many markets. A reversing entry counts negative."""
    periods: dict[tuple[int, date], Period] = {}

    def period(market: int, day: date) -> Period:
        return periods.setdefault((market, day), Period(day.isoformat(), days=1))

    day, market = JournalEntry.market_day.day, JournalEntry.market
    for reversing, sign in ((False, 1), (True, -1)):
        reverses = (
            JournalEntry.reverses.is_not_null() if reversing else JournalEntry.reverses.is_null()
        )
        grouped = (
            await JournalEntry.select(
                market,
                day.as_alias("day"),
                JournalEntry.kind,
                JournalEntry.vendor,
                Sum(JournalEntry.amount).as_alias("amount"),
            )
            .where(markets(market) & _in_year(day, year) & reverses)
            .group_by(market, day, JournalEntry.kind, JournalEntry.vendor)
        )
        for row in grouped:
            figures, amount = period(row["market"], row["day"]), sign * int(row["amount"])
            if row["kind"] == ops.SELL:
                figures.sold += amount
            elif row["kind"] == ops.REFUND:
                figures.refunded += amount
            elif row["kind"] == ops.REDEEM:
                figures.redeemed += amount
                vendor = row["vendor"]
                figures.takings[vendor] = figures.takings.get(vendor, 0) + amount
        fee_day, fee_market = Posting.entry.market_day.day, Posting.entry.market
        on_fee_income = (Posting.credit.key == FEE_INCOME) | (Posting.debit.key == FEE_INCOME)
        reverses = (
            Posting.entry.reverses.is_not_null() if reversing else Posting.entry.reverses.is_null()
        )
        fees = (
            await Posting.select(
                fee_market.as_alias("market"),
                fee_day.as_alias("day"),
                Sum(Posting.amount).as_alias("amount"),
            )
            .where(markets(fee_market) & _in_year(fee_day, year) & on_fee_income & reverses)
            .group_by(fee_market, fee_day)
        )
        for row in fees:
            period(row["market"], row["day"]).fees += sign * int(row["amount"])
    tally_day, tally_market = GateTally.market_day.day, GateTally.market_day.market
    tallies = (
        await GateTally.select(
            tally_market.as_alias("market"),
            tally_day.as_alias("day"),
            Sum(GateTally.visitors).as_alias("visitors"),
        )
        .where(markets(tally_market) & _in_year(tally_day, year))
        .group_by(tally_market, tally_day)
    )
    for row in tallies:
        period(row["market"], row["day"]).visitors += int(row["visitors"])
    return periods


def _add(into: Period, figures: Period) -> None:
    into.days += figures.days
    into.visitors += figures.visitors
    into.sold += figures.sold
    into.refunded += figures.refunded
    into.redeemed += figures.redeemed
    into.fees += figures.fees


async def year_figures(market_id: int, year: int) -> YearFigures:
    by_day = {
        day: figures
        for (_market, day), figures in (
            await _day_periods(lambda column: column == market_id, year)
        ).items()
    }
    months = [Period(MONTHS_ID[n]) for n in range(12)]
    takings: dict[int, int] = defaultdict(int)
    for day, figures in by_day.items():
        _add(months[day.month - 1], figures)
        for vendor, amount in figures.takings.items():
            takings[vendor] += amount
    names = {
        row["id"]: row["stall_name"]
        for row in await Vendor.select(Vendor.id, Vendor.stall_name).where(
            Vendor.market == market_id
        )
    }
    top = sorted(((names.get(v, str(v)), t) for v, t in takings.items() if t), key=lambda r: -r[1])
    days = [by_day[day] for day in sorted(by_day)]
    return YearFigures(year, months, days, top[:10])


async def regency_markets(year: int) -> list[dict[str, Any]]:
    """Every market the scope reaches (a regency page reaches all its villages), with the year's
    market days, visitors, turnover and fee income, in the same few grouped queries however many
    markets there are."""
    rows = await Market.select(
        Market.id, Market.name, Market.village_code, Market.schedule
    ).order_by(Market.village_code)
    ids = [row["id"] for row in rows] or [0]
    totals: dict[int, Period] = defaultdict(lambda: Period(str(year)))
    for (market, _day), figures in (
        await _day_periods(lambda column: column.is_in(ids), year)
    ).items():
        _add(totals[market], figures)
    for row in rows:
        total = totals[row["id"]]
        row["days"], row["visitors"] = total.days, total.visitors
        row["turnover"], row["fees"] = total.turnover, total.fees
    return rows
