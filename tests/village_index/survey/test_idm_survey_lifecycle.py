"""Every (state, action) pair of the survey lifecycle, and a history that cannot be rewritten."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.db.insert_only import is_insert_only
from core.workflow import TransitionRefused
from plugins.village_index.survey.lifecycle import SURVEY
from plugins.village_index.tables import Assessment, AssessmentStep

EXPECTED = {
    ("draft", "submit"): "submitted",
    ("draft", "return"): None,
    ("draft", "verify"): None,
    ("submitted", "submit"): None,
    ("submitted", "return"): "returned",
    ("submitted", "verify"): "verified",
    ("returned", "submit"): "submitted",
    ("returned", "return"): None,
    ("returned", "verify"): None,
    ("verified", "submit"): None,
    ("verified", "return"): None,
    ("verified", "verify"): None,
}


def test_every_state_and_action_is_covered() -> None:
    assert {(s, a) for s in SURVEY.states for a in SURVEY.actions} == set(EXPECTED)


@pytest.mark.parametrize(("pair", "after"), EXPECTED.items())
def test_transition(pair: tuple[str, str], after: str | None) -> None:
    state, action = pair
    if after is None:
        with pytest.raises(TransitionRefused):
            SURVEY.next_state(state, action)
    else:
        assert SURVEY.next_state(state, action) == after


def test_only_the_regency_verifies_or_returns() -> None:
    assert SURVEY.permission_for("verify") == "village_index.verify"
    assert SURVEY.permission_for("return") == "village_index.verify"
    assert SURVEY.permission_for("submit") == "village_index.submit"


def test_the_history_is_declared_insert_only() -> None:
    assert is_insert_only(AssessmentStep)


async def test_a_step_cannot_be_changed_or_removed(kampung) -> None:
    village = await kampung.village(0)
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        survey = await Assessment.insert(
            Assessment(
                year=2023,
                edition="idm2016",
                answers={},
                created_by="x",
                created_at=now,
                updated_by="x",
                updated_at=now,
            )
        )
        await AssessmentStep.insert(
            AssessmentStep(assessment=survey[0]["id"], action="submit", actor="x", at=now)
        )
    for statement in (
        lambda: AssessmentStep.update({AssessmentStep.action: "verify"}, force=True),
        lambda: AssessmentStep.delete(force=True),
        lambda: Assessment.delete(force=True),
    ):
        with pytest.raises(Exception, match=r"(?i)permission denied|insert-only|foreign key"):
            async with kampung.scope(village.code):
                await statement()
