"""Every (state, action) pair of an information request is allowed or refused as UU 14/2008
says; the expected table is written out here by hand, not read from the code."""

from __future__ import annotations

import itertools

import pytest

from core.workflow import TransitionRefused, UnknownAction
from plugins.public_info.ppid.lifecycle import (
    DECIDE_PERMISSION,
    HANDLE_PERMISSION,
    REQUEST_LIFECYCLE,
)

STATES = [
    "diajukan",
    "diperpanjang",
    "dikabulkan",
    "dikabulkan_sebagian",
    "ditolak",
    "keberatan",
    "keberatan_diterima",
    "keberatan_ditolak",
]
ACTIONS = [
    "perpanjang",
    "kabulkan",
    "kabulkan_sebagian",
    "tolak",
    "ajukan_keberatan",
    "terima_keberatan",
    "tolak_keberatan",
]
EXPECTED = {
    ("diajukan", "perpanjang"): "diperpanjang",
    ("diajukan", "kabulkan"): "dikabulkan",
    ("diajukan", "kabulkan_sebagian"): "dikabulkan_sebagian",
    ("diajukan", "tolak"): "ditolak",
    ("diajukan", "ajukan_keberatan"): "keberatan",
    ("diperpanjang", "kabulkan"): "dikabulkan",
    ("diperpanjang", "kabulkan_sebagian"): "dikabulkan_sebagian",
    ("diperpanjang", "tolak"): "ditolak",
    ("diperpanjang", "ajukan_keberatan"): "keberatan",
    ("dikabulkan", "ajukan_keberatan"): "keberatan",
    ("dikabulkan_sebagian", "ajukan_keberatan"): "keberatan",
    ("ditolak", "ajukan_keberatan"): "keberatan",
    ("keberatan", "terima_keberatan"): "keberatan_diterima",
    ("keberatan", "tolak_keberatan"): "keberatan_ditolak",
}


def test_the_lifecycle_has_exactly_these_states_and_actions() -> None:
    assert REQUEST_LIFECYCLE.states == frozenset(STATES)
    assert REQUEST_LIFECYCLE.actions == frozenset(ACTIONS)
    assert REQUEST_LIFECYCLE.initial == "diajukan"


@pytest.mark.parametrize(("state", "action"), list(itertools.product(STATES, ACTIONS)))
def test_each_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert REQUEST_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            REQUEST_LIFECYCLE.next_state(state, action)


def test_an_extension_is_granted_only_once() -> None:
    with pytest.raises(TransitionRefused):
        REQUEST_LIFECYCLE.derive(["perpanjang", "perpanjang"])


def test_a_ruling_on_an_objection_closes_the_request() -> None:
    for ruling in ("terima_keberatan", "tolak_keberatan"):
        final = REQUEST_LIFECYCLE.derive(["tolak", "ajukan_keberatan", ruling])
        assert REQUEST_LIFECYCLE.is_final(final)


def test_an_unknown_action_is_refused() -> None:
    with pytest.raises(UnknownAction):
        REQUEST_LIFECYCLE.next_state("diajukan", "hapus")


def test_the_ppid_answers_and_the_superior_rules() -> None:
    for action in ("perpanjang", "kabulkan", "kabulkan_sebagian", "tolak"):
        assert REQUEST_LIFECYCLE.permission_for(action) == HANDLE_PERMISSION
    for action in ("terima_keberatan", "tolak_keberatan"):
        assert REQUEST_LIFECYCLE.permission_for(action) == DECIDE_PERMISSION


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("perpanjang", {"alasan"}),
        ("kabulkan", {"jawaban"}),
        ("kabulkan_sebagian", {"jawaban", "pengecualian", "alasan"}),
        ("tolak", {"pengecualian", "alasan"}),
        ("ajukan_keberatan", {"dasar", "alasan"}),
        ("terima_keberatan", {"tanggapan"}),
        ("tolak_keberatan", {"tanggapan"}),
    ],
)
def test_each_action_names_what_it_must_carry(action: str, fields: set[str]) -> None:
    assert set(REQUEST_LIFECYCLE.validate_payload(action, {})) == fields


def test_a_refusal_must_cite_a_known_exemption() -> None:
    errors = REQUEST_LIFECYCLE.validate_payload("tolak", {"pengecualian": "17z", "alasan": "x"})
    assert errors == {"pengecualian": "Pilih dasar pengecualian."}
    assert REQUEST_LIFECYCLE.validate_payload("tolak", {"pengecualian": "17h", "alasan": "x"}) == {}
