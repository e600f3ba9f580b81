"""The counts behind the statistics pages, as GROUP BY queries the database answers in one scan.

Nothing is loaded row by row: ages are grouped by birth year in SQL (the expression differs per
database, chosen by the engine type) and put into five-year bands in Python, so even the regency
page over a million residents moves a few hundred small rows. Only living residents (status 1)
are counted. A district or the regency is the prefix of its villages' codes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.tenancy.context import Tenant
from plugins.population.tables import Family, LifeEvent, Resident

CODED_COLUMNS = ("religion", "education", "occupation", "marital_status", "relationship")
_YEAR = {
    "sqlite": "CAST(strftime('%Y', {column}) AS INTEGER)",
    "postgres": "CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)",
}
_MONTH = {
    "sqlite": "strftime('%Y-%m', {column})",
    "postgres": "to_char({column}, 'YYYY-MM')",
}


def _scope(tenant: Tenant) -> tuple[str, str]:
    """The SQL condition on `village_code` and its one argument."""
    if tenant.kind == "village":
        return "village_code = {}", tenant.code
    return "village_code LIKE {}", f"{tenant.code}.%"


def _engine_type() -> str:
    return str(Resident._meta.db.engine_type)


async def birth_years(tenant: Tenant) -> list[tuple[int, int | None, int]]:
    """(sex, birth year or None, count) for the living residents of the tenant."""
    where, argument = _scope(tenant)
    year = _YEAR[_engine_type()].format(column="birth_date")
    rows = await Resident.raw(
        f"SELECT sex, {year} AS year, COUNT(*) AS n FROM {Resident._meta.tablename} "
        f"WHERE {where} AND status = 1 GROUP BY sex, {year}",
        argument,
    )
    return [(row["sex"], row["year"], row["n"]) for row in rows]


async def coded_counts(tenant: Tenant, column: str) -> dict[int | None, int]:
    """Living residents per code of one coded column (None: not filled in)."""
    if column not in CODED_COLUMNS:
        raise ValueError(f"not a coded column: {column}")
    where, argument = _scope(tenant)
    rows = await Resident.raw(
        f"SELECT {column} AS code, COUNT(*) AS n FROM {Resident._meta.tablename} "
        f"WHERE {where} AND status = 1 GROUP BY {column}",
        argument,
    )
    return {row["code"]: row["n"] for row in rows}


async def family_count(tenant: Tenant) -> int:
    where, argument = _scope(tenant)
    rows = await Family.raw(
        f"SELECT COUNT(*) AS n FROM {Family._meta.tablename} WHERE {where} AND active = {{}}",
        argument,
        True,
    )
    return int(rows[0]["n"])


async def monthly_events(tenant: Tenant, since: dt.date) -> dict[tuple[int, str], int]:
    """(life event kind, 'YYYY-MM') → count of events dated from `since` on."""
    where, argument = _scope(tenant)
    month = _MONTH[_engine_type()].format(column="event_date")
    rows: list[dict[str, Any]] = await LifeEvent.raw(
        f"SELECT kind, {month} AS month, COUNT(*) AS n FROM {LifeEvent._meta.tablename} "
        f"WHERE {where} AND event_date >= {{}} GROUP BY kind, {month}",
        argument,
        since,
    )
    return {(row["kind"], row["month"]): row["n"] for row in rows}
