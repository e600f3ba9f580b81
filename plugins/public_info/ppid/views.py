"""What the PPID's pages and the requester's status page show of a request."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import _
from core.localtime import local_clock
from plugins.public_info.ppid import deadlines
from plugins.public_info.ppid.forms import COPY_FORMS, DELIVERIES, IDENTITY_KINDS
from plugins.public_info.ppid.lifecycle import (
    EXEMPTIONS,
    OBJECTED,
    OBJECTION_GROUNDS,
    PENDING,
    REQUEST_LIFECYCLE,
)
from plugins.public_info.ppid.masking import mask_identity


def day_text(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "-"


def late_flag(row: Mapping[str, Any], today: date) -> str | None:
    """Which deadline the request has missed, if any: the PPID's answer or the superior's."""
    if row["status"] in PENDING and deadlines.is_late(row["due_on"], today):
        return _("Melewati batas waktu jawaban")
    if row["status"] == OBJECTED and deadlines.is_late(row["objection_due_on"], today):
        return _("Melewati batas waktu tanggapan keberatan")
    return None


def summary(row: Mapping[str, Any], today: date) -> dict[str, Any]:
    """A request as the queue and the status page list it; the identity number masked."""
    return {
        "id": row["id"],
        "tracking_number": row["tracking_number"],
        "requester_name": row["requester_name"],
        "identity_kind": _(IDENTITY_KINDS.get(row["identity_kind"], row["identity_kind"])),
        "identity_masked": mask_identity(row["identity_number"]),
        "information": row["information"],
        "purpose": row["purpose"],
        "copy_form": _(COPY_FORMS.get(row["copy_form"], row["copy_form"])),
        "delivery": _(DELIVERIES.get(row["delivery"], row["delivery"])),
        "status": row["status"],
        "status_label": _(REQUEST_LIFECYCLE.label(row["status"])),
        "filed_on": day_text(row["filed_on"]),
        "due_on": day_text(row["due_on"]),
        "objection_due_on": day_text(row["objection_due_on"]),
        "late": late_flag(row, today),
    }


def step_lines(steps: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The history as the requester and the PPID read it, oldest first."""
    lines = []
    for step in steps:
        payload = json_dict(step["payload"])
        notes = []
        if payload.get("jawaban"):
            notes.append((_("Jawaban"), payload["jawaban"]))
        if payload.get("pengecualian"):
            label = EXEMPTIONS.get(payload["pengecualian"], payload["pengecualian"])
            notes.append((_("Dasar pengecualian"), _(label)))
        if payload.get("dasar"):
            label = OBJECTION_GROUNDS.get(payload["dasar"], payload["dasar"])
            notes.append((_("Alasan keberatan"), _(label)))
        if payload.get("alasan"):
            notes.append((_("Alasan"), payload["alasan"]))
        if payload.get("berkas"):
            notes.append((_("Berkas"), payload["berkas"]))
        if payload.get("tanggapan"):
            notes.append((_("Tanggapan atasan PPID"), payload["tanggapan"]))
        action = step["action"]
        lines.append(
            {
                "at": local_clock(step["at"]),
                "action": _("Permohonan diajukan")
                if action == "ajukan"
                else _(REQUEST_LIFECYCLE.label(action)),
                "status": _(REQUEST_LIFECYCLE.label(step["to_status"])),
                "notes": notes,
            }
        )
    return lines


def choice_options(choices: Mapping[str, str]) -> list[tuple[str, str]]:
    return [("", _("— pilih —")), *((key, _(label)) for key, label in choices.items())]
