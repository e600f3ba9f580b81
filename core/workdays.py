"""Indonesian working days, for the age of a request and the date it is due.

Government offices are closed on weekends, national holidays (libur nasional) and joint leave
(cuti bersama), all fixed each year by the SKB 3 Menteri; lokal-id carries those decrees.

A year whose SKB is not in lokal-id (see ``lokal.HOLIDAY_YEARS``; 2026 and 2027 in lokal-id 0.7.2)
falls back to **weekends only**: holidays there are not excluded, so ages and due dates in such a
year may count a holiday as a working day. This keeps old records and far-off deadlines usable
instead of failing; upgrading lokal-id once a new SKB is published fixes those years.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache

import lokal

__all__ = ["add_working_days", "is_working_day", "working_days_between"]

_SATURDAY = 5


@cache
def _days_off(year: int) -> frozenset[date]:
    if year not in lokal.HOLIDAY_YEARS:
        return frozenset()
    return frozenset(date.fromisoformat(h.date) for h in lokal.get_holidays(year).holidays)


def _as_date(moment: date | datetime) -> date:
    # A datetime counts as the calendar day it shows: pass it in the regency's local time
    # (WIB/WITA/WIT), not UTC, or a request made after 17:00 WIB lands on the day before.
    return moment.date() if isinstance(moment, datetime) else moment


def is_working_day(day: date | datetime) -> bool:
    """Whether government offices are open: not a weekend, holiday or cuti bersama."""
    d = _as_date(day)
    return d.weekday() < _SATURDAY and d not in _days_off(d.year)


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """Working days elapsed from ``start`` to ``end``: the age of a request.

    The start day is not counted and the end day is, when it is a working day, so a request made
    and checked the same day is 0 days old, and one made on Friday is 1 day old on Monday. When
    ``end`` is before ``start`` the result is the negative of the reverse count.
    """
    first, last = _as_date(start), _as_date(end)
    if last < first:
        return -working_days_between(last, first)
    count = 0
    day = first
    while day < last:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_working_days(start: date | datetime, days: int) -> date:
    """The date ``days`` working days after ``start``: the due date of a turnaround target.

    The result is always a working day (for ``days`` > 0), and
    ``working_days_between(start, add_working_days(start, n)) == n``.
    """
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    day = _as_date(start)
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
