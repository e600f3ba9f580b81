from __future__ import annotations

import itertools

import pytest

from core.workflow import TransitionRefused
from plugins.population.letters.workflow import LETTER_LIFECYCLE, validate_action_payload

STATES = ["draf", "diperiksa", "ditandatangani", "dibatalkan"]
ACTIONS = ["periksa", "kembalikan", "tandatangani", "batalkan"]

# The whole specification of the letter lifecycle; every pair missing here must be refused.
EXPECTED = {
    ("draf", "periksa"): "diperiksa",
    ("draf", "kembalikan"): "draf",
    ("draf", "batalkan"): "dibatalkan",
    ("diperiksa", "kembalikan"): "draf",
    ("diperiksa", "tandatangani"): "ditandatangani",
    ("diperiksa", "batalkan"): "dibatalkan",
}


def test_lifecycle_has_exactly_the_specified_states_and_actions() -> None:
    assert LETTER_LIFECYCLE.states == set(STATES)
    assert LETTER_LIFECYCLE.actions == set(ACTIONS)
    assert LETTER_LIFECYCLE.initial == "draf"


@pytest.mark.parametrize(("state", "action"), list(itertools.product(STATES, ACTIONS)))
def test_every_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert LETTER_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            LETTER_LIFECYCLE.next_state(state, action)


def test_a_draft_cannot_be_signed_before_it_is_checked() -> None:
    with pytest.raises(
        TransitionRefused, match="Aksi 'Tandatangani' tidak boleh dari status 'Draf'"
    ):
        LETTER_LIFECYCLE.derive(["tandatangani"])


@pytest.mark.parametrize("state", ["ditandatangani", "dibatalkan"])
def test_signed_and_cancelled_letters_are_final(state: str) -> None:
    assert LETTER_LIFECYCLE.is_final(state)


def test_returned_then_checked_again_then_signed() -> None:
    assert LETTER_LIFECYCLE.derive(["periksa", "kembalikan", "periksa", "tandatangani"]) == (
        "ditandatangani"
    )


@pytest.mark.parametrize(
    ("action", "permission"),
    [
        ("periksa", "population.letter.check"),
        ("kembalikan", "population.letter.check"),
        ("tandatangani", "population.letter.sign"),
        ("batalkan", "population.letter.draft"),
    ],
)
def test_each_action_needs_its_permission(action: str, permission: str) -> None:
    assert LETTER_LIFECYCLE.permission_for(action) == permission


def test_returning_a_letter_needs_a_reason() -> None:
    assert validate_action_payload("kembalikan", {}) == {"alasan": "Alasan wajib diisi."}
    assert validate_action_payload("kembalikan", {"alasan": "NIK pemohon salah ketik"}) == {}


@pytest.mark.parametrize("action", ["periksa", "tandatangani", "batalkan"])
def test_other_actions_need_no_data(action: str) -> None:
    assert validate_action_payload(action, {}) == {}
