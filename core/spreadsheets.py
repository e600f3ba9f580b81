"""An uploaded table — a CSV or the first sheet of an XLSX — as rows of text keyed by column name.

Offices keep their lists in Excel and export CSV with either separator, so a plugin that imports
a list takes both and reads them the same way: headers trimmed and lower-cased, every cell as the
text a person typed (a number Excel stored for a NIK comes back as its digits, not as `3.5e15` or
`…0.0`), and each row with the line number the office sees in its own file.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import openpyxl

from core.exports import unquote
from core.i18n import _

XLSX_MAGIC = b"PK\x03\x04"


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; the message says why, for the person who sent it."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: Iterator[tuple[int, dict[str, str]]]
    """(line in the file, cells by column), blank lines left out."""


def read_table(content: bytes, *, max_rows: int) -> Table:
    """The table in `content`, XLSX when it is a zip, otherwise CSV (UTF-8, `,` or `;`)."""
    if content.startswith(XLSX_MAGIC):
        return _xlsx(content, max_rows)
    return _csv(content, max_rows)


def _csv(content: bytes, max_rows: int) -> Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(_("Berkas harus CSV (UTF-8) atau XLSX.")) from None
    first = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ","
    )
    header = next(reader, None)
    if not header:
        raise SpreadsheetError(_("Berkas kosong: baris 1 harus berisi nama kolom."))
    return _table(header, ((n, row) for n, row in enumerate(reader, start=2)), max_rows)


def _xlsx(content: bytes, max_rows: int) -> Table:
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SpreadsheetError(_("Berkas XLSX tidak dapat dibaca.")) from None
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        raise SpreadsheetError(_("Berkas kosong: baris 1 harus berisi nama kolom."))
    cells = ((n, [cell_text(value) for value in row]) for n, row in enumerate(rows, start=2))
    return _table([cell_text(value) for value in header], cells, max_rows)


def _table(header: list[str], lines: Iterator[tuple[int, list[str]]], max_rows: int) -> Table:
    columns = tuple(name.strip().lower() for name in header)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        read = 0
        for line, values in lines:
            if all(not (value or "").strip() for value in values):
                continue
            read += 1
            if read > max_rows:
                raise SpreadsheetError(
                    _("Berkas lebih dari {rows} baris; bagi menjadi beberapa berkas.").format(
                        rows=max_rows
                    )
                )
            yield (
                line,
                {
                    name: unquote((values[i] if i < len(values) else "") or "").strip()
                    for i, name in enumerate(columns)
                    if name
                },
            )

    return Table(columns, rows())


def cell_text(value: Any) -> str:
    """A cell as the text its author typed: whole numbers without `.0`, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
