"""The age of a request in working days, counted on the regency's own calendar days.

Offices open and close by local time, so a request made at 18:00 WIB belongs to that day, not to
the UTC day before; the offset follows the province (WIB, WITA or WIT).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from core.localtime import local_zone
from core.workdays import working_days_between

__all__ = ["day_start", "local_day", "request_age", "submitted_on_or_before"]


def _zone(regency_code: str) -> timezone:
    return local_zone(regency_code)[0]


def local_day(moment: datetime, regency_code: str) -> date:
    """The calendar day ``moment`` falls on in the regency (naive datetimes are UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(_zone(regency_code)).date()


def request_age(submitted_at: datetime, until: datetime, regency_code: str) -> int:
    """Working days from submission to ``until`` (now, or the day the document was ready)."""
    return working_days_between(
        local_day(submitted_at, regency_code), local_day(until, regency_code)
    )


def submitted_on_or_before(today: date, min_age: int) -> date:
    """The latest submission day whose age today is at least ``min_age`` working days."""
    day = today
    while working_days_between(day, today) < min_age:
        day -= timedelta(days=1)
    return day


def day_start(day: date, regency_code: str) -> datetime:
    """The moment a local calendar day begins, for comparing with stored timestamps."""
    return datetime.combine(day, time(0), tzinfo=_zone(regency_code))
