"""A resident's basic status, derived from their life events (the column is only a cache).

Events count in the order they happened (event date, then the order they were recorded). A
correction is an event of its own that names the event it corrects: the corrected event and the
correction both drop out of the derivation, so the status is what it would have been without the
mistake.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

BIRTH, DEATH, MOVE_OUT, MISSING, MOVE_IN, LEFT = 1, 2, 3, 4, 5, 6
ALIVE, DEAD, MOVED, GONE_MISSING, AWAY = 1, 2, 3, 4, 6

STATUS_AFTER = {
    BIRTH: ALIVE,
    DEATH: DEAD,
    MOVE_OUT: MOVED,
    MISSING: GONE_MISSING,
    MOVE_IN: ALIVE,
    LEFT: AWAY,
}
"""The basic status (`BASIC_STATUS` code) a resident has after each kind of life event."""

DOMAIN_EVENTS = {
    BIRTH: "population.resident_born",
    DEATH: "population.resident_died",
    MOVE_OUT: "population.resident_moved_out",
    MISSING: "population.resident_missing",
    MOVE_IN: "population.resident_moved_in",
    LEFT: "population.resident_left",
}
"""The domain event each kind of life event publishes to other plugins."""

CORRECTED_EVENT = "population.event_corrected"


@dataclass(frozen=True, slots=True)
class EventFact:
    """What the derivation needs to know about one recorded event."""

    id: int
    kind: int
    event_date: dt.date
    corrects: int | None = None


def effective_events(events: Iterable[EventFact]) -> list[EventFact]:
    """The events that still stand, in the order they happened."""
    facts = list(events)
    cancelled = {fact.corrects for fact in facts if fact.corrects is not None}
    standing = [f for f in facts if f.corrects is None and f.id not in cancelled]
    return sorted(standing, key=lambda fact: (fact.event_date, fact.id))


def derive_status(events: Iterable[EventFact], initial: int = ALIVE) -> int:
    """The status after the last standing event; `initial` when no event stands."""
    standing = effective_events(events)
    return STATUS_AFTER[standing[-1].kind] if standing else initial
