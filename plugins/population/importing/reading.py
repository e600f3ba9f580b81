"""Streaming the rows of a CSV, XLSX or XLS register, one at a time, in constant memory.

A regency's register can hold a million rows; reading them one by one keeps an import within a
small server's memory. (XLS is the exception the format imposes: xlrd loads one sheet whole, but
an XLS sheet holds at most 65,536 rows.)
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import xlrd

from plugins.population.importing.cells import Cell
from plugins.population.importing.formats import ImportFormatError, normalize_header

Row = dict[str, Cell]
NumberedCells = Iterator[tuple[int, Sequence[Cell]]]

_SAMPLE_BYTES = 64 * 1024
_HEADER_SEARCH_ROWS = 20
_HEADER_MARKER = "nik"
_FALLBACK_ENCODING = "cp1252"


def read_rows(path: str | Path) -> Iterator[tuple[int, Row]]:
    """Each data row with its row number as the spreadsheet shows it, keyed by normalized header.

    The header is the first row with a NIK column within the first rows, so the title lines
    SIAK exports put above it are skipped; blank rows are skipped too.
    """
    header, numbered = read_cells(path)
    return ((number, header.row(cells)) for number, cells in numbered)


@dataclass(frozen=True, slots=True)
class Header:
    """The normalized column keys of a file, and how to key a row of its cells by them.

    Kept apart from the cells so a row can be keyed in another process than the one reading."""

    keys: tuple[str, ...]
    kept: tuple[int, ...]
    """Positions of the named columns; cells under an unnamed column are dropped."""

    def row(self, cells: Sequence[Cell]) -> Row:
        if len(self.kept) == len(self.keys):
            return dict(zip(self.keys, cells, strict=False))
        keys = self.keys
        return {keys[i]: cells[i] for i in self.kept if i < len(cells)}


def read_cells(path: str | Path) -> tuple[Header, NumberedCells]:
    """The file's header, and its non-blank data rows as raw cells with their row numbers."""
    path = Path(path)
    readers = {".csv": _csv_cells, ".xlsx": _xlsx_cells, ".xls": _xls_cells}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise ImportFormatError(
            f"Jenis berkas '{path.suffix}' tidak didukung; gunakan CSV, XLSX atau XLS."
        )
    return _split_header(reader(path))


def _is_blank(cells: Sequence[Cell]) -> bool:
    return not any(cells) or all(
        cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells
    )


def _split_header(numbered: NumberedCells) -> tuple[Header, NumberedCells]:
    waiting: list[tuple[int, Sequence[Cell]]] = []
    header: Sequence[Cell] | None = None
    for number, cells in numbered:
        if _is_blank(cells):
            continue
        if any(normalize_header(cell) == _HEADER_MARKER for cell in cells if cell is not None):
            header, waiting = cells, []
            break
        waiting.append((number, cells))
        if len(waiting) == _HEADER_SEARCH_ROWS:
            break
    if header is None:
        if not waiting:
            raise ImportFormatError("Berkas tidak berisi baris judul maupun data.")
        header, waiting = waiting[0][1], waiting[1:]
    keys = tuple(normalize_header(cell) if cell is not None else "" for cell in header)
    kept = tuple(index for index, key in enumerate(keys) if key)
    return Header(keys, kept), _chain(waiting, numbered)


def _chain(waiting: list[tuple[int, Sequence[Cell]]], rest: NumberedCells) -> NumberedCells:
    yield from waiting
    for number, cells in rest:
        if not _is_blank(cells):
            yield number, cells


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) as written by anything modern; Windows-1252 as written by
    older Excel "CSV" exports, recognised by not being valid UTF-8."""
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return _FALLBACK_ENCODING
    return "utf-8-sig"


def _csv_delimiter(sample: str) -> str:
    """Comma, or semicolon as Excel writes CSV under an Indonesian locale."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;").delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        return ";" if first_line.count(";") > first_line.count(",") else ","


def _csv_cells(path: Path) -> NumberedCells:
    with path.open(newline="", encoding=_csv_encoding(path)) as handle:
        delimiter = _csv_delimiter(handle.read(_SAMPLE_BYTES))
        handle.seek(0)
        number = 0
        try:
            for number, cells in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                yield number, cells
        except UnicodeDecodeError:
            raise ImportFormatError(
                f"Baris {number + 1} berisi huruf yang tidak dapat dibaca: simpan ulang berkas "
                "sebagai 'CSV UTF-8' lalu impor lagi."
            ) from None


def _xlsx_cells(path: Path) -> NumberedCells:
    """The first worksheet; dimensions are reset because many exporters write wrong ones."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        book.close()


def _xls_cell(kind: int, value: object, datemode: int) -> Cell:
    if kind == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(value, datemode)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return int(value)  # type: ignore[call-overload]
    return value  # type: ignore[return-value]


def _xls_cells(path: Path) -> NumberedCells:
    """The first worksheet of a legacy Excel 97-2003 file."""
    book = xlrd.open_workbook(str(path), on_demand=True)
    try:
        sheet = book.sheet_by_index(0)
        datemode = book.datemode
        for index in range(sheet.nrows):
            kinds, values = sheet.row_types(index), sheet.row_values(index)
            yield (
                index + 1,
                [
                    _xls_cell(kind, value, datemode)
                    for kind, value in zip(kinds, values, strict=True)
                ],
            )
    finally:
        book.release_resources()
