"""The rules of a village's survey, without HTTP: start a year, save a dimension's answers,
take a lifecycle action. Every call runs in the caller's transaction and village scope."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import _
from plugins.village_index.index.editions import Edition, edition, edition_for_year
from plugins.village_index.index.scoring import Score, score, to_units
from plugins.village_index.survey.lifecycle import EDITABLE, SURVEY
from plugins.village_index.tables import Assessment, AssessmentStep


class SurveyError(ValueError):
    """A request the survey cannot take; `field` names the form field it concerns."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Answer:
    score: int
    evidence: str


@dataclass(frozen=True, slots=True)
class Survey:
    """One year's survey as a page shows it: answers, computed figures, state and history."""

    id: int
    village_code: str
    year: int
    edition: Edition
    answers: dict[str, Answer]
    score: Score
    state: str
    steps: tuple[dict[str, Any], ...]

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE


def year_error(year: int, today_year: int) -> str | None:
    """Why a survey cannot be started for `year`, in the words shown beside the field."""
    if edition_for_year(year) is None or year > today_year:
        return _("Tahun harus antara 2016 dan {year}.").format(year=today_year)
    return None


def _answers(raw: Mapping[str, Any]) -> dict[str, Answer]:
    return {
        code: Answer(int(value["score"]), str(value.get("evidence", "")))
        for code, value in raw.items()
    }


async def _steps(assessment_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {i: [] for i in assessment_ids}
    if not assessment_ids:
        return found
    rows = await (
        AssessmentStep.select()
        .where(AssessmentStep.assessment.is_in(assessment_ids))
        .order_by(AssessmentStep.id)
    )
    for row in rows:
        found[row["assessment"]].append(row)
    return found


async def states_of(assessment_ids: list[int]) -> dict[int, str]:
    """Each survey's lifecycle state, replayed from its history (one query for all)."""
    steps = await _steps(assessment_ids)
    return {i: SURVEY.derive(s["action"] for s in rows) for i, rows in steps.items()}


def _survey(row: dict[str, Any], steps: list[dict[str, Any]]) -> Survey:
    found = edition(row["edition"])
    assert found is not None, f"unknown edition {row['edition']}"
    answers = _answers(json_dict(row["answers"]))
    return Survey(
        id=row["id"],
        village_code=row["village_code"],
        year=row["year"],
        edition=found,
        answers=answers,
        score=score(found, {code: a.score for code, a in answers.items()}),
        state=SURVEY.derive(s["action"] for s in steps),
        steps=tuple(steps),
    )


async def survey_for_year(year: int) -> Survey | None:
    """The scope's village survey for `year` (call in a village scope)."""
    row = await Assessment.select().where(Assessment.year == year).first()
    if row is None:
        return None
    return _survey(row, (await _steps([row["id"]]))[row["id"]])


async def surveys() -> list[Survey]:
    """Every survey the scope reaches, newest year first."""
    rows = await Assessment.select().order_by(Assessment.year, ascending=False)
    steps = await _steps([r["id"] for r in rows])
    return [_survey(r, steps[r["id"]]) for r in rows]


async def start(year: int, actor: str, now: datetime) -> int:
    """Open the survey of `year` for the scope's village; refuses a second one for a year."""
    error = year_error(year, now.year)
    if error:
        raise SurveyError("year", error)
    if await Assessment.exists().where(Assessment.year == year):
        raise SurveyError("year", _("Survei tahun {year} sudah ada.").format(year=year))
    found = edition_for_year(year)
    assert found is not None
    rows = await Assessment.insert(
        Assessment(
            year=year,
            edition=found.key,
            answers={},
            created_by=actor,
            created_at=now,
            updated_by=actor,
            updated_at=now,
        )
    )
    return int(rows[0]["id"])


async def save_dimension(
    survey: Survey, dimension: str, given: Mapping[str, Answer | None], actor: str, now: datetime
) -> Survey:
    """Replace one dimension's answers (None clears an indicator: a partial save is fine)."""
    if not survey.editable:
        raise SurveyError(
            "state",
            _("Survei berstatus {state} tidak bisa diubah.").format(
                state=_(SURVEY.label(survey.state))
            ),
        )
    found = survey.edition.dimension(dimension)
    if found is None:
        raise SurveyError("dimension", _("Dimensi tidak dikenal."))
    codes = {i.code for i in found.indicators}
    answers = {c: a for c, a in survey.answers.items() if c not in codes}
    answers.update({c: a for c, a in given.items() if c in codes and a is not None})
    result = score(survey.edition, {c: a.score for c, a in answers.items()})
    stored = {c: {"score": a.score, "evidence": a.evidence} for c, a in sorted(answers.items())}
    await Assessment.update(
        {
            Assessment.answers: stored,
            Assessment.score_units: (
                None if result.composite is None else to_units(survey.edition, result.composite)
            ),
            Assessment.status_key: result.status.key if result.status else "",
            Assessment.updated_by: actor,
            Assessment.updated_at: now,
        }
    ).where(Assessment.id == survey.id)
    refreshed = await survey_for_year(survey.year)
    assert refreshed is not None
    return refreshed


async def act(survey: Survey, action: str, actor: str, now: datetime, note: str = "") -> int:
    """Take a lifecycle action; raises `core.workflow.WorkflowError` or `SurveyError`."""
    SURVEY.next_state(survey.state, action)
    errors = SURVEY.validate_payload(action, {"note": note})
    if errors:
        field, message = next(iter(errors.items()))
        raise SurveyError(field, message)
    if action == "submit" and survey.score.composite is None:
        raise SurveyError(
            "state",
            _("Masih ada {count} indikator yang belum diisi.").format(
                count=len(survey.score.missing)
            ),
        )
    rows = await AssessmentStep.insert(
        AssessmentStep(
            village_code=survey.village_code,
            assessment=survey.id,
            action=action,
            actor=actor,
            at=now,
            note=note.strip(),
        )
    )
    return int(rows[0]["id"])
