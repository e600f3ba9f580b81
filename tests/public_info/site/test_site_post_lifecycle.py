"""Every (state, action) pair of a news item or announcement, against a table written by hand."""

from __future__ import annotations

import itertools

import pytest

from core.workflow import TransitionRefused
from plugins.public_info.site.post_lifecycle import POST_LIFECYCLE

STATES = ["draf", "terjadwal", "terbit", "ditarik"]
ACTIONS = ["terbitkan", "jadwalkan", "batalkan_jadwal", "tarik"]
EXPECTED = {
    ("draf", "terbitkan"): "terbit",
    ("draf", "jadwalkan"): "terjadwal",
    ("terjadwal", "terbitkan"): "terbit",
    ("terjadwal", "batalkan_jadwal"): "draf",
    ("terbit", "tarik"): "ditarik",
    ("ditarik", "terbitkan"): "terbit",
}


def test_the_post_lifecycle_has_exactly_these_states_and_actions() -> None:
    assert POST_LIFECYCLE.states == frozenset(STATES)
    assert POST_LIFECYCLE.actions == frozenset(ACTIONS)
    assert POST_LIFECYCLE.initial == "draf"


@pytest.mark.parametrize(("state", "action"), list(itertools.product(STATES, ACTIONS)))
def test_each_post_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert POST_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            POST_LIFECYCLE.next_state(state, action)
