"""No exported cell is run as a formula, and an import gets back exactly what was exported."""

from __future__ import annotations

import io

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from core.exports import quote, table_workbook, text_cells, unquote


def test_a_cell_a_spreadsheet_would_run_is_quoted() -> None:
    for value in ("=1+1", "+62812", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert quote(value) == "'" + value
    assert quote("SITI AMINAH") == "SITI AMINAH"
    assert quote("") == ""


@given(st.text())
def test_unquote_undoes_quote_exactly(value: str) -> None:
    assert unquote(quote(value)) == value
    assert quote(value)[:1] not in set("=+-@\t\r")


def test_xlsx_cells_are_text_even_when_they_start_with_an_equals_sign() -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append(text_cells(sheet, [quote("=HYPERLINK(1)"), "=2"]))
    buffer = io.BytesIO()
    book.save(buffer)
    cells = next(openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert [c.data_type for c in cells] == ["s", "s"]
    assert [c.value for c in cells] == ["'=HYPERLINK(1)", "=2"]


def test_a_table_workbook_keeps_numbers_as_numbers_and_no_text_runs() -> None:
    content = table_workbook(
        "rekap", ["desa", "penerima"], [['=HYPERLINK("http://x")', 3], ["Noreh", None]]
    )
    rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows == [("desa", "penerima"), ('\'=HYPERLINK("http://x")', 3), ("Noreh", None)]
