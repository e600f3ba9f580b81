"""core.spreadsheets reads an office's list the same from CSV or XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from core.spreadsheets import SpreadsheetError, cell_text, read_table


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_csv_and_xlsx_give_the_same_rows_with_the_files_own_line_numbers() -> None:
    csv_file = b"\xef\xbb\xbfNIK ; Desil\n3527010101800001;1\n\n;\n'=1+1;2\n"
    csv_rows = read_table(csv_file, max_rows=9)
    sheet = read_table(
        _xlsx([["NIK ", "Desil"], [3527010101800001, 1.0], [None, None], ["'=1+1", 2]]), max_rows=9
    )
    for table in (csv_rows, sheet):
        assert table.columns == ("nik", "desil")
        assert list(table.rows) == [
            (2, {"nik": "3527010101800001", "desil": "1"}),
            (5 if table is csv_rows else 4, {"nik": "=1+1", "desil": "2"}),
        ]


def test_more_rows_than_allowed_stops_with_a_reason() -> None:
    table = read_table(b"a\n1\n2\n3\n", max_rows=2)
    with pytest.raises(SpreadsheetError, match="lebih dari 2 baris"):
        list(table.rows)


def test_cells_read_as_typed() -> None:
    assert cell_text(dt.datetime(2025, 3, 1)) == "2025-03-01"
    assert cell_text(dt.date(2025, 3, 1)) == "2025-03-01"
    assert cell_text(3.5) == "3.5" and cell_text(None) == ""
    with pytest.raises(SpreadsheetError):
        read_table(b"", max_rows=1)
