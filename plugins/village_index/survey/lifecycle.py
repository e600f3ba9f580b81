"""The survey's lifecycle: the village fills it (draft), submits it, the regency verifies it or
returns it with a reason, and a returned survey is corrected and submitted again."""

from __future__ import annotations

from core.workflow import Lifecycle, RequiredText
from plugins.village_index.permissions import SUBMIT, VERIFY

DRAFT, SUBMITTED, RETURNED, VERIFIED = "draft", "submitted", "returned", "verified"
EDITABLE = frozenset({DRAFT, RETURNED})

SURVEY = Lifecycle(
    name="village_index.survey",
    initial=DRAFT,
    transitions={
        (DRAFT, "submit"): SUBMITTED,
        (RETURNED, "submit"): SUBMITTED,
        (SUBMITTED, "return"): RETURNED,
        (SUBMITTED, "verify"): VERIFIED,
    },
    labels={
        DRAFT: "Draf",
        SUBMITTED: "Diajukan",
        RETURNED: "Dikembalikan",
        VERIFIED: "Terverifikasi",
        "submit": "Ajukan ke kabupaten",
        "return": "Kembalikan untuk diperbaiki",
        "verify": "Verifikasi",
    },
    action_permission={"submit": SUBMIT, "return": VERIFY, "verify": VERIFY},
    action_payload={"return": (RequiredText("note", "Alasan pengembalian"),)},
)
