"""Demo data: five years of the ministry's IDM results with movement, a verified Indeks Desa
survey for 2024 and a half-filled one for 2025, deterministic from the demo seed and the village."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from fractions import Fraction

from core import DemoContext
from plugins.village_index.index.editions import edition
from plugins.village_index.index.scoring import exact_decimal, status_of, to_units
from plugins.village_index.survey import assessments
from plugins.village_index.survey.assessments import Answer
from plugins.village_index.tables import MinistryResult

IDM_YEARS = range(2019, 2024)
EVIDENCE = {
    5: "Tersedia dan berjalan baik, tercatat di profil desa",
    4: "Tersedia, dimanfaatkan sebagian besar warga",
    3: "Tersedia dengan keterbatasan",
    2: "Terbatas, perlu perbaikan",
    1: "Belum tersedia di desa",
}


def _walk(rng: random.Random, start: int, years: int) -> list[int]:
    """Index units (0–10000) over the years: mostly rising, sometimes a setback."""
    values, value = [], start
    for _ in range(years):
        values.append(max(3500, min(9600, value)))
        value += rng.randint(-400, 1100)
    return values


async def _ministry_results(rng: random.Random, now: datetime) -> None:
    idm = edition("idm2016")
    assert idm is not None
    base = rng.randint(5200, 7200)
    dimension_walks = [_walk(rng, base + rng.randint(-600, 600), len(IDM_YEARS)) for _ in range(3)]
    for index, year in enumerate(IDM_YEARS):
        units = [walk[index] for walk in dimension_walks]
        figure = exact_decimal(idm, Fraction(sum(units), 3 * 10**idm.digits))
        await MinistryResult.insert(
            MinistryResult(
                year=year,
                edition=idm.key,
                dimensions={
                    d.key: str(exact_decimal(idm, Fraction(u, 10**idm.digits)))
                    for d, u in zip(idm.dimensions, units, strict=True)
                },
                score_units=to_units(idm, figure),
                status_key=status_of(idm, figure).key,
                source_sha256="demo",
                imported_by="demo",
                imported_at=now,
            )
        )


async def _surveys(rng: random.Random, actor: str, verifier: str, now: datetime) -> None:
    current = edition("id2024")
    assert current is not None
    for year, share in ((2024, 1.0), (2025, 0.5)):
        survey_id = await assessments.start(year, actor, now)
        survey = await assessments.survey_for_year(year)
        assert survey is not None and survey.id == survey_id
        for dimension in current.dimensions:
            given = {}
            for position, indicator in enumerate(dimension.indicators):
                if position >= round(len(dimension.indicators) * share):
                    break
                score = rng.choices((1, 2, 3, 4, 5), weights=(1, 2, 3, 4, 3))[0]
                given[indicator.code] = Answer(score, EVIDENCE[score])
            survey = await assessments.save_dimension(survey, dimension.key, given, actor, now)
        if share == 1.0:
            await assessments.act(survey, "submit", actor, now)
            survey = await assessments.survey_for_year(year)
            assert survey is not None
            await assessments.act(survey, "verify", verifier, now)


async def fill(context: DemoContext) -> None:
    rng = random.Random(f"{context.seed}:{context.village.code}:village_index")
    now = datetime.now(UTC)
    actor = context.users.get("village_operator", "demo")
    verifier = context.users.get("regency_admin", "demo-kabupaten")
    await _ministry_results(rng, now)
    await _surveys(rng, actor, verifier, now)
