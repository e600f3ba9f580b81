"""A request's history as staff read it: local time, people's names, and words instead of codes.

Steps store the actor's account (``operator-3``, or ``warga:116`` for a citizen who acted in the
portal) and the action's data by field key (``nomor_dokumen``, ``nilai``); a page shows the
account's name, "Warga (pemohon)", and "Nilai: 3 dari 4" in the regency's own clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.auth.principal import display_names
from core.db.jsonvalue import json_dict
from core.i18n import N_, _
from core.localtime import local_clock
from plugins.population.services.checklist import ORIGINALS_FIELD, originals_in
from plugins.population.services.kinds import get_kind
from plugins.population.services.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import ServiceStep

__all__ = ["CITIZEN_ACTOR", "HistoryRow", "Note", "actor_names", "load_history", "step_notes"]

CITIZEN_ACTOR = N_("Warga (pemohon)")
NOTE_LABELS = {
    "alasan": N_("Alasan"),
    "nomor_dokumen": N_("Nomor dokumen"),
    "nilai": N_("Nilai"),
    "komentar": N_("Komentar"),
    "catatan": N_("Catatan"),
}
MAX_RATING = 4


@dataclass(frozen=True, slots=True)
class Note:
    """One thing a step carried; the template translates ``label`` and says "3 dari 4"."""

    label: str
    value: str
    out_of: int | None = None
    """The scale's top for a rating, ``None`` for plain text."""


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: str
    """Local time with its zone's name, e.g. ``01-12-2026 09:10 WIB``."""
    actor: str
    """The staff member's name, or "Warga (pemohon)" in the viewer's language."""
    action: str
    to: str
    notes: tuple[Note, ...]


async def actor_names(actors: Sequence[str]) -> dict[str, str]:
    """The name to show for each stored actor, in the viewer's language for the applicant; an
    account not found is shown as it is."""
    found = await display_names(a for a in actors if not a.startswith("warga:"))
    return {
        actor: _(CITIZEN_ACTOR) if actor.startswith("warga:") else found.get(actor, actor)
        for actor in actors
    }


def step_notes(kind: str, payload: Mapping[str, Any]) -> tuple[Note, ...]:
    """What a step carried, labelled: reason, document number, rating, originals seen."""
    notes = [
        Note(label, str(payload[key]), MAX_RATING if key == "nilai" else None)
        for key, label in NOTE_LABELS.items()
        if payload.get(key)
    ]
    seen = originals_in(payload) if payload.get(ORIGINALS_FIELD) else []
    if seen:
        try:
            labels = {d.key: _(d.label) for d in get_kind(kind).documents}
        except LookupError:
            labels = {}
        notes.append(Note(N_("Dokumen asli dilihat"), "; ".join(labels.get(k, k) for k in seen)))
    return tuple(notes)


async def load_history(request_row: Mapping[str, Any]) -> list[HistoryRow]:
    """Every step of the request, oldest first."""
    village = request_row["village_code"]
    steps = (
        await ServiceStep.select()
        .where((ServiceStep.request == request_row["id"]) & (ServiceStep.village_code == village))
        .order_by(ServiceStep.at)
        .order_by(ServiceStep.id)
    )
    names = await actor_names([s["actor"] for s in steps])
    return [
        HistoryRow(
            at=local_clock(s["at"]),
            actor=names.get(s["actor"], s["actor"]),
            action=REQUEST_LIFECYCLE.label(s["action"]),
            to=REQUEST_LIFECYCLE.label(s["to_status"]),
            notes=step_notes(request_row["kind"], json_dict(s["payload"])),
        )
        for s in steps
    ]
