"""Reading the ministry's published XLSX of a regency's index: one row per village.

The files Kemendesa publishes differ by year in header wording ("IKS 2023", "NILAI IDM",
"STATUS IDM", "KODE DESA"), so a header is matched by its words without the year, against the
column names the edition's data file lists. Reading is bounded (rows and bytes), every row that
cannot be taken is reported with its row number and why, and no float reaches a figure: a cell is
read through its shortest decimal text, then checked on the edition's precision.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import openpyxl

from core.i18n import _
from plugins.village_index.index.editions import Edition
from plugins.village_index.index.scoring import status_of

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10
CODE_COLUMNS = ("kode desa", "kode_desa", "kode wilayah", "kode desa/kelurahan", "kode")
NAME_COLUMNS = ("desa", "nama desa", "desa/kelurahan")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_SPACES = re.compile(r"\s+")


class SheetError(ValueError):
    """The file as a whole cannot be read (not an XLSX, no header, too many rows)."""


@dataclass(frozen=True, slots=True)
class SheetRow:
    row: int
    village_code: str
    name: str
    dimensions: dict[str, Decimal]
    figure: Decimal
    status_key: str


@dataclass(frozen=True, slots=True)
class SheetReading:
    rows: list[SheetRow]
    errors: list[str]


def header_key(value: Any) -> str:
    """A header cell as compared: lower case, no year, single spaces ("IKS  2023" → "iks")."""
    text = _YEAR.sub("", str(value or "")).replace("\n", " ").lower()
    return _SPACES.sub(" ", text).strip()


def village_code(value: Any) -> str | None:
    """`35.27.01.2001` or the ten digits `3527012001` as a Kemendagri code; None otherwise."""
    text = str(value or "").strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    digits = text.replace(".", "")
    if not digits.isdigit() or len(digits) != 10:
        return None
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"


def decimal_cell(value: Any) -> Decimal | None:
    """A figure from a cell: a number, or text with a decimal comma or point."""
    if value is None or isinstance(value, bool):
        return None
    text = repr(value) if isinstance(value, float) else str(value).strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _columns(header: tuple[Any, ...], edition: Edition) -> dict[str, int] | None:
    keys = [header_key(cell) for cell in header]

    def find(names: tuple[str, ...]) -> int | None:
        return next((keys.index(n) for n in names if n in keys), None)

    found = {"code": find(CODE_COLUMNS), "score": find(edition.score_columns)}
    found.update({d.key: find(d.columns) for d in edition.dimensions})
    if any(index is None for index in found.values()):
        return None
    columns = {name: index for name, index in found.items() if index is not None}
    if (status := find(edition.status_columns)) is not None:
        columns["status"] = status
    if (name := find(NAME_COLUMNS)) is not None:
        columns["name"] = name
    return columns


def _figure(edition: Edition, value: Any, label: str) -> tuple[Decimal | None, str | None]:
    number = decimal_cell(value)
    if number is None or not 0 <= number <= edition.scale:
        return (
            None,
            _("{label} '{value}' bukan angka 0 sampai {most}.").format(
                label=label, value="" if value is None else value, most=edition.scale
            ),
        )
    rounded = number.quantize(edition.quantum)
    if abs(number - rounded) > Decimal("1e-9"):
        return None, _("{label} {number} lebih dari {digits} angka di belakang koma.").format(
            label=label, number=number, digits=edition.digits
        )
    return rounded, None


def _statuses(edition: Edition) -> Mapping[str, str]:
    labels = {s.label.lower(): s.key for s in edition.statuses}
    labels.update({f"desa {s.label.lower()}": s.key for s in edition.statuses})
    return labels


def _row(
    edition: Edition, number: int, cells: tuple[Any, ...], columns: dict[str, int]
) -> tuple[SheetRow | None, list[str]]:
    problems: list[str] = []
    code = village_code(cells[columns["code"]])
    if code is None:
        problems.append(
            _("kode desa '{value}' bukan kode 10 angka.").format(value=cells[columns["code"]] or "")
        )
    dimensions: dict[str, Decimal] = {}
    for dimension in edition.dimensions:
        value, problem = _figure(edition, cells[columns[dimension.key]], dimension.code)
        if problem:
            problems.append(problem)
        elif value is not None:
            dimensions[dimension.key] = value
    figure, problem = _figure(edition, cells[columns["score"]], edition.score_label)
    if problem:
        problems.append(problem)
    if figure is not None and len(dimensions) == len(edition.dimensions):
        weight = sum(d.weight for d in edition.dimensions)
        mean = sum(d.weight * dimensions[d.key] for d in edition.dimensions) / weight
        if abs(mean - figure) > edition.quantum:
            problems.append(
                _("{label} {figure} tidak sama dengan rata-rata dimensinya ({mean}).").format(
                    label=edition.score_label, figure=figure, mean=mean.quantize(edition.quantum)
                )
            )
    status_key = ""
    if figure is not None:
        computed = status_of(edition, figure)
        status_key = computed.key
        if "status" in columns and cells[columns["status"]] not in (None, ""):
            given = str(cells[columns["status"]]).strip().lower()
            if _statuses(edition).get(given) != computed.key:
                problems.append(
                    _("status '{given}' tidak sesuai nilai {figure} ({status}).").format(
                        given=cells[columns["status"]], figure=figure, status=_(computed.label)
                    )
                )
    if problems or code is None or figure is None:
        return None, [_("Baris {row}: {problem}").format(row=number, problem=p) for p in problems]
    name = str(cells[columns["name"]] or "") if "name" in columns else ""
    return SheetRow(number, code, name, dimensions, figure, status_key), []


def _header(sheet_rows: Iterator[tuple[Any, ...]], edition: Edition) -> tuple[int, dict[str, int]]:
    for number, header in enumerate(sheet_rows, start=1):
        columns = _columns(header, edition)
        if columns is not None:
            return number, columns
        if number >= HEADER_SEARCH_ROWS:
            break
    wanted = ", ".join(
        [
            CODE_COLUMNS[0].upper(),
            *(d.code for d in edition.dimensions),
            edition.score_label.upper(),
        ]
    )
    raise SheetError(
        _("Baris judul tidak ditemukan; kolom yang dibutuhkan: {columns}.").format(columns=wanted)
    )


def read_sheet(data: bytes, edition: Edition) -> SheetReading:
    """Every row of the first sheet, read as results of `edition`."""
    if len(data) > MAX_BYTES:
        raise SheetError(_("Berkas lebih dari {size} MB.").format(size=MAX_BYTES >> 20))
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise SheetError(_("Berkas bukan XLSX yang bisa dibaca.")) from error
    try:
        sheet_rows = book.worksheets[0].iter_rows(values_only=True)
        header_row, columns = _header(sheet_rows, edition)
        width = max(columns.values()) + 1
        rows: list[SheetRow] = []
        errors: list[str] = []
        seen: dict[str, int] = {}
        for number, cells in enumerate(sheet_rows, start=header_row + 1):
            if number - header_row > MAX_ROWS:
                raise SheetError(_("Berkas lebih dari {rows} baris.").format(rows=MAX_ROWS))
            padded = tuple(cells) + (None,) * max(0, width - len(cells))
            if all(cell in (None, "") for cell in padded):
                continue
            row, problems = _row(edition, number, padded, columns)
            errors.extend(problems)
            if row is None:
                continue
            if row.village_code in seen:
                errors.append(
                    _("Baris {row}: desa {code} sudah ada di baris {first}.").format(
                        row=number, code=row.village_code, first=seen[row.village_code]
                    )
                )
                continue
            seen[row.village_code] = number
            rows.append(row)
    finally:
        book.close()
    return SheetReading(rows, errors)
