"""The regency's ranking as CSV or XLSX, with no cell a spreadsheet would run as a formula.

Village names are typed by people, so every cell goes through `core.exports.quote` (OWASP "CSV
injection") and XLSX cells are written as text explicitly.
"""

from __future__ import annotations

import csv
import io

import openpyxl

from core.exports import quote, text_cells
from plugins.village_index.standing.views import Overview


def table(view: Overview) -> list[list[str]]:
    """Header and rows of the year's ranking, every value as text."""
    dimension_codes: list[tuple[str, str]] = []
    for item in view.ranked:
        for d in item.result.edition.dimensions:
            if (d.key, d.code) not in dimension_codes:
                dimension_codes.append((d.key, d.code))
    header = [
        "peringkat",
        "kode_desa",
        "desa",
        "kecamatan",
        "tahun",
        "indeks",
        *[code.lower() for _, code in dimension_codes],
        "nilai",
        "status",
        "sumber",
    ]
    rows = [header]
    for item in view.ranked:
        result = item.result
        place = view.places.get(result.village_code)
        rows.append(
            [
                str(item.rank),
                result.village_code,
                place.name if place else "",
                place.district_name if place else "",
                str(result.year),
                result.edition.title,
                *[str(result.dimensions.get(key, "")) for key, _ in dimension_codes],
                str(result.figure),
                result.status.label,
                result.source,
            ]
        )
    return [[quote(cell) for cell in row] for row in rows]


def as_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("indeks_desa")
    for row in rows:
        sheet.append(text_cells(sheet, row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
