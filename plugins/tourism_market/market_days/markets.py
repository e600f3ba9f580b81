"""A village's markets: their terms (schedule, hours, token value, fees) and their coming dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.i18n import _
from plugins.tourism_market.pasaran.schedule import (
    MarketDate,
    ScheduleError,
    next_market_dates,
    parse_schedule,
    schedule_text,
)
from plugins.tourism_market.tables import Market, MarketDay, MarketDayStep

HOUR = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
FEE_MODES = ("percent", "fixed")


@dataclass(frozen=True)
class MarketTerms:
    """What a manager sets for a market, already checked."""

    name: str
    schedule: str
    opens_at: str = "06:00"
    closes_at: str = "11:00"
    token_value: int = 2000
    denominations: str = "1"
    parking_fee: int = 2000
    fee_mode: str = "percent"
    fee_value: int = 0


def _number(data: dict[str, str], field: str, label: str, errors: dict[str, str], high: int) -> int:
    text = (data.get(field) or "").strip().replace(".", "")
    if not text.isdecimal() or int(text) > high:
        errors[field] = _("{label} harus bilangan bulat 0 sampai {high}.").format(
            label=label, high=high
        )
        return 0
    return int(text)


def parse_terms(data: dict[str, str]) -> tuple[MarketTerms | None, dict[str, str]]:
    """The terms in a form's fields, or the Indonesian error of each field that is wrong."""
    errors: dict[str, str] = {}
    name = (data.get("name") or "").strip()
    if not name:
        errors["name"] = _("Nama pasar wajib diisi.")
    elif len(name) > 100:
        errors["name"] = _("Nama pasar paling banyak 100 karakter.")
    schedule = ""
    try:
        schedule = schedule_text(parse_schedule(data.get("schedule", "")))
    except ScheduleError as error:
        errors["schedule"] = str(error)
    opens, closes = (data.get("opens_at") or "").strip(), (data.get("closes_at") or "").strip()
    if not HOUR.match(opens):
        errors["opens_at"] = _("Jam buka harus berbentuk JJ:MM, misalnya 06:00.")
    if not HOUR.match(closes):
        errors["closes_at"] = _("Jam tutup harus berbentuk JJ:MM, misalnya 11:00.")
    elif HOUR.match(opens) and closes <= opens:
        errors["closes_at"] = _("Jam tutup harus sesudah jam buka.")
    token_value = _number(data, "token_value", "Nilai satu koin", errors, 1_000_000)
    if "token_value" not in errors and token_value == 0:
        errors["token_value"] = _("Nilai satu koin harus lebih dari nol.")
    denominations = _denominations(data.get("denominations") or "1", errors)
    parking_fee = _number(data, "parking_fee", "Tarif parkir", errors, 1_000_000)
    fee_mode = data.get("fee_mode") or "percent"
    if fee_mode not in FEE_MODES:
        errors["fee_mode"] = _("Pilih retribusi persen atau tetap per lapak.")
    high = 100 if fee_mode == "percent" else 10_000_000
    fee_value = _number(data, "fee_value", "Retribusi", errors, high)
    if errors:
        return None, errors
    terms = MarketTerms(
        name, schedule, opens, closes, token_value, denominations, parking_fee, fee_mode, fee_value
    )
    return terms, {}


def _denominations(text: str, errors: dict[str, str]) -> str:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isdecimal() and 0 < int(part) <= 1000 for part in parts):
        errors["denominations"] = _("Pecahan koin berupa angka dipisah koma, misalnya 1,2,5,10.")
        return ""
    return ",".join(str(n) for n in sorted({int(part) for part in parts}))


async def create_market(terms: MarketTerms, now: datetime) -> int:
    rows = await Market.insert(Market(**terms.__dict__, created_at=now)).returning(Market.id)
    return int(rows[0]["id"])


async def markets() -> list[dict[str, object]]:
    return await Market.select().order_by(Market.name)


async def market(market_id: int) -> dict[str, object] | None:
    return await Market.select().where(Market.id == market_id).first()


async def coming_dates(
    market_row: dict[str, object], today: date, months: int = 3
) -> list[MarketDate]:
    """The market's dates from today for `months` months: the rule's, special editions, and the
    cancelled ones with their note (a cancellation is a day whose last step is `cancel`)."""
    end = today + timedelta(days=31 * months)
    days = await MarketDay.select(
        MarketDay.id, MarketDay.day, MarketDay.special, MarketDay.note
    ).where(
        (MarketDay.market == market_row["id"]) & (MarketDay.day >= today) & (MarketDay.day <= end)
    )
    steps = (
        await MarketDayStep.select(
            MarketDayStep.market_day, MarketDayStep.action, MarketDayStep.note
        )
        .where(MarketDayStep.market_day.is_in([row["id"] for row in days] or [0]))
        .order_by(MarketDayStep.id)
    )
    last: dict[int, dict[str, object]] = {}
    for step in steps:
        last[step["market_day"]] = step
    specials: dict[date, str] = {}
    cancelled: dict[date, str] = {}
    for row in days:
        step = last.get(row["id"])
        if step and step["action"] == "cancel":
            cancelled[row["day"]] = str(step["note"])
        elif row["special"]:
            specials[row["day"]] = str(row["note"])
    return next_market_dates(
        parse_schedule(str(market_row["schedule"])),
        today,
        end,
        specials=specials,
        cancellations=cancelled,
    )


async def past_days(market_id: int, today: date, limit: int = 8) -> list[dict[str, object]]:
    """The market's most recent days up to today, newest first."""
    return (
        await MarketDay.select(MarketDay.id, MarketDay.day, MarketDay.note)
        .where((MarketDay.market == market_id) & (MarketDay.day <= today))
        .order_by(MarketDay.day, ascending=False)
        .limit(limit)
    )
