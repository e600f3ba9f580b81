"""A book as a landscape PDF, drawn row by row straight onto the page.

Platypus would first build a table of every row and then split it, holding the village twice;
this writer measures each row as it comes, starts a new page when it does not fit, repeats the
column headers, and forgets the row. Only the PDF itself grows, and it is written to the file the
caller gives. The first page carries the government heading and the title, the last the place,
date and the village head's signature line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from plugins.population.books.catalog import Column
from plugins.population.books.filters import Paper
from plugins.population.books.paper import wide

FONT = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 6.5
LEADING = 7.8
HEAD_SIZE = 6
PAD = 1.6
MARGIN = 10 * mm
FOOTER = 8 * mm


@dataclass(frozen=True, slots=True)
class Heading:
    """What the book's first page says above the table and its last page below it."""

    government: tuple[str, ...]
    """`PEMERINTAH KABUPATEN …`, `KECAMATAN …`, `DESA …`."""
    title: str
    subtitle: str
    printed: str
    """`Dicetak 02-12-2026 14:05 WIB oleh …`, in every page's footer."""
    place_and_date: str
    """`Noreh, 02-12-2026` above the signature."""
    signer: str
    """`Kepala Desa Noreh`."""


@lru_cache(maxsize=8192)
def _wrap(value: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """`value` broken into lines that fit `width`; cached, since labels and dates repeat."""
    lines: list[str] = []
    for part in (value or "").splitlines() or [""]:
        lines.extend(simpleSplit(part, font, size, width) or [""])
    return tuple(lines)


def _fitting(header: str, width: float) -> float:
    """The header size at which its longest word fits the column (never below 4 pt)."""
    longest = max((stringWidth(word, BOLD, HEAD_SIZE) for word in header.split()), default=0)
    if longest <= width:
        return HEAD_SIZE
    return max(4.0, HEAD_SIZE * width / longest)


class BookPdf:
    """Write a book to `target`; call `add_rows` for each chunk, then `finish`."""

    def __init__(
        self, target: Path, paper: Paper, columns: Sequence[Column], heading: Heading
    ) -> None:
        self.width, self.height = wide(paper)
        self.canvas = Canvas(str(target), pagesize=(self.width, self.height), pageCompression=1)
        self.canvas.setTitle(heading.title)
        self.canvas.setAuthor(heading.government[-1] if heading.government else "")
        self.canvas.setCreator("Kampung")
        self.heading = heading
        self.columns = list(columns)
        usable = self.width - 2 * MARGIN
        total = sum(c.width for c in self.columns)
        self.widths = [usable * c.width / total for c in self.columns]
        self.edges = [MARGIN]
        for width in self.widths:
            self.edges.append(self.edges[-1] + width)
        self.page = 0
        self.y = 0.0
        self.table_top = 0.0
        self.rows = 0
        self._new_page()

    def _text_lines(
        self, lines: Sequence[str], x: float, top: float, font: str, size: float
    ) -> None:
        self.canvas.setFont(font, size)
        y = top - PAD - size
        for line in lines:
            self.canvas.drawString(x + PAD, y, line)
            y -= LEADING

    def _centred(
        self,
        lines: Sequence[str],
        left: float,
        right: float,
        top: float,
        height: float,
        font: str,
        size: float,
    ) -> None:
        self.canvas.setFont(font, size)
        block = len(lines) * (size + 1)
        y = top - (height - block) / 2 - size
        for line in lines:
            self.canvas.drawCentredString((left + right) / 2, y, line)
            y -= size + 1

    def _first_page_heading(self) -> None:
        y = self.height - MARGIN - 10
        for line in self.heading.government:
            self.canvas.setFont(BOLD, 10)
            self.canvas.drawCentredString(self.width / 2, y, line)
            y -= 12
        self.canvas.setLineWidth(1.2)
        self.canvas.line(MARGIN, y + 4, self.width - MARGIN, y + 4)
        y -= 12
        self.canvas.setFont(BOLD, 11)
        self.canvas.drawCentredString(self.width / 2, y, self.heading.title)
        if self.heading.subtitle:
            y -= 12
            self.canvas.setFont(FONT, 9)
            self.canvas.drawCentredString(self.width / 2, y, self.heading.subtitle)
        self.y = y - 10

    def _footer(self) -> None:
        self.canvas.setFont(FONT, 7)
        self.canvas.drawString(MARGIN, MARGIN - 2, self.heading.printed)
        self.canvas.drawRightString(self.width - MARGIN, MARGIN - 2, f"Halaman {self.page}")

    def _column_headers(self) -> None:
        """Headers (with spanning group headers) and the column numbers the forms print."""
        cols, widths, edges = self.columns, self.widths, self.edges
        sizes = [_fitting(c.label.upper(), w - 2 * PAD) for c, w in zip(cols, widths, strict=True)]
        wrapped = [
            _wrap(c.label.upper(), BOLD, size, w - 2 * PAD)
            for c, w, size in zip(cols, widths, sizes, strict=True)
        ]
        line = HEAD_SIZE + 1
        groups: list[tuple[str, int, int]] = []
        for index, column in enumerate(cols):
            if column.group and groups and groups[-1][0] == column.group:
                groups[-1] = (column.group, groups[-1][1], index)
            elif column.group:
                groups.append((column.group, index, index))
        group_sizes = {
            start: _fitting(g.upper(), edges[end + 1] - edges[start] - 2 * PAD)
            for g, start, end in groups
        }
        group_lines = {
            start: _wrap(
                g.upper(), BOLD, group_sizes[start], edges[end + 1] - edges[start] - 2 * PAD
            )
            for g, start, end in groups
        }
        top_h = max((len(v) for v in group_lines.values()), default=0) * line + 2 * PAD
        grouped = {i for _, s, e in groups for i in range(s, e + 1)}
        low_h = max((len(wrapped[i]) for i in grouped), default=0) * line + 2 * PAD
        alone_h = max((len(wrapped[i]) for i in range(len(cols)) if i not in grouped), default=1)
        height = max(alone_h * line + 2 * PAD, (top_h + low_h) if groups else 0)
        if groups:
            low_h = height - top_h
        top = self.y
        canvas = self.canvas
        canvas.setLineWidth(0.6)
        canvas.rect(MARGIN, top - height, edges[-1] - MARGIN, height)
        for index in range(len(cols)):
            left, right = edges[index], edges[index + 1]
            if index in grouped:
                self._centred(wrapped[index], left, right, top - top_h, low_h, BOLD, sizes[index])
                canvas.line(left, top - top_h, right, top - top_h)
            else:
                self._centred(wrapped[index], left, right, top, height, BOLD, sizes[index])
            if index:
                start_group = any(s == index for _, s, _ in groups)
                inner = index in grouped and not start_group
                canvas.line(left, top - height, left, top - (top_h if inner else 0))
        for _, start, end in groups:
            lines = group_lines[start]
            self._centred(lines, edges[start], edges[end + 1], top, top_h, BOLD, group_sizes[start])
        number_h = line + 2 * PAD
        numbers_top = top - height
        canvas.rect(MARGIN, numbers_top - number_h, edges[-1] - MARGIN, number_h)
        for index in range(len(cols)):
            if index:
                canvas.line(edges[index], numbers_top - number_h, edges[index], numbers_top)
            self._centred(
                [str(index + 1)],
                edges[index],
                edges[index + 1],
                numbers_top,
                number_h,
                FONT,
                HEAD_SIZE,
            )
        self.y = numbers_top - number_h

    def _new_page(self) -> None:
        if self.page:
            self._close_table()
            self._footer()
            self.canvas.showPage()
        self.page += 1
        self.y = self.height - MARGIN
        if self.page == 1:
            self._first_page_heading()
        self._column_headers()
        self.table_top = self.y

    def add_rows(self, rows: Iterable[Sequence[str]]) -> None:
        for cells in rows:
            self._row(cells)

    def _row(self, cells: Sequence[str]) -> None:
        """One row: a single text object moved cell to cell, and the line under it.

        Relative moves (two numbers each) and one vertical rule per column per page keep the
        number formatting, which dominates reportlab's time, to a few calls per row.
        """
        wrapped = [
            _wrap(v, FONT, SIZE, w - 2 * PAD) for v, w in zip(cells, self.widths, strict=True)
        ]
        height = max(len(lines) for lines in wrapped) * LEADING + 2 * PAD
        if self.y - height < MARGIN + FOOTER:
            self._new_page()
        top, bottom = self.y, self.y - height
        text = self.canvas.beginText(self.edges[0] + PAD, top - PAD - SIZE)
        text.setFont(FONT, SIZE, LEADING)
        dx = 0.0
        for index, lines in enumerate(wrapped):
            if index:
                text.moveCursor(dx, -LEADING * (len(wrapped[index - 1]) - 1))
            for number, line in enumerate(lines):
                if number:
                    text.textLine()
                text.textOut(line)
            dx = self.widths[index]
        self.canvas.drawText(text)
        self.canvas.line(MARGIN, bottom, self.edges[-1], bottom)
        self.y = bottom
        self.rows += 1

    def _close_table(self) -> None:
        """The column rules of this page's table, top to bottom, drawn once per page."""
        self.canvas.lines([(edge, self.y, edge, self.table_top) for edge in self.edges])

    def finish(self) -> int:
        """Write the closing lines and the file; returns the number of rows printed."""
        self._close_table()
        if not self.rows:
            self.canvas.setFont(FONT, 8)
            self.canvas.drawString(MARGIN + PAD, self.y - 12, "Tidak ada data.")
            self.y -= 16
        if self.y - 60 < MARGIN + FOOTER:
            self._footer()
            self.canvas.showPage()
            self.page += 1
            self.y = self.height - MARGIN
        centre = self.width - MARGIN - 60 * mm
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(centre, self.y - 16, self.heading.place_and_date)
        self.canvas.drawCentredString(centre, self.y - 28, self.heading.signer)
        self.canvas.drawCentredString(
            centre, self.y - 72, "( .................................... )"
        )
        self._footer()
        self.canvas.save()
        return self.rows
