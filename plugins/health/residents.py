"""The residents health works with, read through the population plugin's public API only.

Children and mothers are residents of the register; health never copies their names or NIKs.
Every read goes through `plugins.population.public`, inside the request's transaction and scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from plugins.health.dates import add_months
from plugins.population import public as population
from plugins.population.public import PersonFacts

UNDER_FIVE_MONTHS = 60

__all__ = [
    "PersonFacts",
    "candidates",
    "find",
    "find_women",
    "people",
    "person",
    "person_by_nik",
    "search",
    "under_fives",
]


async def person(resident_id: int) -> PersonFacts | None:
    return await population.person(resident_id)


async def person_by_nik(nik: str) -> PersonFacts | None:
    return await population.person_by_nik(nik)


async def people(ids: Iterable[int]) -> dict[int, PersonFacts]:
    wanted = sorted(set(ids))
    return await population.people(wanted) if wanted else {}


def oldest_birth_date(today: dt.date) -> dt.date:
    """The earliest birth date of a child still under 60 months today."""
    return add_months(today, -UNDER_FIVE_MONTHS) + dt.timedelta(days=1)


async def under_fives(today: dt.date) -> list[PersonFacts]:
    """Living residents born in the last 60 months."""
    return await population.born_between(oldest_birth_date(today), today)


async def search(text: str, today: dt.date) -> list[PersonFacts]:
    """Residents under five whose name or NIK matches."""
    oldest = oldest_birth_date(today)
    found = await population.find_people(text, limit=40)
    return [p for p in found if p.birth_date is not None and oldest <= p.birth_date <= today]


async def find(text: str) -> list[PersonFacts]:
    """Living residents whose name or NIK matches (a mother, say)."""
    return await population.find_people(text, limit=20)


async def find_women(today: dt.date, youngest: int = 18, oldest: int = 40) -> list[PersonFacts]:
    """Living women aged `youngest` to `oldest`: who a pregnancy may be recorded for."""
    start = add_months(today, -12 * (oldest + 1)) + dt.timedelta(days=1)
    found = await population.born_between(start, add_months(today, -12 * youngest))
    return [p for p in found if p.sex == "P"]


async def candidates(today: dt.date, enrolled: set[int], text: str = "") -> list[PersonFacts]:
    """Under-fives of the register not yet followed by a posyandu."""
    found = await (search(text, today) if text else under_fives(today))
    return [p for p in found if p.id not in enrolled]
