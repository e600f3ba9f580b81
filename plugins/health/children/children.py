"""Children followed by the village's posyandu; no HTTP here.

A child is a resident of the register; enrolling copies the sex and birth date the z-scores
need. Visibility is applied here, not in the pages: a cadre assigned to a posyandu reaches only
its children, whatever URL they type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.i18n import _
from plugins.health.residents import PersonFacts
from plugins.health.tables import Child

MANUAL, BIRTH = "manual", "kelahiran"


class ChildError(ValueError):
    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True, slots=True)
class ChildRow:
    id: int
    resident_id: int
    posyandu_id: int | None
    sex: str
    birth_date: dt.date
    has_kia_book: bool


def _row(row: dict[str, Any]) -> ChildRow:
    return ChildRow(
        row["id"],
        row["resident_id"],
        row["posyandu"],
        row["sex"],
        row["birth_date"],
        bool(row["has_kia_book"]),
    )


async def enrolled_resident_ids() -> set[int]:
    return {r["resident_id"] for r in await Child.select(Child.resident_id)}


async def by_resident(resident_id: int) -> ChildRow | None:
    row = await Child.select().where(Child.resident_id == resident_id).first()
    return _row(row) if row else None


async def enrol(
    person: PersonFacts,
    posyandu_id: int | None,
    at: dt.datetime,
    *,
    by: str = MANUAL,
    has_kia_book: bool = True,
) -> int:
    """Follow a resident under five; enrolling the same resident again returns the first id."""
    if person.birth_date is None:
        raise ChildError(_("Tanggal lahir anak belum tercatat di data penduduk."), "resident_id")
    earlier = await by_resident(person.id)
    if earlier is not None:
        return earlier.id
    rows = await Child.insert(
        Child(
            resident_id=person.id,
            posyandu=posyandu_id,
            sex=person.sex,
            birth_date=person.birth_date,
            has_kia_book=has_kia_book,
            enrolled_by=by,
            created_at=at,
        )
    ).returning(Child.id)
    return int(rows[0]["id"])


async def children(
    visible: set[int] | None, *, posyandu_id: int | None = None, born_after: dt.date | None = None
) -> list[ChildRow]:
    """The children this user sees, youngest first; `born_after` keeps the under-fives."""
    query = Child.select().order_by(Child.birth_date, ascending=False)
    if visible is not None:
        query = query.where(Child.posyandu.is_in(sorted(visible)))
    if posyandu_id is not None:
        query = query.where(Child.posyandu == posyandu_id)
    if born_after is not None:
        query = query.where(Child.birth_date > born_after)
    return [_row(r) for r in await query]


async def child(child_id: int, visible: set[int] | None) -> ChildRow | None:
    """One child, or None when there is none here or this user may not see it."""
    row = await Child.select().where(Child.id == child_id).first()
    if row is None or (visible is not None and row["posyandu"] not in visible):
        return None
    return _row(row)
