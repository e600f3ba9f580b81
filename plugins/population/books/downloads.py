"""Writing a whole book to a temporary file (PDF or XLSX) a chunk at a time.

Drawing runs in a worker thread between chunks, so a 10,000-row book does not stall other
requests while reportlab lays it out; the caller serves the file and deletes it afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from anyio import to_thread

from plugins.population.books import spreadsheet
from plugins.population.books.book_pdf import BookPdf, Heading
from plugins.population.books.catalog import Book
from plugins.population.books.filters import BookFilter
from plugins.population.books.place import VillagePlace
from plugins.population.books.rows import BookRow, book_chunks


def temporary_file(suffix: str) -> Path:
    descriptor, name = tempfile.mkstemp(prefix="kampung-buku-", suffix=suffix)
    os.close(descriptor)
    return Path(name)


def book_heading(book: Book, f: BookFilter, place: VillagePlace, actor: str) -> Heading:
    scope = f.describe()
    return Heading(
        government=place.government(),
        title=f"{book.code} {book.title}".upper(),
        subtitle=f"Keadaan per {place.today:%d-%m-%Y}" + (f" · {scope}" if scope else ""),
        printed=f"Dicetak {place.printed_at} oleh {actor}",
        place_and_date=place.place_and_date,
        signer=place.signer,
    )


async def write_pdf(
    book: Book,
    village_code: str,
    f: BookFilter,
    heading: Heading,
    today: dt.date,
    seen: Callable[[list[BookRow]], None],
) -> Path:
    target = temporary_file(".pdf")
    try:
        pdf = BookPdf(target, f.paper, book.columns, heading)
        async for rows in book_chunks(book, village_code, f, today):
            await to_thread.run_sync(pdf.add_rows, [row.cells for row in rows])
            seen(rows)
        await to_thread.run_sync(pdf.finish)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


async def write_xlsx(
    book: Book,
    village_code: str,
    f: BookFilter,
    heading: Heading,
    today: dt.date,
    seen: Callable[[list[BookRow]], None],
) -> Path:
    target = temporary_file(".xlsx")
    chunks: AsyncIterator[list[BookRow]] = book_chunks(book, village_code, f, today)
    title = f"{heading.title} · {heading.subtitle}"
    try:
        await spreadsheet.write_xlsx(book, title, chunks, target, seen)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
