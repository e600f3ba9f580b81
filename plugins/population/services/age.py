"""The age of a request in working days, counted on the instance's own calendar days.

Offices open and close by local time, so a request made at 18:00 WIB belongs to that day, not to
the UTC day before (core.localtime keeps the instance's one time zone).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from core.localtime import local_day, zone
from core.workdays import working_days_between

__all__ = ["day_start", "request_age", "submitted_on_or_before"]


def request_age(submitted_at: datetime, until: datetime) -> int:
    """Working days from submission to ``until`` (now, or the day the document was ready)."""
    return working_days_between(local_day(submitted_at), local_day(until))


def submitted_on_or_before(today: date, min_age: int) -> date:
    """The latest submission day whose age today is at least ``min_age`` working days."""
    day = today
    while working_days_between(day, today) < min_age:
        day -= timedelta(days=1)
    return day


def day_start(day: date) -> datetime:
    """The moment a local calendar day begins, for comparing with stored timestamps."""
    return datetime.combine(day, time(0), tzinfo=zone())
