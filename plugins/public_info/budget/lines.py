"""A year's budget lines as people hand them in: the entry form's rows, or a spreadsheet.

Amounts are whole rupiah: ``1.250.000`` or ``1250000``; a fraction of a rupiah, a negative
amount or more than Rp1 triliun is refused. Every error names its row (and, on the form, its
field), so a village treasurer can fix a spreadsheet without guessing.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import openpyxl

from core.i18n import _
from plugins.public_info.budget.groups import find_group

AMOUNT_LIMIT = 10**12
MAX_LINES = 500
XLSX_MAX_BYTES = 2 * 1024 * 1024
NAME_LIMIT = 200
HEADERS = {"kelompok": "group", "uraian": "name", "anggaran": "budget", "realisasi": "realised"}
DIGITS = re.compile(r"\d{1,3}(\.\d{3})+|\d+")


@dataclass(frozen=True, slots=True)
class Line:
    group: str
    name: str
    budget: int
    realised: int


def parse_amount(value: object) -> int | None:
    """Whole rupiah from a form's text or a spreadsheet's cell; None when it is not one."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None
        number = int(value)
    else:
        text = str(value).strip().removeprefix("Rp").strip()
        if not DIGITS.fullmatch(text):
            return None
        number = int(text.replace(".", ""))
    return number if 0 <= number <= AMOUNT_LIMIT else None


def _line(
    group_text: object, name: object, budget: object, realised: object
) -> tuple[Line | None, dict[str, str]]:
    errors: dict[str, str] = {}
    group = find_group(str(group_text or ""))
    if group is None:
        errors["group"] = _("Kelompok '%(text)s' tidak dikenal.") % {"text": group_text or ""}
    label = str(name or "").strip()
    if not label:
        errors["name"] = _("Uraian wajib diisi.")
    elif len(label) > NAME_LIMIT:
        errors["name"] = _("Uraian paling banyak %(limit)s karakter.") % {"limit": NAME_LIMIT}
    planned, spent = parse_amount(budget), parse_amount(realised)
    if planned is None:
        errors["budget"] = _("Anggaran berupa rupiah bulat, tidak negatif.")
    if spent is None:
        errors["realised"] = _("Realisasi berupa rupiah bulat, tidak negatif.")
    if errors or group is None or planned is None or spent is None:
        return None, errors
    return Line(group.key, label, planned, spent), {}


def parse_form_rows(
    form: Mapping[str, Any], rows: int
) -> tuple[list[Line], dict[str, str], list[dict[str, str]]]:
    """The form's filled rows; errors keyed ``line-<i>-<field>``; what was typed, row by row."""
    lines: list[Line] = []
    errors: dict[str, str] = {}
    typed: list[dict[str, str]] = []
    for index in range(min(rows, MAX_LINES)):
        row = {
            name: str(form.get(f"line-{index}-{name}", "") or "").strip()
            for name in ("group", "name", "budget", "realised")
        }
        typed.append(row)
        if not any(row.values()):
            continue
        line, found = _line(row["group"], row["name"], row["budget"], row["realised"])
        if line is not None:
            lines.append(line)
        for name, message in found.items():
            errors[f"line-{index}-{name}"] = _("Baris %(row)s: %(message)s") % {
                "row": index + 1,
                "message": message,
            }
    return lines, errors, typed


def read_workbook(data: bytes) -> tuple[list[Line], list[str]]:
    """The lines of the first sheet, or the errors by row. CPU-bound: call it in a thread."""
    if len(data) > XLSX_MAX_BYTES:
        return [], [_("Berkas XLSX paling besar 2 MB.")]
    if not data.startswith(b"PK\x03\x04"):
        return [], [_("Berkas bukan XLSX.")]
    try:
        book = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return [], [_("Berkas XLSX tidak dapat dibaca.")]
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        columns = _columns(header)
        if columns is None:
            return [], [_("Baris 1 harus berjudul Kelompok, Uraian, Anggaran dan Realisasi.")]
        lines: list[Line] = []
        errors: list[str] = []
        for number, row in enumerate(rows, start=2):
            cells = {key: row[i] if i < len(row) else None for key, i in columns.items()}
            if all(value in (None, "") for value in cells.values()):
                continue
            if len(lines) + len(errors) >= MAX_LINES:
                errors.append(_("Paling banyak %(count)s baris anggaran.") % {"count": MAX_LINES})
                break
            line, found = _line(cells["group"], cells["name"], cells["budget"], cells["realised"])
            if line is not None:
                lines.append(line)
            errors.extend(
                _("Baris %(row)s: %(message)s") % {"row": number, "message": message}
                for message in found.values()
            )
        if not lines and not errors:
            errors.append(_("Lembar kerja tidak berisi baris anggaran."))
        return lines, errors
    finally:
        book.close()


def _columns(header: tuple[Any, ...] | None) -> dict[str, int] | None:
    if header is None:
        return None
    found = {}
    for index, title in enumerate(header):
        key = HEADERS.get(str(title or "").strip().lower())
        if key:
            found[key] = index
    return found if len(found) == len(HEADERS) else None
