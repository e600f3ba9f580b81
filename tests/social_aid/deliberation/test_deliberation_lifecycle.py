"""The deliberation's transition table, every (state, action) pair, written out as the spec."""

from __future__ import annotations

import pytest

from core.workflow import TransitionRefused
from plugins.social_aid.deliberation.lifecycle import DELIBERATION

EXPECTED = {
    ("draft", "hold"): "held",
    ("draft", "cancel"): "cancelled",
    ("held", "reopen"): "draft",
    ("held", "approve"): "approved",
    ("held", "cancel"): "cancelled",
}
STATES = ("draft", "held", "approved", "cancelled")
ACTIONS = ("hold", "reopen", "approve", "cancel")


def test_the_lifecycle_has_exactly_these_states_and_actions() -> None:
    assert DELIBERATION.states == frozenset(STATES)
    assert DELIBERATION.actions == frozenset(ACTIONS)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert DELIBERATION.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            DELIBERATION.next_state(state, action)


def test_approval_needs_the_approve_permission_and_the_meeting_needs_its_record() -> None:
    assert DELIBERATION.permission_for("approve") == "social_aid.approve"
    errors = DELIBERATION.validate_payload("hold", {"meeting_date": "2026-03-01"})
    assert set(errors) == {"place", "attendance", "minutes"}
    assert errors["minutes"] == "Berita acara wajib diisi."
