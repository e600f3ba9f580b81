"""The register's counts per area: living residents, men, women and active families of each
hamlet, RW and RT, from the families' hamlet/RW/RT text matched to the records.

A family counts in every record its text matches from the hamlet down. What a level cannot place
lower is shown as a remainder row under it ("RW belum terdaftar"), and the families whose hamlet
matches no record (with the residents who have no KK) are the village's "belum terdaftar di
wilayah" row, so each level adds up to the one above and the hamlets to the village.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from piccolo.query.functions import Count

from plugins.population.areas.names import CHILD_LEVEL
from plugins.population.areas.places import Places, all_areas
from plugins.population.tables import Family, Resident

ALIVE = 1
MAN, WOMAN = 1, 2


@dataclass(slots=True)
class Tally:
    residents: int = 0
    men: int = 0
    women: int = 0
    families: int = 0

    def add(self, other: Tally) -> None:
        self.residents += other.residents
        self.men += other.men
        self.women += other.women
        self.families += other.families


@dataclass(slots=True)
class Row:
    """One line of the tree: an area (`area` set), a remainder under one, or a village line."""

    kind: str
    """`area`, `rest` (a level's families in no recorded child), `unplaced` or `total`."""
    level: str
    tally: Tally
    area: dict[str, Any] | None = None
    depth: int = 0
    rest_of: str = ""
    """For a remainder row, the level its families are not placed in (`rw`, `rt`)."""
    lineage: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class AreaStatistics:
    rows: list[Row]
    unplaced: Tally
    total: Tally

    @property
    def heads(self) -> list[dict[str, Any]]:
        return [r.area for r in self.rows if r.area and r.area["head"]]


async def _tallies(places: Places) -> tuple[dict[Any, Tally], Tally, Tally]:
    """Per area id (and per ('rest', id)), the families and living residents placed there."""
    families = await Family.select(Family.id, Family.dusun, Family.rw, Family.rt, Family.active)
    where: dict[int, tuple[int | None, int | None, int | None]] = {
        f["id"]: places.place(f["dusun"], f["rw"], f["rt"]) for f in families
    }
    per: dict[Any, Tally] = defaultdict(Tally)
    unplaced, total = Tally(), Tally()

    def book(place: tuple[int | None, int | None, int | None] | None, add: Tally) -> None:
        total.add(add)
        if place is None or place[0] is None:
            unplaced.add(add)
            return
        for depth, area_id in enumerate(place):
            if area_id is None:
                per[("rest", place[depth - 1])].add(add)
                return
            per[area_id].add(add)

    for family in families:
        if family["active"]:
            book(where[family["id"]], Tally(families=1))
    people = await (
        Resident.select(Resident.family, Resident.sex, Count(alias="n"))
        .where(Resident.status == ALIVE)
        .group_by(Resident.family, Resident.sex)
    )
    for group in people:
        n = int(group["n"])
        tally = Tally(
            residents=n,
            men=n if group["sex"] == MAN else 0,
            women=n if group["sex"] == WOMAN else 0,
        )
        book(where.get(group["family"]) if group["family"] else None, tally)
    return per, unplaced, total


async def area_statistics() -> AreaStatistics:
    """The village's areas as a tree of rows with their counts, then the village's lines."""
    places = Places.of(await all_areas())
    per, unplaced, total = await _tallies(places)
    rows: list[Row] = []

    def walk(parent: int | None, depth: int) -> None:
        for area in places.children(parent):
            rows.append(
                Row(
                    "area",
                    area["level"],
                    per.get(area["id"], Tally()),
                    area,
                    depth,
                    lineage=places.lineage(area["id"]),
                )
            )
            walk(area["id"], depth + 1)
            rest = per.get(("rest", area["id"]))
            child = CHILD_LEVEL[area["level"]]
            if rest is not None and child is not None:
                rows.append(
                    Row(
                        "rest",
                        area["level"],
                        rest,
                        None,
                        depth + 1,
                        child,
                        places.lineage(area["id"]),
                    )
                )

    walk(None, 0)
    return AreaStatistics(rows, unplaced, total)
