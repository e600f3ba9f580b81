"""The counts behind the statistics pages, as GROUP BY queries the database answers in one scan.

Nothing is loaded row by row: ages are grouped by birth year in SQL and put into five-year bands
in Python, so even the regency page over a million residents moves a few hundred small rows.
Only living residents (status 1) are counted. The villages counted are the transaction's scope
(a village, a district or the regency), which the core's tenant tables apply to every query.
"""

from __future__ import annotations

import datetime as dt

from piccolo.query.functions import Count, Month, Year

from plugins.population.tables import Family, LifeEvent, Resident

CODED_COLUMNS = ("religion", "education", "occupation", "marital_status", "relationship")
LIVING = 1


async def birth_years() -> list[tuple[int, int | None, int]]:
    """(sex, birth year or None, count) for the living residents of the scope."""
    year = Year(Resident.birth_date, alias="year")
    rows = await (
        Resident.select(Resident.sex, year, Count(alias="n"))
        .where(Resident.status == LIVING)
        .group_by(Resident.sex, Year(Resident.birth_date))
    )
    return [(row["sex"], row["year"], row["n"]) for row in rows]


async def coded_counts(column: str) -> dict[int | None, int]:
    """Living residents per code of one coded column (None: not filled in)."""
    if column not in CODED_COLUMNS:
        raise ValueError(f"not a coded column: {column}")
    coded = Resident._meta.get_column_by_name(column)
    rows = await (
        Resident.select(coded.as_alias("code"), Count(alias="n"))
        .where(Resident.status == LIVING)
        .group_by(coded)
    )
    return {row["code"]: row["n"] for row in rows}


async def family_count() -> int:
    return int(await Family.count().where(Family.active == True))  # noqa: E712 -- SQL, not Python


async def monthly_events(since: dt.date) -> dict[tuple[int, str], int]:
    """(life event kind, 'YYYY-MM') → count of events dated from `since` on."""
    year, month = Year(LifeEvent.event_date), Month(LifeEvent.event_date)
    rows = await (
        LifeEvent.select(
            LifeEvent.kind,
            Year(LifeEvent.event_date, alias="year"),
            Month(LifeEvent.event_date, alias="month"),
            Count(alias="n"),
        )
        .where(LifeEvent.event_date >= since)
        .group_by(LifeEvent.kind, year, month)
    )
    return {(row["kind"], f"{row['year']:04d}-{row['month']:02d}"): row["n"] for row in rows}
