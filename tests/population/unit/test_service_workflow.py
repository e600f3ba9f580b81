from __future__ import annotations

import itertools

import pytest

from core.workflow import TransitionRefused, UnknownAction
from plugins.population.services import (
    KINDS,
    REQUEST_LIFECYCLE,
    ServiceKind,
    get_kind,
    validate_action_payload,
)

STATES = [
    "diajukan",
    "dikembalikan",
    "diperiksa",
    "diteruskan",
    "diproses",
    "siap",
    "diserahkan",
    "dinilai",
    "dibatalkan",
]
ACTIONS = [
    "lengkap",
    "kembalikan",
    "ajukan_ulang",
    "batalkan",
    "teruskan",
    "terima",
    "kembalikan_ke_desa",
    "selesai",
    "serahkan",
    "nilai",
]

# The whole specification of the request lifecycle; every pair missing here must be refused.
EXPECTED = {
    ("diajukan", "lengkap"): "diperiksa",
    ("diajukan", "kembalikan"): "dikembalikan",
    ("diajukan", "batalkan"): "dibatalkan",
    ("dikembalikan", "ajukan_ulang"): "diajukan",
    ("dikembalikan", "batalkan"): "dibatalkan",
    ("diperiksa", "teruskan"): "diteruskan",
    ("diperiksa", "kembalikan"): "dikembalikan",
    ("diperiksa", "batalkan"): "dibatalkan",
    ("diteruskan", "terima"): "diproses",
    ("diteruskan", "kembalikan_ke_desa"): "diperiksa",
    ("diproses", "kembalikan_ke_desa"): "diperiksa",
    ("diproses", "selesai"): "siap",
    ("siap", "serahkan"): "diserahkan",
    ("diserahkan", "nilai"): "dinilai",
}


def test_lifecycle_has_exactly_the_specified_states_and_actions() -> None:
    assert REQUEST_LIFECYCLE.states == set(STATES)
    assert REQUEST_LIFECYCLE.actions == set(ACTIONS)
    assert REQUEST_LIFECYCLE.initial == "diajukan"


@pytest.mark.parametrize(("state", "action"), list(itertools.product(STATES, ACTIONS)))
def test_every_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert REQUEST_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            REQUEST_LIFECYCLE.next_state(state, action)


def test_forwarding_from_a_returned_request_is_refused_in_indonesian() -> None:
    with pytest.raises(
        TransitionRefused, match="tidak boleh dari status 'Dikembalikan ke pemohon'"
    ):
        REQUEST_LIFECYCLE.next_state("dikembalikan", "teruskan")


@pytest.mark.parametrize("state", ["dinilai", "dibatalkan"])
def test_rated_and_cancelled_requests_are_closed(state: str) -> None:
    assert REQUEST_LIFECYCLE.is_final(state)


@pytest.mark.parametrize("state", ["diteruskan", "diproses", "siap", "diserahkan"])
def test_request_cannot_be_cancelled_once_forwarded(state: str) -> None:
    assert "batalkan" not in REQUEST_LIFECYCLE.allowed_actions(state)


def test_full_history_with_returns_derives_the_rated_state() -> None:
    history = [
        "kembalikan",
        "ajukan_ulang",
        "lengkap",
        "teruskan",
        "kembalikan_ke_desa",
        "teruskan",
        "terima",
        "selesai",
        "serahkan",
        "nilai",
    ]
    assert REQUEST_LIFECYCLE.derive(history) == "dinilai"


@pytest.mark.parametrize(
    ("action", "permission"),
    [
        ("ajukan_ulang", "population.request.submit"),
        ("batalkan", "population.request.submit"),
        ("lengkap", "population.request.check"),
        ("kembalikan", "population.request.check"),
        ("teruskan", "population.request.check"),
        ("terima", "population.request.process"),
        ("kembalikan_ke_desa", "population.request.process"),
        ("selesai", "population.request.process"),
        ("serahkan", "population.request.handover"),
        ("nilai", "population.request.rate"),
    ],
)
def test_each_action_needs_its_permission(action: str, permission: str) -> None:
    assert REQUEST_LIFECYCLE.permission_for(action) == permission


@pytest.mark.parametrize("action", ["kembalikan", "kembalikan_ke_desa"])
def test_returns_need_a_reason(action: str) -> None:
    assert validate_action_payload(action, {"alasan": "  "}) == {"alasan": "Alasan wajib diisi."}
    assert validate_action_payload(action, {"alasan": "Foto KK buram"}) == {}


def test_done_needs_the_document_number() -> None:
    assert validate_action_payload("selesai", {}) == {"nomor_dokumen": "Nomor dokumen wajib diisi."}
    assert validate_action_payload("selesai", {"nomor_dokumen": "3527-LU-01072026-0001"}) == {}


@pytest.mark.parametrize(
    ("rating", "valid"),
    [(1, True), (4, True), ("3", True), (0, False), (5, False), ("baik", False), (None, False)],
)
def test_rating_is_one_to_four(rating: object, valid: bool) -> None:
    errors = validate_action_payload("nilai", {"nilai": rating})
    assert (errors == {}) is valid


@pytest.mark.parametrize(
    "action", ["lengkap", "ajukan_ulang", "batalkan", "teruskan", "terima", "serahkan"]
)
def test_other_actions_need_no_data(action: str) -> None:
    assert validate_action_payload(action, {}) == {}


def test_unknown_action_in_payload_is_refused() -> None:
    with pytest.raises(UnknownAction):
        validate_action_payload("hapus", {})


def test_all_civil_registry_request_kinds_are_offered() -> None:
    assert [kind.key for kind in KINDS] == [
        "kk_baru",
        "kk_perubahan",
        "ktp_el",
        "kia",
        "akta_kelahiran",
        "akta_kematian",
        "pindah_keluar",
        "pindah_datang",
    ]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_kind_has_a_checklist_and_a_target(kind: ServiceKind) -> None:
    assert kind.title
    assert kind.target_working_days >= 1
    assert any(document.required for document in kind.documents)
    keys = [document.key for document in kind.documents]
    assert len(keys) == len(set(keys))


def test_birth_certificate_checklist() -> None:
    documents = {d.key: d.label for d in get_kind("akta_kelahiran").documents}
    assert documents == {
        "surat_keterangan_lahir": "Surat keterangan lahir dari bidan/rumah sakit",
        "kk_orang_tua": "Kartu Keluarga orang tua",
        "ktp_el_orang_tua": "KTP-el ayah dan ibu",
        "buku_nikah": (
            "Buku nikah/akta perkawinan orang tua (atau SPTJM kebenaran pasangan suami istri)"
        ),
    }


def test_move_out_is_the_skpwni_form() -> None:
    assert "F-1.03" in get_kind("pindah_keluar").title


def test_unknown_kind_is_refused_in_indonesian() -> None:
    with pytest.raises(LookupError, match="Jenis layanan 'paspor' tidak dikenal"):
        get_kind("paspor")
