"""A citizen's letter list reads titles and status labels, a requested letter's included."""

from __future__ import annotations

from plugins.population.letters.citizen_view import citizen_letter_rows
from plugins.population.letters.workflow import REQUEST_LIFECYCLE, status_label


def test_a_requested_letter_reads_its_title_and_status_label() -> None:
    rows = citizen_letter_rows([{"id": 1, "kind": "usaha", "status": "diminta", "number": ""}])
    assert rows[0]["kind_title"] == "Surat Keterangan Usaha"
    assert rows[0]["status_label"] == "Diminta warga"


def test_every_request_state_and_action_has_a_label() -> None:
    for key in REQUEST_LIFECYCLE.states | REQUEST_LIFECYCLE.actions | {"minta"}:
        assert status_label(key) != key
