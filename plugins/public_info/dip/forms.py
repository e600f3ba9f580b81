"""Parsing a DIP entry from the PPID's form: every field bounded, errors named in Indonesian.

An exempt entry must state its consequence test: the Pasal 17 ground, the harm that opening it
would cause, and why closing it serves the public interest more. It may not carry a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.i18n import _
from plugins.public_info.dip.classification import CATEGORIES, DIKECUALIKAN
from plugins.public_info.ppid.lifecycle import EXEMPTIONS

TEXT_FIELDS = (
    "title",
    "summary",
    "category",
    "owner",
    "produced_on",
    "retention_years",
    "exemption",
    "consequence",
    "public_interest",
    "exempt_until",
    "idempotency_key",
)
LIMITS = {"title": 200, "summary": 2000, "owner": 150, "consequence": 2000, "public_interest": 2000}
RETENTION = (1, 100)


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    values: dict[str, str]
    errors: dict[str, str]
    fields: dict[str, Any]
    """The typed values to store, when there are no errors."""


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_document_form(form: Mapping[str, Any], today: date, has_file: bool) -> ParsedDocument:
    values = {name: str(form.get(name, "") or "").strip() for name in TEXT_FIELDS}
    errors: dict[str, str] = {}
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            errors[name] = _("Paling banyak %(limit)s karakter.") % {"limit": limit}
    if not values["title"] and "title" not in errors:
        errors["title"] = _("Judul informasi wajib diisi.")
    if not values["owner"] and "owner" not in errors:
        errors["owner"] = _("Penanggung jawab informasi wajib diisi.")
    if values["category"] not in CATEGORIES:
        errors["category"] = _("Pilih klasifikasi informasi.")
    produced = _date(values["produced_on"])
    if produced is None:
        errors["produced_on"] = _("Tanggal informasi diisi dengan format TTTT-BB-HH.")
    elif produced > today:
        errors["produced_on"] = _("Tanggal informasi tidak boleh di masa depan.")
    years = values["retention_years"]
    low, high = RETENTION
    if not (years.isdecimal() and low <= int(years) <= high):
        errors["retention_years"] = _(
            "Masa retensi berupa bilangan bulat %(low)s sampai %(high)s tahun."
        ) % {
            "low": low,
            "high": high,
        }
    exempt_until = None
    if values["category"] == DIKECUALIKAN:
        exempt_until = _exempt_checks(values, errors, produced, has_file)
    fields: dict[str, Any] = {}
    if not errors:
        exempt = values["category"] == DIKECUALIKAN
        fields = {
            "title": values["title"],
            "summary": values["summary"],
            "category": values["category"],
            "owner": values["owner"],
            "produced_on": produced,
            "retention_years": int(years),
            "exemption": values["exemption"] if exempt else "",
            "consequence": values["consequence"] if exempt else "",
            "public_interest": values["public_interest"] if exempt else "",
            "exempt_until": exempt_until,
        }
    return ParsedDocument(values, errors, fields)


def _exempt_checks(
    values: dict[str, str], errors: dict[str, str], produced: date | None, has_file: bool
) -> date | None:
    if values["exemption"] not in EXEMPTIONS:
        errors["exemption"] = _("Pilih dasar pengecualian (Pasal 17).")
    if not values["consequence"] and "consequence" not in errors:
        errors["consequence"] = _("Uraikan akibat yang timbul bila informasi ini dibuka.")
    if not values["public_interest"] and "public_interest" not in errors:
        errors["public_interest"] = _(
            "Uraikan mengapa menutup informasi ini lebih melindungi kepentingan publik."
        )
    if has_file:
        errors["file"] = _("Informasi yang dikecualikan tidak diunggah ke situs.")
    until = None
    if values["exempt_until"]:
        until = _date(values["exempt_until"])
        if until is None:
            errors["exempt_until"] = _("Tanggal diisi dengan format TTTT-BB-HH.")
        elif produced is not None and until <= produced:
            errors["exempt_until"] = _("Masa pengecualian berakhir setelah tanggal informasi.")
    return until
