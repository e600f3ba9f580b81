"""What a citizen reads about one of their family's requests: its status, why it came back, and
every step it took, in the village's own clock and in words rather than codes.

The operator's page shows actors by account; a citizen sees who acted by role (the village
office, the regency's Disdukcapil, or the family member who sent it), never an account id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import N_, _
from core.localtime import local_clock
from plugins.population.portal.family import CitizenView
from plugins.population.services.details import DETAIL_FIELDS
from plugins.population.services.kinds import get_kind, kind_title
from plugins.population.services.views import REGENCY_ACTIONS, tone
from plugins.population.services.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import ServiceDocument, ServiceStep

__all__ = ["HistoryEntry", "RequestView", "request_view"]

RETURNED = "dikembalikan"
RESUBMIT = "ajukan_ulang"
NOTE_LABELS = {
    "alasan": N_("Alasan"),
    "nomor_dokumen": N_("Nomor dokumen"),
    "nilai": N_("Nilai"),
    "komentar": N_("Komentar"),
    "catatan": N_("Catatan"),
}
"""The step fields a citizen may read, by label; a step's other data stays on the staff page."""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: str
    who: str
    action: str
    status: str
    notes: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class RequestView:
    id: int
    kind: str
    status: str
    status_label: str
    tone: str
    person: str
    submitted: str
    reason: str
    """The latest reason the request was returned for, while it waits for the citizen."""
    details: list[tuple[str, str]]
    documents: list[tuple[str, bool, int]]
    """Each checklist item: label, required, files received."""
    history: list[HistoryEntry]
    can_resubmit: bool


def _who(actor: str, action: str, citizen: CitizenView) -> str:
    if actor.startswith("warga:"):
        member = next((m for m in citizen.members if f"warga:{m['id']}" == actor), None)
        return member["name"] if member else _("Warga")
    if action in REGENCY_ACTIONS:
        return _("Disdukcapil")
    return _("Petugas desa")


def _notes(payload: Any) -> list[tuple[str, str]]:
    values = json_dict(payload)
    return [(_(label), str(values[key])) for key, label in NOTE_LABELS.items() if values.get(key)]


def _detail_value(spec_type: str, value: str) -> str:
    if spec_type == "sex":
        return {"1": _("Laki-laki"), "2": _("Perempuan")}.get(value, value)
    if spec_type == "date" and value:
        try:
            return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    return value


async def request_view(row: dict[str, Any], citizen: CitizenView) -> RequestView:
    """The citizen's view of a request row already loaded within the village and owned by them."""
    village = row["village_code"]
    steps = (
        await ServiceStep.select()
        .where((ServiceStep.request == row["id"]) & (ServiceStep.village_code == village))
        .order_by(ServiceStep.at)
        .order_by(ServiceStep.id)
    )
    files = await ServiceDocument.select(ServiceDocument.doc_key).where(
        (ServiceDocument.request == row["id"]) & (ServiceDocument.village_code == village)
    )
    received: dict[str, int] = {}
    for file in files:
        received[file["doc_key"]] = received.get(file["doc_key"], 0) + 1
    try:
        checklist = get_kind(row["kind"]).documents
    except LookupError:
        checklist = ()
    submitted = HistoryEntry(
        local_clock(row["submitted_at"]),
        row["applicant_name"],
        _("Diajukan"),
        _(REQUEST_LIFECYCLE.label(REQUEST_LIFECYCLE.initial)),
        [],
    )
    history = [submitted] + [
        HistoryEntry(
            local_clock(step["at"]),
            _who(step["actor"], step["action"], citizen),
            _(REQUEST_LIFECYCLE.label(step["action"])),
            _(REQUEST_LIFECYCLE.label(step["to_status"])),
            _notes(step["payload"]),
        )
        for step in steps
    ]
    returns = [s for s in steps if s["to_status"] == RETURNED]
    reason = ""
    if row["status"] == RETURNED and returns:
        reason = str(json_dict(returns[-1]["payload"]).get("alasan", ""))
    details = json_dict(row["payload"])
    return RequestView(
        id=row["id"],
        kind=_(kind_title(row["kind"])),
        status=row["status"],
        status_label=_(REQUEST_LIFECYCLE.label(row["status"])),
        tone=tone(row["status"]),
        person=row["resident_name"] or row["applicant_name"],
        submitted=local_clock(row["submitted_at"]),
        reason=reason,
        details=[
            (_(spec.label), _detail_value(spec.type, str(details.get(spec.key, ""))))
            for spec in DETAIL_FIELDS.get(row["kind"], ())
        ],
        documents=[(_(d.label), d.required, received.get(d.key, 0)) for d in checklist],
        history=history,
        can_resubmit=RESUBMIT in REQUEST_LIFECYCLE.allowed_actions(row["status"]),
    )
