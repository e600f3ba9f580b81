"""Where a family is, in the areas' terms: the records of the village as a lookup, and which
families' hamlet/RW/RT text falls in an area. No HTTP; every query is the village's scope."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from plugins.population.areas.names import DUSUN, RT, RW, area_key
from plugins.population.areas.tables import Area
from plugins.population.register.errors import NotInVillage
from plugins.population.tables import Family

Path = tuple[str, ...]
"""An area's keys from its hamlet down: ('krajan',), ('krajan', '001'), ('krajan', '001', '002')."""


async def all_areas() -> list[dict[str, Any]]:
    """Every area of the village with its head's name, NIK and status, hamlets first by name."""
    return await Area.select(
        Area.id,
        Area.level,
        Area.parent,
        Area.name,
        Area.name_key,
        Area.head,
        Area.head.name.as_alias("head_name"),
        Area.head.nik.as_alias("head_nik"),
        Area.head.status.as_alias("head_status"),
        Area.updated_at,
    ).order_by(Area.name_key)


async def load_area(area_id: int) -> dict[str, Any]:
    """One area of this village; `NotInVillage` when the id names none here."""
    for row in await all_areas():
        if row["id"] == area_id:
            return row
    raise NotInVillage("area")


@dataclass(slots=True)
class Places:
    """The village's areas indexed for matching: by id, and by key under each parent."""

    by_id: dict[int, dict[str, Any]]
    by_key: dict[tuple[int | None, str], dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[dict[str, Any]]) -> Places:
        rows = list(rows)
        places = cls({row["id"]: row for row in rows})
        for row in rows:
            places.by_key[(row["parent"], row["name_key"])] = row
        return places

    def children(self, area_id: int | None) -> list[dict[str, Any]]:
        found = [row for row in self.by_id.values() if row["parent"] == area_id]
        return sorted(found, key=lambda row: row["name_key"])

    def lineage(self, area_id: int) -> list[dict[str, Any]]:
        """The area's hamlet, RW and itself, from the top."""
        chain = []
        current: int | None = area_id
        while current is not None:
            row = self.by_id[current]
            chain.append(row)
            current = row["parent"]
        return list(reversed(chain))

    def path(self, area_id: int) -> Path:
        return tuple(row["name_key"] for row in self.lineage(area_id))

    def place(self, dusun: str, rw: str, rt: str) -> tuple[int | None, int | None, int | None]:
        """The hamlet, RW and RT records a family's text names, as far down as they match."""
        hamlet = self.by_key.get((None, area_key(DUSUN, dusun)))
        if hamlet is None:
            return None, None, None
        ward = self.by_key.get((hamlet["id"], area_key(RW, rw)))
        if ward is None:
            return hamlet["id"], None, None
        unit = self.by_key.get((ward["id"], area_key(RT, rt)))
        return hamlet["id"], ward["id"], unit["id"] if unit else None


def text_path(dusun: str, rw: str, rt: str) -> Path:
    return (area_key(DUSUN, dusun), area_key(RW, rw), area_key(RT, rt))


def within(path: Path, place: Path) -> bool:
    """True when a family's `place` lies in the area at `path`."""
    return place[: len(path)] == path


async def families_in(path: Path, *, active_only: bool = True) -> list[dict[str, Any]]:
    """The families whose hamlet/RW/RT text lies in the area at `path`."""
    query = Family.select(Family.id, Family.dusun, Family.rw, Family.rt)
    if active_only:
        query = query.where(Family.active == True)  # noqa: E712 -- SQL, not Python
    rows = await query
    return [r for r in rows if within(path, text_path(r["dusun"], r["rw"], r["rt"]))]
