"""The monthly books: the mutation book (who was born, died, moved) and the population recap.

The recap reconstructs the start of a month from today's living count and the events since, so it
balances by construction: start + births − deaths + moves in − moves out − others = end.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from piccolo.query.functions.aggregate import Count

from core.db.jsonvalue import json_dict
from core.i18n import N_, _
from plugins.population.domain.codes import DEATH_CAUSE
from plugins.population.register.event_form import DESTINATIONS
from plugins.population.register.status import (
    ALIVE,
    BIRTH,
    DEATH,
    LEFT,
    MISSING,
    MOVE_IN,
    MOVE_OUT,
    STATUS_AFTER,
)
from plugins.population.tables import Family, LifeEvent, Resident

DETAIL_NAMES = {
    "place": N_("Tempat"),
    "attested_by": N_("Yang menerangkan"),
    "destination_kind": N_("Klasifikasi pindah"),
    "destination": N_("Tujuan"),
    "origin": N_("Asal"),
    "note": N_("Catatan"),
}


DESTINATION_LABELS = {key: label for key, label in DESTINATIONS if key}


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


async def standing_events(
    village_code: str, since: dt.date, until: dt.date | None = None
) -> list[dict[str, Any]]:
    """Events from `since` (to `until`), without cancelled ones and corrections."""
    where = (LifeEvent.village_code == village_code) & (LifeEvent.event_date >= since)
    if until is not None:
        where = where & (LifeEvent.event_date <= until)
    rows = await (
        LifeEvent.select(
            LifeEvent.id,
            LifeEvent.kind,
            LifeEvent.event_date,
            LifeEvent.report_date,
            LifeEvent.corrects,
            LifeEvent.details,
            LifeEvent.resident.id,
            LifeEvent.resident.name,
            LifeEvent.resident.nik,
            LifeEvent.resident.sex,
        )
        .where(where)
        .order_by(LifeEvent.event_date)
        .order_by(LifeEvent.id)
    )
    cancelled = {r["corrects"] for r in rows if r["corrects"] is not None}
    return [r for r in rows if r["corrects"] is None and r["id"] not in cancelled]


async def mutation_book(
    village_code: str, year: int, month: int
) -> dict[int, list[dict[str, Any]]]:
    """The month's events by kind (`LIFE_EVENT` code), each with the resident's name."""
    first, last = month_bounds(year, month)
    book: dict[int, list[dict[str, Any]]] = {kind: [] for kind in STATUS_AFTER}
    for row in await standing_events(village_code, first, last):
        book[row["kind"]].append({**row, "note": describe(json_dict(row["details"]))})
    return book


def describe(details: dict[str, Any]) -> str:
    """The details of an event as one line for the book (cause, place, destination…), each
    coded value by its label: the book is read by people, not by the database."""
    parts = []
    if details.get("cause") in DEATH_CAUSE.labels:
        parts.append(f"{_('Sebab')}: {_(DEATH_CAUSE.labels[details['cause']])}")
    for key, name in DETAIL_NAMES.items():
        value = details.get(key)
        if value:
            shown = _(DESTINATION_LABELS.get(value, value)) if key == "destination_kind" else value
            parts.append(f"{_(name)}: {shown}")
    return "; ".join(parts) or "-"


def _net(kinds: Counter[int]) -> int:
    """Change in the living count: arrivals in, everyone who stopped living here out."""
    return sum(n if STATUS_AFTER[k] == ALIVE else -n for k, n in kinds.items())


@dataclass(slots=True)
class Recap:
    start: int
    births: int
    deaths: int
    moved_in: int
    moved_out: int
    others: int
    end: int
    by_sex: dict[int, int] = field(default_factory=dict)
    by_dusun: list[tuple[str, int]] = field(default_factory=list)
    families: int = 0


async def population_recap(village_code: str, year: int, month: int) -> Recap:
    first, last = month_bounds(year, month)
    living = (Resident.village_code == village_code) & (Resident.status == ALIVE)
    now_alive = await Resident.count().where(living)
    after = Counter(
        r["kind"] for r in await standing_events(village_code, last + dt.timedelta(days=1))
    )
    during = Counter(r["kind"] for r in await standing_events(village_code, first, last))
    end = now_alive - _net(after)
    start = end - _net(during)
    sexes = (
        await Resident.select(Resident.sex, Count(Resident.id, alias="count"))
        .where(living)
        .group_by(Resident.sex)
    )
    dusun = await (
        Resident.select(Resident.dusun, Count(Resident.id, alias="count"))
        .where(living)
        .group_by(Resident.dusun)
        .order_by(Resident.dusun)
    )
    families = await Family.count().where(
        (Family.village_code == village_code) & (Family.active == True)  # noqa: E712
    )
    return Recap(
        start=start,
        births=during[BIRTH],
        deaths=during[DEATH],
        moved_in=during[MOVE_IN],
        moved_out=during[MOVE_OUT],
        others=during[MISSING] + during[LEFT],
        end=end,
        by_sex={r["sex"]: r["count"] for r in sexes},
        by_dusun=[(r["dusun"] or "-", r["count"]) for r in dusun],
        families=families,
    )
