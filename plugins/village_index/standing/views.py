"""The regency's (or a district's) planning view, assembled from the results, without HTTP."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from plugins.village_index.index.editions import STATUS_KEYS
from plugins.village_index.standing.places import Place, places
from plugins.village_index.standing.results import (
    Movement,
    Ranked,
    Standing,
    YearResult,
    counts_per_year,
    movements,
    ranking,
    standing,
    survey_result,
    weak_indicators,
)
from plugins.village_index.survey.lifecycle import SUBMITTED, VERIFIED


@dataclass(frozen=True, slots=True)
class Overview:
    year: int | None
    years: list[int]
    places: dict[str, Place]
    counts: dict[int, dict[str, int]]
    without_result: int
    ranked: list[Ranked]
    moved: list[Movement]
    weak: list[tuple[Any, int]]
    per_district: list[tuple[str, dict[str, int]]]
    pending: list[tuple[Place, int]]
    own: dict[str, YearResult]
    """The year's submitted or verified village surveys by village, beside the official figure."""
    loaded: Standing


def chosen_year(requested: str | None, years: list[int]) -> int | None:
    """The year asked for when there is data for it, else the latest one."""
    if requested and requested.isdecimal() and int(requested) in years:
        return int(requested)
    return max(years) if years else None


async def overview(scope_code: str, requested_year: str | None) -> Overview:
    loaded = await standing()
    known = await places(scope_code)
    years = loaded.years
    year = chosen_year(requested_year, years)
    ranked = ranking(loaded.results, year) if year else []
    per_district: dict[str, Counter[str]] = defaultdict(Counter)
    for item in ranked:
        place = known.get(item.result.village_code)
        if place:
            per_district[place.district_name][item.result.status.key] += 1
    pending = [
        (known[s.village_code], s.year)
        for s in loaded.surveys
        if s.state == SUBMITTED and s.village_code in known
    ]
    own = {
        s.village_code: result
        for s in loaded.surveys
        if s.year == year and s.state in (SUBMITTED, VERIFIED)
        if (result := survey_result(s))
    }
    return Overview(
        year=year,
        years=years,
        places=known,
        counts=counts_per_year(loaded.results),
        without_result=len(known) - len(ranked),
        ranked=ranked,
        moved=movements(loaded.results, year) if year else [],
        weak=weak_indicators(loaded.surveys, year)[:10] if year else [],
        per_district=[
            (name, {key: counts[key] for key in STATUS_KEYS})
            for name, counts in sorted(per_district.items())
        ],
        pending=sorted(pending, key=lambda p: (p[0].name, p[1])),
        own=own,
        loaded=loaded,
    )
