"""Turnover, visitors, tokens and fee income grouped by market day and by month, read in a few
queries for a whole year (not one reconciliation per day), and the regency's list of markets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

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
            total.days += month.days
            total.visitors += month.visitors
            total.sold += month.sold
            total.refunded += month.refunded
            total.redeemed += month.redeemed
            total.fees += month.fees
        return total


async def year_figures(market_id: int, year: int) -> YearFigures:
    start, end = date(year, 1, 1), date(year, 12, 31)
    in_year = (
        (JournalEntry.market == market_id)
        & (JournalEntry.market_day.day >= start)
        & (JournalEntry.market_day.day <= end)
    )
    entries = await JournalEntry.select(
        JournalEntry.kind,
        JournalEntry.amount,
        JournalEntry.vendor,
        JournalEntry.reverses,
        JournalEntry.market_day.day.as_alias("day"),
    ).where(in_year)
    fees = await Posting.select(
        Posting.amount, Posting.entry.reverses, Posting.entry.market_day.day.as_alias("day")
    ).where(
        (Posting.entry.market == market_id)
        & (Posting.entry.market_day.day >= start)
        & (Posting.entry.market_day.day <= end)
        & ((Posting.credit.key == FEE_INCOME) | (Posting.debit.key == FEE_INCOME))
    )
    tallies = await GateTally.select(
        GateTally.visitors, GateTally.market_day.day.as_alias("day")
    ).where(
        (GateTally.market_day.market == market_id)
        & (GateTally.market_day.day >= start)
        & (GateTally.market_day.day <= end)
    )
    by_day: dict[date, Period] = {}

    def period(day: date) -> Period:
        return by_day.setdefault(day, Period(day.isoformat(), days=1))

    for entry in entries:
        sign = -1 if entry["reverses"] else 1
        day = period(entry["day"])
        if entry["kind"] == ops.SELL:
            day.sold += sign * entry["amount"]
        elif entry["kind"] == ops.REFUND:
            day.refunded += sign * entry["amount"]
        elif entry["kind"] == ops.REDEEM:
            day.redeemed += sign * entry["amount"]
            day.takings[entry["vendor"]] = (
                day.takings.get(entry["vendor"], 0) + sign * entry["amount"]
            )
    for row in fees:
        period(row["day"]).fees += row["amount"] * (-1 if row["entry.reverses"] else 1)
    for row in tallies:
        period(row["day"]).visitors += row["visitors"]
    months = [Period(MONTHS_ID[n]) for n in range(12)]
    takings: dict[int, int] = defaultdict(int)
    for day, figures in by_day.items():
        month = months[day.month - 1]
        month.days += 1
        month.visitors += figures.visitors
        month.sold += figures.sold
        month.refunded += figures.refunded
        month.redeemed += figures.redeemed
        month.fees += figures.fees
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
    market days, visitors and turnover."""
    rows = await Market.select(
        Market.id, Market.name, Market.village_code, Market.schedule
    ).order_by(Market.village_code)
    for row in rows:
        figures = (await year_figures(row["id"], year)).total
        row["days"], row["visitors"], row["turnover"] = (
            figures.days,
            figures.visitors,
            figures.turnover,
        )
        row["fees"] = figures.fees
    return rows
