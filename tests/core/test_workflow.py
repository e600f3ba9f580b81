from __future__ import annotations

import pytest

from core.workflow import (
    IntegerBetween,
    Lifecycle,
    RequiredText,
    TransitionRefused,
    UnknownAction,
)


@pytest.fixture
def door() -> Lifecycle:
    """A door that can be opened, closed and locked: small enough to reason about in full."""
    return Lifecycle(
        name="test.door",
        initial="tertutup",
        transitions={
            ("tertutup", "buka"): "terbuka",
            ("terbuka", "tutup"): "tertutup",
            ("tertutup", "kunci"): "terkunci",
        },
        labels={
            "tertutup": "Tertutup",
            "terbuka": "Terbuka",
            "terkunci": "Terkunci",
            "buka": "Buka",
            "tutup": "Tutup",
            "kunci": "Kunci",
        },
        action_permission={"kunci": "door.lock"},
        action_payload={
            "kunci": [RequiredText("alasan", "Alasan"), IntegerBetween("kode", "Kode", 1, 9)]
        },
    )


def test_states_and_actions_come_from_the_table(door: Lifecycle) -> None:
    assert door.states == {"tertutup", "terbuka", "terkunci"}
    assert door.actions == {"buka", "tutup", "kunci"}


def test_next_state_follows_the_table(door: Lifecycle) -> None:
    assert door.next_state("tertutup", "buka") == "terbuka"
    assert door.next_state("terbuka", "tutup") == "tertutup"


def test_refused_transition_names_state_and_action_in_indonesian(door: Lifecycle) -> None:
    with pytest.raises(TransitionRefused) as refused:
        door.next_state("terkunci", "buka")
    assert str(refused.value) == "Aksi 'Buka' tidak boleh dari status 'Terkunci'."
    assert (refused.value.state, refused.value.action) == ("terkunci", "buka")


def test_unknown_action_is_refused_before_looking_at_the_state(door: Lifecycle) -> None:
    with pytest.raises(UnknownAction, match="Aksi 'dobrak' tidak dikenal"):
        door.next_state("tertutup", "dobrak")


def test_allowed_actions_keep_table_order(door: Lifecycle) -> None:
    assert door.allowed_actions("tertutup") == ("buka", "kunci")
    assert door.allowed_actions("terkunci") == ()


def test_a_state_without_actions_is_final(door: Lifecycle) -> None:
    assert door.is_final("terkunci")
    assert not door.is_final("terbuka")


def test_derive_replays_history_from_the_initial_state(door: Lifecycle) -> None:
    assert door.derive([]) == "tertutup"
    assert door.derive(["buka", "tutup", "kunci"]) == "terkunci"


def test_derive_refuses_an_impossible_history(door: Lifecycle) -> None:
    with pytest.raises(TransitionRefused):
        door.derive(["buka", "kunci"])


def test_permission_for_an_action(door: Lifecycle) -> None:
    assert door.permission_for("kunci") == "door.lock"
    assert door.permission_for("buka") is None
    with pytest.raises(UnknownAction):
        door.permission_for("dobrak")


def test_payload_errors_are_reported_per_field(door: Lifecycle) -> None:
    assert door.validate_payload("kunci", {}) == {
        "alasan": "Alasan wajib diisi.",
        "kode": "Kode harus bilangan bulat 1 sampai 9.",
    }
    assert door.validate_payload("kunci", {"alasan": "Malam", "kode": 3}) == {}
    assert door.validate_payload("buka", {}) == {}


@pytest.mark.parametrize("reason", ["", "   ", None, 5])
def test_required_text_refuses_blank_or_non_text(reason: object) -> None:
    assert RequiredText("alasan", "Alasan").error(reason) == "Alasan wajib diisi."


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (1, True),
        (4, True),
        ("2", True),
        (" 3 ", True),
        (0, False),
        (5, False),
        ("4.5", False),
        (2.0, False),
        (True, False),
        ("", False),
        (None, False),
    ],
)
def test_integer_between_accepts_whole_numbers_in_range_only(value: object, ok: bool) -> None:
    assert (IntegerBetween("nilai", "Nilai", 1, 4).error(value) is None) is ok


def test_a_label_is_required_for_every_state_and_action() -> None:
    with pytest.raises(ValueError, match=r"add labels for \['buka'\]"):
        Lifecycle("t", "a", {("a", "buka"): "b"}, {"a": "A", "b": "B"})


def test_a_key_cannot_be_both_state_and_action() -> None:
    with pytest.raises(ValueError, match="both state and action"):
        Lifecycle("t", "a", {("a", "b"): "b"}, {"a": "A", "b": "B"})


def test_permissions_for_actions_outside_the_table_are_refused() -> None:
    with pytest.raises(ValueError, match="appear in no transition"):
        Lifecycle("t", "a", {("a", "x"): "b"}, {"a": "A", "b": "B", "x": "X"}, {"y": "perm.y"})


def test_the_table_cannot_be_changed_after_construction(door: Lifecycle) -> None:
    with pytest.raises(TypeError):
        door.transitions[("terkunci", "buka")] = "terbuka"  # type: ignore[index]
