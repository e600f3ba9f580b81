"""A village letter's approval chain: the operator drafts, the secretary checks, the head signs.

The secretary may return a draft with a reason (``kembalikan``) straight from ``draf``: the state
stays ``draf``, and the reason in the history tells the operator what to fix. A checked letter can
be returned to ``draf`` the same way, when the secretary or the village head (who holds the check
permission too) finds a mistake before signing. A signed letter is final: it carries a number and
a QR code, and a correction is a new letter.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.workflow import Lifecycle, RequiredText

__all__ = [
    "CHECK_PERMISSION",
    "DRAFT_PERMISSION",
    "LETTER_LIFECYCLE",
    "REQUEST_LIFECYCLE",
    "SIGN_PERMISSION",
    "status_label",
    "validate_action_payload",
]

DRAFT_PERMISSION = "population.letter.draft"
CHECK_PERMISSION = "population.letter.check"
SIGN_PERMISSION = "population.letter.sign"

LETTER_LIFECYCLE = Lifecycle(
    name="population.letter",
    initial="draf",
    transitions={
        ("draf", "periksa"): "diperiksa",
        ("draf", "kembalikan"): "draf",
        ("draf", "batalkan"): "dibatalkan",
        ("diperiksa", "kembalikan"): "draf",
        ("diperiksa", "tandatangani"): "ditandatangani",
        ("diperiksa", "batalkan"): "dibatalkan",
    },
    labels={
        "draf": "Draf",
        "diperiksa": "Diperiksa sekretaris",
        "ditandatangani": "Ditandatangani",
        "dibatalkan": "Dibatalkan",
        "periksa": "Setujui pemeriksaan",
        "kembalikan": "Kembalikan ke operator",
        "tandatangani": "Tandatangani",
        "batalkan": "Batalkan",
    },
    action_permission={
        "periksa": CHECK_PERMISSION,
        "kembalikan": CHECK_PERMISSION,
        "tandatangani": SIGN_PERMISSION,
        "batalkan": DRAFT_PERMISSION,
    },
    action_payload={"kembalikan": [RequiredText("alasan", "Alasan")]},
)


REQUEST_LIFECYCLE = Lifecycle(
    name="population.letter.request",
    initial="diminta",
    transitions={
        ("diminta", "buat_draf"): "draf",
        ("diminta", "tolak"): "ditolak",
    },
    labels={
        "diminta": "Diminta warga",
        "ditolak": "Ditolak",
        "draf": "Draf",
        "buat_draf": "Buat draf",
        "tolak": "Tolak permintaan",
        "minta": "Diminta warga",
    },
    action_permission={"buat_draf": DRAFT_PERMISSION, "tolak": DRAFT_PERMISSION},
    action_payload={"tolak": [RequiredText("alasan", "Alasan penolakan")]},
)
"""A letter a citizen asked for (``/warga/surat/minta``), before the approval chain above: the
operator drafts it (``buat_draf``, into ``draf`` of `LETTER_LIFECYCLE`) or declines it with a
reason. Its first history step is ``minta``, taken by the citizen."""


def status_label(key: str) -> str:
    """The label of any letter state or action, requested letters' included."""
    if key in LETTER_LIFECYCLE.labels:
        return LETTER_LIFECYCLE.label(key)
    return REQUEST_LIFECYCLE.label(key)


def validate_action_payload(action: str, payload: Mapping[str, object]) -> dict[str, str]:
    """Indonesian errors by field for what ``action`` must carry; empty when it may proceed."""
    return LETTER_LIFECYCLE.validate_payload(action, payload)
