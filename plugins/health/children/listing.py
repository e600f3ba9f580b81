"""The list of children a page shows: the child, their register facts and this month's state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from plugins.health.children.children import ChildRow, children
from plugins.health.dates import month_key
from plugins.health.growth import kms
from plugins.health.growth.kms import age_months
from plugins.health.residents import PersonFacts, oldest_birth_date, people
from plugins.health.tables import Measurement, Posyandu


@dataclass(frozen=True, slots=True)
class ListRow:
    child: ChildRow
    person: PersonFacts | None
    posyandu: str
    age_months: int
    last: dict[str, Any] | None
    """The latest measurement."""
    weighed_this_month: bool

    @property
    def name(self) -> str:
        return self.person.name if self.person else f"#{self.child.resident_id}"

    @property
    def gain_label(self) -> str:
        return kms.LABELS.get(self.last["gain"], "") if self.last else ""


async def latest_measurements(child_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each child's latest measurement (one query, newest first, first per child kept)."""
    if not child_ids:
        return {}
    rows = (
        await Measurement.select()
        .where(Measurement.child.is_in(child_ids))
        .order_by(Measurement.measured_on, ascending=False)
    )
    latest: dict[int, dict[str, Any]] = {}
    for row in rows:
        latest.setdefault(row["child"], row)
    return latest


async def rows(
    visible: set[int] | None, day: dt.date, *, posyandu_id: int | None = None
) -> list[ListRow]:
    """The under-fives this user sees, youngest first."""
    found = await children(
        visible, posyandu_id=posyandu_id, born_after=oldest_birth_date(day) - dt.timedelta(days=1)
    )
    ids = [c.id for c in found]
    facts = await people(c.resident_id for c in found)
    latest = await latest_measurements(ids)
    names = {p["id"]: p["name"] for p in await Posyandu.select(Posyandu.id, Posyandu.name)}
    month = month_key(day)
    return [
        ListRow(
            child=c,
            person=facts.get(c.resident_id),
            posyandu=names.get(c.posyandu_id, "") if c.posyandu_id else "",
            age_months=age_months(c.birth_date, day),
            last=latest.get(c.id),
            weighed_this_month=bool(latest.get(c.id) and latest[c.id]["month"] == month),
        )
        for c in found
    ]
