"""The result that counts for a village and year, and the regency's figures built from it.

The ministry's published figure, once imported, is the village's status for that year (the
decree fixes it); before that, the village's own survey counts once the regency verified it.
The counts, ranking and movements are plain functions over those results, so a test can check
the regency's page against a recount by hand.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from core.db.jsonvalue import json_dict
from plugins.village_index.index.editions import (
    STATUS_KEYS,
    Edition,
    Indicator,
    Status,
    edition,
)
from plugins.village_index.index.scoring import from_units, status_of
from plugins.village_index.survey.assessments import Survey, surveys
from plugins.village_index.survey.lifecycle import SUBMITTED, VERIFIED
from plugins.village_index.tables import MinistryResult

MINISTRY, SURVEY = "kementerian", "survei"


@dataclass(frozen=True, slots=True)
class YearResult:
    village_code: str
    year: int
    edition: Edition
    figure: Decimal
    status: Status
    source: str
    """`kementerian` (the imported decree figure) or `survei` (the verified village survey)."""
    dimensions: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    result: YearResult


@dataclass(frozen=True, slots=True)
class Movement:
    village_code: str
    before: Status
    after: Status

    @property
    def up(self) -> bool:
        return STATUS_KEYS.index(self.after.key) > STATUS_KEYS.index(self.before.key)


async def ministry_results() -> list[YearResult]:
    """Every imported ministry figure the scope reaches."""
    found = []
    for row in await MinistryResult.select().order_by(MinistryResult.year):
        known = edition(row["edition"])
        if known is None:
            continue
        figure = from_units(known, row["score_units"])
        status = known.status(row["status_key"]) or status_of(known, figure)
        found.append(
            YearResult(
                village_code=row["village_code"],
                year=row["year"],
                edition=known,
                figure=figure,
                status=status,
                source=MINISTRY,
                dimensions={k: Decimal(v) for k, v in json_dict(row["dimensions"]).items()},
            )
        )
    return found


def survey_result(survey: Survey) -> YearResult | None:
    """A complete survey as a result (whatever its state; the caller decides if it counts)."""
    if survey.score.composite is None or survey.score.status is None:
        return None
    return YearResult(
        village_code=survey.village_code,
        year=survey.year,
        edition=survey.edition,
        figure=survey.score.composite,
        status=survey.score.status,
        source=SURVEY,
        dimensions=dict(survey.score.dimensions),
    )


def official(ministry: Iterable[YearResult], verified: Iterable[YearResult]) -> list[YearResult]:
    """One result per village and year: the ministry's where there is one, else the survey's."""
    chosen = {(r.village_code, r.year): r for r in verified}
    chosen.update({(r.village_code, r.year): r for r in ministry})
    return sorted(chosen.values(), key=lambda r: (r.year, r.village_code))


@dataclass(frozen=True, slots=True)
class Standing:
    """What the scope reaches: the official results and every survey, loaded once per page."""

    results: list[YearResult]
    ministry: list[YearResult]
    surveys: list[Survey]

    @property
    def years(self) -> list[int]:
        """Years with an official result or a survey past its draft: what a regency can view."""
        handed_in = {s.year for s in self.surveys if s.state in (SUBMITTED, VERIFIED)}
        return sorted({r.year for r in self.results} | handed_in)


async def standing() -> Standing:
    """Load the scope's ministry figures and surveys and choose the official results."""
    ministry = await ministry_results()
    all_surveys = await surveys()
    verified = [r for s in all_surveys if s.state == VERIFIED if (r := survey_result(s))]
    return Standing(official(ministry, verified), ministry, all_surveys)


def counts_per_year(results: Iterable[YearResult]) -> dict[int, dict[str, int]]:
    """Year → status key → number of villages, every status present (zero where none)."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for result in results:
        counts[result.year][result.status.key] += 1
    return {year: {key: counts[year][key] for key in STATUS_KEYS} for year in sorted(counts)}


def ranking(results: Iterable[YearResult], year: int) -> list[Ranked]:
    """The year's villages by figure, highest first; equal figures share a rank (1, 2, 2, 4)."""
    ordered = sorted(
        (r for r in results if r.year == year), key=lambda r: (-r.figure, r.village_code)
    )
    ranked: list[Ranked] = []
    for position, result in enumerate(ordered, start=1):
        same = ranked and ranked[-1].result.figure == result.figure
        ranked.append(Ranked(ranked[-1].rank if same else position, result))
    return ranked


def movements(results: Sequence[YearResult], year: int) -> list[Movement]:
    """Villages whose status changed from the year before, those that fell first."""
    before = {r.village_code: r.status for r in results if r.year == year - 1}
    moved = [
        Movement(r.village_code, before[r.village_code], r.status)
        for r in results
        if r.year == year and r.village_code in before and before[r.village_code] != r.status
    ]
    return sorted(moved, key=lambda m: (m.up, m.village_code))


def weak_indicators(all_surveys: Iterable[Survey], year: int) -> list[tuple[Indicator, int]]:
    """The indicators most villages score low on in the year's submitted or verified surveys:
    where the regency's planning should go first."""
    counts: Counter[str] = Counter()
    indicators: dict[str, Indicator] = {}
    for survey in all_surveys:
        if survey.year != year or survey.state not in (SUBMITTED, VERIFIED):
            continue
        for indicator, _ in survey.score.weakest:
            counts[indicator.code] += 1
            indicators[indicator.code] = indicator
    return [
        (indicators[code], n) for code, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))
    ]
