"""A book's numbered rows, a page for the screen or chunk after chunk for a download.

The number in the first column runs on across pages and chunks, as in a bound book.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from plugins.population.books import cells, queries
from plugins.population.books.catalog import INDUK, KTP_KK, SEMENTARA, Book
from plugins.population.books.filters import BookFilter

PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class BookRow:
    resident: dict[str, Any]
    """The register row it was made from (for the link and the access trail)."""
    cells: list[str]


@dataclass(frozen=True, slots=True)
class BookPage:
    rows: list[BookRow]
    total: int
    page: int
    pages: int


async def _living_rows(
    book: Book, village_code: str, residents: list[dict[str, Any]], first_number: int
) -> list[BookRow]:
    if book is INDUK:
        return [BookRow(row, cells.induk(first_number + i, row)) for i, row in enumerate(residents)]
    since = await queries.arrival_dates(village_code, [row["id"] for row in residents])
    return [
        BookRow(row, cells.ktp_kk(first_number + i, row, since.get(row["id"])))
        for i, row in enumerate(residents)
    ]


async def _stay_rows(
    village_code: str, stays: list[queries.Stay], first_number: int, today: dt.date
) -> list[BookRow]:
    residents = await queries.residents_by_id(village_code, [s.resident_id for s in stays])
    families = sorted({r["family"] for r in residents.values() if r["family"] is not None})
    heads = await queries.family_heads(village_code, families)
    found = []
    for stay in stays:
        row = residents.get(stay.resident_id)
        if row is None:
            continue
        head = heads.get(row["family"]) if row["family"] is not None else None
        number = first_number + len(found)
        found.append(BookRow(row, cells.sementara(number, stay, row, head, today)))
    return found


def _pages(total: int, wanted: int) -> tuple[int, int]:
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return min(wanted, pages), pages


async def book_page(book: Book, village_code: str, f: BookFilter, today: dt.date) -> BookPage:
    """One screen of the book (`PAGE_SIZE` rows), the page number clamped to the last page."""
    if book is SEMENTARA:
        stays = await queries.stays(village_code, f)
        page, pages = _pages(len(stays), f.page)
        offset = (page - 1) * PAGE_SIZE
        chosen = stays[offset : offset + PAGE_SIZE]
        rows = await _stay_rows(village_code, chosen, offset + 1, today)
        return BookPage(rows, len(stays), page, pages)
    total = await queries.count_living(village_code, f)
    page, pages = _pages(total, f.page)
    offset = (page - 1) * PAGE_SIZE
    residents = await queries.living_page(village_code, f, offset, PAGE_SIZE)
    return BookPage(
        await _living_rows(book, village_code, residents, offset + 1), total, page, pages
    )


async def book_chunks(
    book: Book, village_code: str, f: BookFilter, today: dt.date
) -> AsyncIterator[list[BookRow]]:
    """The whole book, `queries.CHUNK_ROWS` rows at a time."""
    number = 1
    if book is SEMENTARA:
        stays = await queries.stays(village_code, f)
        for start in range(0, len(stays), queries.CHUNK_ROWS):
            chunk = stays[start : start + queries.CHUNK_ROWS]
            rows = await _stay_rows(village_code, chunk, number, today)
            number += len(rows)
            yield rows
        return
    if book not in (INDUK, KTP_KK):
        raise ValueError(f"unknown book {book.key}")
    async for residents in queries.living_chunks(village_code, f):
        rows = await _living_rows(book, village_code, residents, number)
        number += len(rows)
        yield rows
