"""The rows of the books, read from the register a chunk at a time.

Every query starts with the village code. The living-resident books page with LIMIT/OFFSET
over an order that ends in the id, so each row comes exactly once however the pages fall; a
download reads `CHUNK_ROWS` at a time and never holds the whole village.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from core.db.jsonvalue import json_dict
from plugins.population.books.filters import BookFilter
from plugins.population.register.status import (
    ALIVE,
    BIRTH,
    DEATH,
    LEFT,
    MISSING,
    MOVE_IN,
    MOVE_OUT,
)
from plugins.population.tables import LifeEvent, Resident

CHUNK_ROWS = 1000
HEAD = 1

RESIDENT_COLUMNS = (
    Resident.id,
    Resident.nik,
    Resident.nik_temporary,
    Resident.nik_needs_check,
    Resident.name,
    Resident.sex,
    Resident.birth_place,
    Resident.birth_date,
    Resident.religion,
    Resident.education,
    Resident.occupation,
    Resident.marital_status,
    Resident.relationship,
    Resident.citizenship,
    Resident.blood_type,
    Resident.father_name,
    Resident.mother_name,
    Resident.dusun,
    Resident.rw,
    Resident.rt,
    Resident.address,
    Resident.status,
    Resident.family,
    Resident.family.kk_number,
)


def _place(column_owner: Any, f: BookFilter) -> list[Any]:
    """Conditions for the hamlet, RW and RT of `column_owner` (Resident or a join to it)."""
    found = []
    for name, value in (("dusun", f.dusun), ("rw", f.rw), ("rt", f.rt)):
        if value:
            found.append(getattr(column_owner, name) == value)
    return found


def _all(conditions: Iterable[Any]) -> Any:
    items = list(conditions)
    where = items[0]
    for condition in items[1:]:
        where = where & condition
    return where


def _living(village_code: str, f: BookFilter) -> Any:
    return _all(
        [
            Resident.village_code == village_code,
            Resident.status == ALIVE,
            *_place(Resident, f),
        ]
    )


async def count_living(village_code: str, f: BookFilter) -> int:
    return int(await Resident.count().where(_living(village_code, f)))


async def living_page(
    village_code: str, f: BookFilter, offset: int, limit: int
) -> list[dict[str, Any]]:
    """Living residents in book order: hamlet, RW, RT, family, place in the family, age."""
    return list(
        await Resident.select(*RESIDENT_COLUMNS)
        .where(_living(village_code, f))
        .order_by(Resident.dusun)
        .order_by(Resident.rw)
        .order_by(Resident.rt)
        .order_by(Resident.family)
        .order_by(Resident.relationship)
        .order_by(Resident.birth_date)
        .order_by(Resident.id)
        .offset(offset)
        .limit(limit)
    )


async def living_chunks(village_code: str, f: BookFilter) -> AsyncIterator[list[dict[str, Any]]]:
    offset = 0
    while True:
        rows = await living_page(village_code, f, offset, CHUNK_ROWS)
        if not rows:
            return
        yield rows
        offset += len(rows)


def _standing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events that still stand: neither a correction nor corrected by one."""
    cancelled = {r["corrects"] for r in rows if r["corrects"] is not None}
    return [r for r in rows if r["corrects"] is None and r["id"] not in cancelled]


async def arrival_dates(village_code: str, resident_ids: list[int]) -> dict[int, dt.date]:
    """When each resident began living in the village: their first standing birth or move in."""
    if not resident_ids:
        return {}
    rows = await LifeEvent.select(
        LifeEvent.id, LifeEvent.resident, LifeEvent.event_date, LifeEvent.corrects
    ).where(
        (LifeEvent.village_code == village_code)
        & LifeEvent.resident.is_in(resident_ids)
        & LifeEvent.kind.is_in([BIRTH, MOVE_IN])
    )
    first: dict[int, dt.date] = {}
    for row in _standing(rows):
        known = first.get(row["resident"])
        if known is None or row["event_date"] < known:
            first[row["resident"]] = row["event_date"]
    return first


