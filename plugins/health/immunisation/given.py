"""The doses a child has had, by vaccine and date: read by the child's card, the due list, the
recording of a dose and the coverage count."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from plugins.health.tables import Immunisation


async def given(child_id: int) -> dict[str, dt.date]:
    rows = await Immunisation.select(Immunisation.vaccine, Immunisation.given_on).where(
        Immunisation.child == child_id
    )
    return {r["vaccine"]: r["given_on"] for r in rows}


async def given_by_child(
    child_ids: list[int], until: dt.date | None = None
) -> dict[int, dict[str, dt.date]]:
    """Each child's doses; with `until`, only those given on or before that day."""
    found: dict[int, dict[str, dt.date]] = defaultdict(dict)
    if not child_ids:
        return found
    condition = Immunisation.child.is_in(child_ids)
    if until is not None:
        condition &= Immunisation.given_on <= until
    rows = await Immunisation.select(
        Immunisation.child, Immunisation.vaccine, Immunisation.given_on
    ).where(condition)
    for r in rows:
        found[r["child"]][r["vaccine"]] = r["given_on"]
    return found
