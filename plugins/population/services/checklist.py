"""Which checklist documents a request has: uploaded, seen in the original, or still missing.

The village may not declare a request complete (``lengkap``) nor forward it (``teruskan``) while
a required document is neither uploaded nor seen on paper: the regency office would otherwise
receive a file it has to send back. Applicants often bring the paper original to the counter
instead of a scan, so the operator may record "dokumen asli sudah dilihat" for each missing one.

That record travels in the payload of the step that needed it (``asli_dilihat``: the document
keys), so it is part of the append-only history with who and when, is audited with the step, and
the request's status stays exactly what replaying its actions yields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import _
from plugins.population.services.kinds import get_kind
from plugins.population.tables import ServiceDocument, ServiceStep

__all__ = [
    "GUARDED_ACTIONS",
    "ORIGINALS_FIELD",
    "ChecklistItem",
    "load_checklist",
    "missing_documents_error",
    "originals_in",
    "unknown_originals_error",
]

ORIGINALS_FIELD = "asli_dilihat"
"""Payload key of an action: the keys of the documents whose paper original the operator saw."""
GUARDED_ACTIONS = frozenset({"lengkap", "teruskan"})
"""Actions refused while a required document is missing."""


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One document of the request's checklist and how the village has it."""

    key: str
    label: str
    required: bool
    files: tuple[dict[str, Any], ...]
    seen_by: str = ""
    """Who recorded the original as seen ("" when nobody did)."""
    seen_at: dt.datetime | None = None

    @property
    def uploaded(self) -> bool:
        return bool(self.files)

    @property
    def seen(self) -> bool:
        return self.seen_at is not None

    @property
    def missing(self) -> bool:
        """Required, and neither uploaded nor seen in the original."""
        return self.required and not self.uploaded and not self.seen


def originals_in(payload: Mapping[str, Any]) -> list[str]:
    """The document keys an action's payload marks as seen: a list (form, JSON) or a
    comma-separated text (a plain API field)."""
    value = payload.get(ORIGINALS_FIELD)
    if isinstance(value, str):
        items: Sequence[object] = value.split(",")
    elif isinstance(value, list | tuple):
        items = value
    else:
        return []
    keys: list[str] = []
    for item in items:
        key = str(item).strip()
        if key and key not in keys:
            keys.append(key)
    return keys


async def load_checklist(request_row: Mapping[str, Any]) -> list[ChecklistItem]:
    """The request's checklist with its files and the originals seen in earlier steps."""
    try:
        documents = get_kind(request_row["kind"]).documents
    except LookupError:
        return []
    request_id, village = request_row["id"], request_row["village_code"]
    files = await ServiceDocument.select().where(
        (ServiceDocument.request == request_id) & (ServiceDocument.village_code == village)
    )
    steps = (
        await ServiceStep.select(ServiceStep.actor, ServiceStep.at, ServiceStep.payload)
        .where((ServiceStep.request == request_id) & (ServiceStep.village_code == village))
        .order_by(ServiceStep.at)
        .order_by(ServiceStep.id)
    )
    seen: dict[str, tuple[str, dt.datetime]] = {}
    for step in steps:
        for key in originals_in(json_dict(step["payload"])):
            seen.setdefault(key, (step["actor"], step["at"]))
    by_key: dict[str, list[dict[str, Any]]] = {}
    for file in files:
        by_key.setdefault(file["doc_key"], []).append(file)
    items = []
    for doc in documents:
        actor, at = seen.get(doc.key, ("", None))
        found = tuple(by_key.get(doc.key, []))
        items.append(ChecklistItem(doc.key, doc.label, doc.required, found, actor, at))
    return items


def missing_documents_error(items: Sequence[ChecklistItem], seen_now: Sequence[str]) -> str | None:
    """The Indonesian error naming every required document still missing once ``seen_now``
    counts as seen, or ``None`` when the request may proceed."""
    missing = [item.label for item in items if item.missing and item.key not in seen_now]
    if not missing:
        return None
    return _(
        "Dokumen wajib belum diunggah: {documents}. Centang “Dokumen asli sudah dilihat” untuk "
        "tiap dokumen yang aslinya sudah Anda periksa, atau kembalikan permohonan ke pemohon."
    ).format(documents="; ".join(missing))


def unknown_originals_error(items: Sequence[ChecklistItem], seen_now: Sequence[str]) -> str | None:
    """A checked document that is not on this kind's checklist (a tampered form or API call)."""
    known = {item.key for item in items}
    stray = [key for key in seen_now if key not in known]
    if not stray:
        return None
    return _("Dokumen asli yang dicentang tidak ada dalam daftar persyaratan jenis layanan ini.")
