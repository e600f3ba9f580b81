"""A book as CSV (streamed) or XLSX (written row by row to a temporary file).

Every cell goes through `core.exports.quote`, so a name typed as `=HYPERLINK(…)` stays text in
Excel, LibreOffice and Google Sheets; the XLSX stores every cell as text, so a NIK keeps all
sixteen digits.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import openpyxl

from core.exports import quote, text_cells
from plugins.population.books.catalog import Book
from plugins.population.books.rows import BookRow

Counter = Callable[[list[BookRow]], None]
"""Told of every chunk written, so the access trail counts the rows that left."""


def header(book: Book) -> list[str]:
    return [column.flat_label for column in book.columns]


async def csv_chunks(
    book: Book, chunks: AsyncIterator[list[BookRow]], seen: Counter
) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([quote(label) for label in header(book)])
    yield ("\ufeff" + buffer.getvalue()).encode()
    async for rows in chunks:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([quote(cell) for cell in row.cells] for row in rows)
        seen(rows)
        yield buffer.getvalue().encode()


async def write_xlsx(
    book: Book, title: str, chunks: AsyncIterator[list[BookRow]], target: Path, seen: Counter
) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(book.code.replace(".", ""))
    sheet.append(text_cells(sheet, [quote(title)]))
    sheet.append(text_cells(sheet, [quote(label) for label in header(book)]))
    async for rows in chunks:
        for row in rows:
            sheet.append(text_cells(sheet, [quote(cell) for cell in row.cells]))
        seen(rows)
    workbook.save(target)
