"""Names of the villages and districts a scope covers, for tables that list villages."""

from __future__ import annotations

from dataclasses import dataclass

from core.tenancy.tables import District, Village


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    name: str
    slug: str
    district_code: str
    district_name: str


async def places(scope_code: str) -> dict[str, Place]:
    """Every village in the scope (a district or regency code), by code."""
    districts = {
        row["code"]: row["name"]
        for row in await District.select(District.code, District.name).where(
            District.code.like(scope_code[:8] + "%")
        )
    }
    rows = await Village.select(
        Village.code, Village.name, Village.slug, Village.district_code
    ).where((Village.code == scope_code) | Village.code.like(scope_code + ".%"))
    return {
        row["code"]: Place(
            row["code"],
            row["name"],
            row["slug"],
            row["district_code"],
            districts.get(row["district_code"], row["district_code"]),
        )
        for row in rows
    }
