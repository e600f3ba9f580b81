"""The national schedule for a child born on a given date: due, overdue, given; and IDL."""

from __future__ import annotations

import datetime as dt

from plugins.health.dates import add_months
from plugins.health.immunisation.schedule import (
    DUE,
    GIVEN,
    LATER,
    NATIONAL_SCHEDULE,
    OVERDUE,
    dose_states,
    due_date,
)

BORN = dt.date(2026, 1, 31)


def _states(given: dict[str, dt.date], today: dt.date, endemic: bool = False) -> dict[str, str]:
    return {s.dose.key: s.state for s in dose_states(BORN, given, today, endemic=endemic)}


def test_due_dates_follow_the_schedule_from_the_birth_date() -> None:
    dues = {d.key: due_date(d, BORN) for d in NATIONAL_SCHEDULE.doses}
    assert dues["hb0"] == BORN
    assert dues["bcg"] == dt.date(2026, 2, 28)
    assert dues["dpt1"] == dt.date(2026, 3, 31)
    assert dues["mr1"] == dt.date(2026, 10, 31)
    assert dues["dpt4"] == dt.date(2027, 7, 31)


def test_month_ends_clamp() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


def test_just_under_three_months_old_with_nothing_given() -> None:
    states = _states({}, dt.date(2026, 4, 29))
    assert states["hb0"] == OVERDUE
    assert states["bcg"] == OVERDUE and states["polio1"] == OVERDUE
    assert states["dpt1"] == DUE and states["pcv1"] == DUE
    assert states["dpt2"] == DUE  # due 30 April: this month
    assert states["dpt3"] == LATER and states["mr1"] == LATER


def test_hb0_is_overdue_after_its_first_day() -> None:
    assert _states({}, BORN)["hb0"] == DUE
    assert _states({}, BORN + dt.timedelta(days=1))["hb0"] == OVERDUE


def test_given_doses_are_given_whatever_the_date() -> None:
    states = _states({"hb0": BORN, "bcg": dt.date(2026, 3, 10)}, dt.date(2026, 4, 30))
    assert states["hb0"] == GIVEN and states["bcg"] == GIVEN


def test_je_only_where_endemic() -> None:
    assert "je" not in _states({}, dt.date(2027, 1, 1))
    assert _states({}, dt.date(2027, 1, 1), endemic=True)["je"] == OVERDUE


def test_basic_complete_needs_every_basic_dose() -> None:
    basic = ["hb0", "bcg", "polio1", "polio2", "polio3", "polio4", "dpt1", "dpt2", "dpt3"]
    assert not NATIONAL_SCHEDULE.basic_complete(basic)
    assert not NATIONAL_SCHEDULE.basic_complete([*basic, "ipv1"])
    assert NATIONAL_SCHEDULE.basic_complete([*basic, "ipv1", "mr1"])
