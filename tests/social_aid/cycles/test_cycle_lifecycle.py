"""The cycle's transition table, every (state, action) pair, written out as the spec."""

from __future__ import annotations

import pytest

from core.workflow import TransitionRefused
from plugins.social_aid.cycles.lifecycle import CYCLE

EXPECTED = {
    ("draft", "submit"): "submitted",
    ("draft", "cancel"): "cancelled",
    ("submitted", "approve"): "approved",
    ("submitted", "cancel"): "cancelled",
    ("approved", "start"): "disbursing",
    ("disbursing", "close"): "closed",
}
STATES = ("draft", "submitted", "approved", "disbursing", "closed", "cancelled")
ACTIONS = ("submit", "approve", "start", "close", "cancel")


def test_the_lifecycle_has_exactly_these_states_and_actions() -> None:
    assert CYCLE.states == frozenset(STATES) and CYCLE.actions == frozenset(ACTIONS)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert CYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            CYCLE.next_state(state, action)


def test_cancelling_needs_a_reason_and_approving_the_approve_permission() -> None:
    assert CYCLE.validate_payload("cancel", {}) == {"reason": "Alasan pembatalan wajib diisi."}
    assert CYCLE.permission_for("approve") == "social_aid.approve"
