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
    "SIGN_PERMISSION",
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


def validate_action_payload(action: str, payload: Mapping[str, object]) -> dict[str, str]:
    """Indonesian errors by field for what ``action`` must carry; empty when it may proceed."""
    return LETTER_LIFECYCLE.validate_payload(action, payload)
