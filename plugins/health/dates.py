"""Calendar arithmetic the health schedule and reports count in: months of age, month keys."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), or that month's last day when it has no such
    day: a child born on 31 January is one month old on 28 (or 29) February."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_key(day: dt.date) -> str:
    """YYYY-MM, how measurements and reports name a month."""
    return f"{day.year:04d}-{day.month:02d}"


def month_start(key: str) -> dt.date:
    year, month = key.split("-")
    return dt.date(int(year), int(month), 1)


def month_end(key: str) -> dt.date:
    return add_months(month_start(key), 1) - dt.timedelta(days=1)


def previous_months(key: str, count: int) -> list[str]:
    """`count` month keys ending with `key`, oldest first."""
    start = month_start(key)
    return [month_key(add_months(start, -i)) for i in range(count - 1, -1, -1)]


def valid_month(key: str) -> bool:
    try:
        month_start(key)
    except ValueError:
        return False
    return len(key) == 7
