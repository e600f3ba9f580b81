"""The status cache is a pure function of the events; corrections cancel what they correct."""

from __future__ import annotations

import datetime as dt

from plugins.population.register.status import EventFact, derive_status

DAY = dt.date(2026, 1, 1)


def test_no_events_keeps_the_initial_status() -> None:
    assert derive_status([]) == 1
    assert derive_status([], initial=9) == 9


def test_the_latest_event_by_date_decides_not_the_recording_order() -> None:
    death = EventFact(2, 2, DAY + dt.timedelta(days=5))
    late_record_of_earlier_move_in = EventFact(3, 5, DAY)
    assert derive_status([death, late_record_of_earlier_move_in]) == 2


def test_each_kind_leads_to_its_status() -> None:
    for kind, status in {1: 1, 2: 2, 3: 3, 4: 4, 5: 1, 6: 6}.items():
        assert derive_status([EventFact(1, kind, DAY)]) == status


def test_a_correction_cancels_the_corrected_event_only() -> None:
    left = EventFact(1, 6, DAY)
    death = EventFact(2, 2, DAY + dt.timedelta(days=1))
    correction = EventFact(3, 2, DAY + dt.timedelta(days=1), corrects=2)
    assert derive_status([left, death, correction]) == 6
    assert derive_status([death, correction]) == 1
