"""The life-event form: which details each kind of event needs, checked for the operator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.i18n import N_, _
from plugins.population.domain.codes import DEATH_CAUSE
from plugins.population.register.resident_form import code_options, parse_date, text
from plugins.population.register.status import DEATH, LEFT, MISSING, MOVE_IN, MOVE_OUT

KIND_OPTIONS = [
    (str(DEATH), N_("Kematian")),
    (str(MOVE_OUT), N_("Pindah keluar")),
    (str(MISSING), N_("Hilang")),
    (str(LEFT), N_("Pergi (sementara)")),
    (str(MOVE_IN), N_("Kembali / pindah masuk")),
]
DESTINATIONS = [
    ("", N_("— pilih —")),
    ("desa", N_("Desa lain dalam satu kecamatan")),
    ("kecamatan", N_("Kecamatan lain dalam satu kabupaten")),
    ("kabupaten", N_("Kabupaten/kota lain dalam satu provinsi")),
    ("provinsi", N_("Provinsi lain")),
]


DETAIL_LABELS = {
    "place": N_("Tempat"),
    "cause": N_("Sebab kematian"),
    "attested_by": N_("Yang menerangkan"),
    "destination_kind": N_("Klasifikasi pindah"),
    "destination": N_("Alamat tujuan"),
    "origin": N_("Alamat asal"),
    "reason": N_("Alasan koreksi"),
    "note": N_("Catatan"),
}


def detail_lines(details: Mapping[str, Any]) -> list[tuple[str, str]]:
    """An event's details as a person reads them: each field by its label, a coded value (the
    move's classification, the cause of death) by its label, never the stored code."""
    coded = {
        "destination_kind": {key: _(label) for key, label in DESTINATIONS},
        "cause": {str(code): _(label) for code, label in DEATH_CAUSE.labels.items()},
    }
    lines = []
    for key, label in DETAIL_LABELS.items():
        value = details.get(key)
        if value in (None, ""):
            continue
        shown = coded[key].get(str(value), "-") if key in coded else str(value)
        lines.append((label, shown))
    return lines


def cause_options() -> list[tuple[str, str]]:
    return code_options(DEATH_CAUSE)


@dataclass(slots=True)
class EventInput:
    kind: int
    event_date: dt.date
    report_date: dt.date
    details: dict[str, Any]


@dataclass(slots=True)
class EventFormResult:
    data: EventInput | None
    errors: dict[str, str] = field(default_factory=dict)


def read_event(values: Mapping[str, Any], today: dt.date) -> EventFormResult:
    errors: dict[str, str] = {}
    raw_kind = text(values, "kind")
    kind = int(raw_kind) if raw_kind in {k for k, _ in KIND_OPTIONS} else None
    if kind is None:
        errors["kind"] = _("Jenis peristiwa wajib dipilih.")
    event_date = report_date = None
    if not text(values, "event_date"):
        errors["event_date"] = _("Tanggal peristiwa wajib diisi.")
    else:
        event_date = parse_date(
            text(values, "event_date"), "Tanggal peristiwa", errors, "event_date"
        )
    if not text(values, "report_date"):
        errors["report_date"] = _("Tanggal lapor wajib diisi.")
    else:
        report_date = parse_date(
            text(values, "report_date"), "Tanggal lapor", errors, "report_date"
        )
    if event_date and event_date > today:
        errors["event_date"] = _("Tanggal peristiwa tidak boleh di masa depan.")
    if event_date and report_date and report_date < event_date:
        errors["report_date"] = _("Tanggal lapor tidak boleh sebelum tanggal peristiwa.")
    details: dict[str, Any] = {}
    if kind == DEATH:
        details["place"] = text(values, "place")
        cause = text(values, "cause")
        if cause not in {str(c) for c in DEATH_CAUSE.labels}:
            errors["cause"] = _("Sebab kematian wajib dipilih.")
        else:
            details["cause"] = int(cause)
        details["attested_by"] = text(values, "attested_by")
        if not details["place"]:
            errors["place"] = _("Tempat meninggal wajib diisi.")
        if not details["attested_by"]:
            errors["attested_by"] = _("Nama yang menerangkan kematian wajib diisi.")
    elif kind == MOVE_OUT:
        destination = text(values, "destination_kind")
        if destination not in {k for k, _ in DESTINATIONS if k}:
            errors["destination_kind"] = _("Klasifikasi pindah wajib dipilih.")
        details["destination_kind"] = destination
        details["destination"] = text(values, "destination")
        if not details["destination"]:
            errors["destination"] = _("Alamat tujuan pindah wajib diisi.")
    elif kind == MOVE_IN:
        details["origin"] = text(values, "origin")
    if text(values, "note"):
        details["note"] = text(values, "note")[:500]
    if errors or kind is None or event_date is None or report_date is None:
        return EventFormResult(None, errors)
    return EventFormResult(EventInput(kind, event_date, report_date, details))