@dataclass(frozen=True, slots=True)
class Stay:
    """One newcomer's stay: when and from where they came, why, and when they left."""

    resident_id: int
    arrived: dt.date
    origin: str
    purpose: str
    left: dt.date | None


ENDINGS = (MOVE_OUT, LEFT)
"""Events that end a stay with a leaving date ("pergi tanggal")."""


def stays_from_events(events: list[dict[str, Any]]) -> list[Stay]:
    """The stays the standing events describe, in order of arrival.

    A move in starts a stay unless it follows the same resident's own "pergi" (a return home,
    which the event form records as "kembali / pindah masuk"); the next move out or "pergi"
    ends it. Deaths and disappearances end nothing here: the resident's status says so.
    """
    by_resident: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for event in _standing(events):
        by_resident[event["resident"]].append(event)
    stays: list[tuple[dt.date, int, Stay]] = []
    for items in by_resident.values():
        items.sort(key=lambda e: (e["event_date"], e["id"]))
        away = False
        open_stay: dict[str, Any] | None = None
        for event in items:
            kind = event["kind"]
            if kind == MOVE_IN:
                if not away and open_stay is None:
                    open_stay = event
                away = False
            elif kind in ENDINGS:
                if open_stay is not None:
                    stays.append(
                        (open_stay["event_date"], open_stay["id"], _stay(open_stay, event))
                    )
                    open_stay = None
                away = kind == LEFT
        if open_stay is not None:
            stays.append((open_stay["event_date"], open_stay["id"], _stay(open_stay, None)))
    return [stay for _, _, stay in sorted(stays, key=lambda item: (item[0], item[1]))]


def _stay(arrival: dict[str, Any], ending: dict[str, Any] | None) -> Stay:
    details = json_dict(arrival["details"])
    return Stay(
        resident_id=arrival["resident"],
        arrived=arrival["event_date"],
        origin=str(details.get("origin") or ""),
        purpose=str(details.get("note") or ""),
        left=ending["event_date"] if ending else None,
    )


async def stays(village_code: str, f: BookFilter) -> list[Stay]:
    """The village's newcomers (see `stays_from_events`), filtered by place and arrival year."""
    conditions = [
        LifeEvent.village_code == village_code,
        LifeEvent.kind.is_in([MOVE_IN, LEFT, MOVE_OUT, DEATH, MISSING]),
        *_place(LifeEvent.resident, f),
    ]
    events = await LifeEvent.select(
        LifeEvent.id,
        LifeEvent.resident,
        LifeEvent.kind,
        LifeEvent.event_date,
        LifeEvent.corrects,
        LifeEvent.details,
    ).where(_all(conditions))
    found = stays_from_events(list(events))
    if f.year is not None:
        found = [stay for stay in found if stay.arrived.year == f.year]
    return found


async def residents_by_id(village_code: str, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    rows = await Resident.select(*RESIDENT_COLUMNS).where(
        (Resident.village_code == village_code) & Resident.id.is_in(ids)
    )
    return {row["id"]: row for row in rows}


async def family_heads(village_code: str, family_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The living head of each family, with the family's address: whom a newcomer came to."""
    if not family_ids:
        return {}
    rows = await Resident.select(
        Resident.id,
        Resident.family,
        Resident.name,
        Resident.address,
        Resident.dusun,
        Resident.rw,
        Resident.rt,
        Resident.family.address,
    ).where(
        (Resident.village_code == village_code)
        & Resident.family.is_in(family_ids)
        & (Resident.relationship == HEAD)
        & (Resident.status == ALIVE)
    )
    return {row["family"]: row for row in rows}


async def card_members(village_code: str, family_id: int) -> list[dict[str, Any]]:
    """The living members of a family in KK order: the head first, then by relationship, age."""
    return list(
        await Resident.select(*RESIDENT_COLUMNS)
        .where(
            (Resident.village_code == village_code)
            & (Resident.family == family_id)
            & (Resident.status == ALIVE)
        )
        .order_by(Resident.relationship)
        .order_by(Resident.birth_date)
        .order_by(Resident.id)
    )
