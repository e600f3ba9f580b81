"""Streaming the rows of a CSV, XLSX (or XLSM) or XLS register, one at a time, in constant memory.

A regency's register can hold a million rows; reading them one by one keeps an import within a
small server's memory. (XLS is the exception the format imposes: xlrd loads one sheet whole, but
an XLS sheet holds at most 65,536 rows.)

A file is what its first bytes say, whatever its name: a zip named `.csv` or a PDF named `.xlsx`
is refused with one line saying what it is. A damaged file can make a spreadsheet library fail
anywhere inside it, so any failure while a file is read becomes an `ImportFormatError` telling
the operator to save it again; `limits` bounds what a file may make the reader do.

OpenSID's own template (`FormatImportExcel.xlsm`) carries a "Kode Data" sheet of code lists,
which is not read, and rows of notes that begin with `###`: such a row is skipped, and a row
whose second cell is exactly `###` ends the data, as OpenSID reads it.
"""

from __future__ import annotations

import codecs
import csv
import logging
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import xlrd

from core.i18n import N_, _
from plugins.population.importing.cells import Cell
from plugins.population.importing.formats import ImportFormatError, normalize_header
from plugins.population.importing.limits import COMMAND_LIMITS, MB, ReadLimits

Row = dict[str, Cell]
NumberedCells = Iterator[tuple[int, Sequence[Cell]]]

_SAMPLE_BYTES = 64 * 1024
_HEADER_SEARCH_ROWS = 20
_HEADER_MARKER = "nik"
_FALLBACK_ENCODING = "cp1252"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTENT_NAMES = {
    "zip": N_("XLSX (atau arsip zip)"),
    "ole": N_("XLS (Excel 97-2003)"),
    "pdf": "PDF",
    "binary": N_("data biner"),
    "text": N_("teks"),
}
_EXPECTED_CONTENT = {".csv": "text", ".xlsx": "zip", ".xlsm": "zip", ".xls": "ole"}
_FORMAT_NAMES = {".csv": "CSV", ".xlsx": "XLSX", ".xlsm": "XLSM", ".xls": "XLS"}
_CODE_SHEET = "kode data"
"""The sheet of code lists in OpenSID's template: reference, not residents."""
_NOTE_MARK = "###"
_RATIO_MIN_BYTES = MB
"""Parts smaller than this may be packed as tightly as they like."""
log = logging.getLogger(__name__)


def read_rows(path: str | Path, limits: ReadLimits = COMMAND_LIMITS) -> Iterator[tuple[int, Row]]:
    """Each data row with its row number as the spreadsheet shows it, keyed by normalized header.

    The header is the first row with a NIK column within the first rows, so the title lines
    SIAK exports put above it are skipped; blank rows are skipped too.
    """
    header, numbered = read_cells(path, limits)
    return ((number, header.row(cells)) for number, cells in numbered)


@dataclass(frozen=True, slots=True)
class Header:
    """The normalized column keys of a file, and how to key a row of its cells by them.

    Kept apart from the cells so a row can be keyed in another process than the one reading."""

    keys: tuple[str, ...]
    kept: tuple[int, ...]
    """Positions of the named columns; cells under an unnamed column are dropped."""
    labels: tuple[str, ...] = ()
    """The header names as the file spells them, for the report."""

    def row(self, cells: Sequence[Cell]) -> Row:
        if len(self.kept) == len(self.keys):
            return dict(zip(self.keys, cells, strict=False))
        keys = self.keys
        return {keys[i]: cells[i] for i in self.kept if i < len(cells)}


def read_cells(
    path: str | Path, limits: ReadLimits = COMMAND_LIMITS
) -> tuple[Header, NumberedCells]:
    """The file's header, and its non-blank data rows as raw cells with their row numbers."""
    return split_header(read_sheet(path, limits))


def read_sheet(path: str | Path, limits: ReadLimits = COMMAND_LIMITS) -> NumberedCells:
    """Every non-blank row of the file's (first register) sheet, as raw cells with its number;
    a BIP sheet is read so, having no header row."""
    path = Path(path)
    suffix = path.suffix.lower()
    readers = {".csv": _csv_cells, ".xlsx": _xlsx_cells, ".xlsm": _xlsx_cells, ".xls": _xls_cells}
    reader = readers.get(suffix)
    if reader is None:
        raise ImportFormatError(
            _("Jenis berkas '{suffix}' tidak didukung; gunakan CSV, XLSX, XLSM atau XLS.").format(
                suffix=path.suffix
            )
        )
    _check_content(path, suffix)
    if _EXPECTED_CONTENT[suffix] == "zip":
        _check_zip(path, limits)
    cells = _bounded(_guarded(reader(path, limits), _FORMAT_NAMES[suffix]), limits)
    return (row for row in cells if not _is_blank(row[1]))


def _content(head: bytes) -> str:
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if head.startswith(_OLE_MAGIC):
        return "ole"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return "binary" if b"\x00" in head else "text"


def _check_content(path: Path, suffix: str) -> None:
    """The file holds what its name says, or the operator learns what it holds instead."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SAMPLE_BYTES)
    except OSError as error:
        raise ImportFormatError(
            _("Berkas tidak dapat dibuka: {strerror}.").format(strerror=error.strerror)
        ) from None
    found = _content(head)
    if found == _EXPECTED_CONTENT[suffix]:
        return
    name = _FORMAT_NAMES[suffix]
    hint = next((s for s, c in _EXPECTED_CONTENT.items() if c == found), None)
    fix = (
        f"ganti akhiran namanya menjadi {hint}"
        if hint
        else "simpan ulang dari Excel sebagai CSV UTF-8 atau XLSX"
    )
    raise ImportFormatError(
        _("Berkas bernama {suffix} ini bukan {name}: isinya {content}; {fix}.").format(
            suffix=path.suffix, name=name, content=_CONTENT_NAMES[found], fix=fix
        )
    )


def _check_zip(path: Path, limits: ReadLimits) -> None:
    """Refuse an XLSX whose parts would unpack to more than a register needs (a "zip bomb"),
    from the sizes its zip declares, before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile:
        raise ImportFormatError(
            _(
                "Berkas XLSX rusak (bukan arsip zip yang utuh); simpan ulang dari Excel lalu "
                "impor lagi."
            )
        ) from None
    if len(parts) > limits.max_parts:
        raise ImportFormatError(
            _(
                "Berkas XLSX berisi {parts} bagian, lebih dari {max_parts}; ini bukan buku kerja "
                "biasa."
            ).format(parts=len(parts), max_parts=limits.max_parts)
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.max_unpacked_bytes:
        raise ImportFormatError(
            _(
                "Berkas XLSX terurai menjadi {size} MB, lebih dari batas {limit} MB; "
                "bagi berkas menjadi beberapa bagian."
            ).format(size=unpacked // MB, limit=limits.max_unpacked_bytes // MB)
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size >= _RATIO_MIN_BYTES and ratio > limits.max_ratio:
            raise ImportFormatError(
                _(
                    "Berkas XLSX ditolak: bagian '{filename}' terurai {ratio:.0f} kali ukurannya "
                    "(batas {max_ratio} kali), tidak seperti lembar kerja biasa."
                ).format(filename=part.filename, ratio=ratio, max_ratio=limits.max_ratio)
            )


def _guarded(numbered: NumberedCells, name: str) -> NumberedCells:
    """The reader's rows; whatever a damaged file makes the library raise is one clear line."""
    try:
        yield from numbered
    except ImportFormatError:
        raise
    except Exception as error:  # a third-party parser fails in its own ways on a damaged file
        log.info("unreadable %s file: %r", name, error)
        raise ImportFormatError(
            _(
                "Berkas {name} rusak atau tidak dapat dibaca; buka dan simpan ulang dari "
                "programnya, lalu impor lagi."
            ).format(name=name)
        ) from None


def _bounded(numbered: NumberedCells, limits: ReadLimits) -> NumberedCells:
    for number, cells in numbered:
        if number > limits.max_rows:
            raise ImportFormatError(
                _(
                    "Berkas berisi lebih dari {rows} baris; bagi berkas menjadi beberapa bagian."
                ).format(rows=f"{limits.max_rows:,}".replace(",", "."))
            )
        yield number, cells


def _is_blank(cells: Sequence[Cell]) -> bool:
    return not any(cells) or all(
        cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells
    )


def split_header(numbered: NumberedCells) -> tuple[Header, NumberedCells]:
    """The header row (the first with a NIK column, else the first row) and the rows after it."""
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
            raise ImportFormatError(_("Berkas tidak berisi baris judul maupun data."))
        header, waiting = waiting[0][1], waiting[1:]
    keys = tuple(normalize_header(cell) if cell is not None else "" for cell in header)
    while keys and not keys[-1]:
        keys = keys[:-1]
    kept = tuple(index for index, key in enumerate(keys) if key)
    labels = tuple("" if cell is None else " ".join(str(cell).split()) for cell in header)
    return Header(keys, kept, labels[: len(keys)]), _data(_chain(waiting, numbered))


def _chain(waiting: list[tuple[int, Sequence[Cell]]], rest: NumberedCells) -> NumberedCells:
    yield from waiting
    for number, cells in rest:
        if not _is_blank(cells):
            yield number, cells


def _is_note(cells: Sequence[Cell]) -> bool:
    first = next((cell for cell in cells if cell is not None and cell != ""), None)
    return isinstance(first, str) and first.lstrip().startswith(_NOTE_MARK)


def _data(numbered: NumberedCells) -> NumberedCells:
    """The data rows: template notes (`###…`) are skipped, OpenSID's end mark stops the data."""
    for number, cells in numbered:
        if len(cells) > 1 and isinstance(cells[1], str) and cells[1].strip() == _NOTE_MARK:
            return
        if _is_note(cells):
            continue
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


def _csv_cells(path: Path, limits: ReadLimits) -> NumberedCells:
    width = limits.max_columns
    with path.open(newline="", encoding=_csv_encoding(path)) as handle:
        delimiter = _csv_delimiter(handle.read(_SAMPLE_BYTES))
        handle.seek(0)
        number = 0
        try:
            for number, cells in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                yield number, cells if len(cells) <= width else cells[:width]
        except UnicodeDecodeError:
            raise ImportFormatError(
                _(
                    "Baris {row} berisi huruf yang tidak dapat dibaca: "
                    "simpan ulang berkas sebagai 'CSV UTF-8' lalu impor lagi."
                ).format(row=number + 1)
            ) from None


def _xlsx_cells(path: Path, limits: ReadLimits) -> NumberedCells:
    """The first worksheet but OpenSID's code list sheet; dimensions are reset because many
    exporters write wrong ones.

    Rows and columns are bounded: openpyxl pads a row out to its last cell, and one cell in
    column XFD would make each row 16,384 cells. Rows are read as wide as the widest of the
    first rows (where the header is): cells beyond it have no column name and are dropped."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [s for s in book.worksheets if s.title.strip().lower() != _CODE_SHEET]
        sheet = (sheets or book.worksheets)[0]
        sheet.reset_dimensions()
        first = sheet.iter_rows(
            values_only=True, max_row=_HEADER_SEARCH_ROWS, max_col=limits.max_columns
        )
        width = max(1, max((_width(cells) for cells in first), default=0))
        rows = sheet.iter_rows(values_only=True, max_row=limits.max_rows + 1, max_col=width)
        yield from enumerate(rows, start=1)
    finally:
        book.close()


def _width(cells: Sequence[Cell]) -> int:
    """Cells up to the last one that holds something."""
    for index in range(len(cells) - 1, -1, -1):
        if cells[index] is not None:
            return index + 1
    return 0


def _xls_cell(kind: int, value: object, datemode: int) -> Cell:
    if kind == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(value, datemode)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return int(value)  # type: ignore[call-overload]
    return value  # type: ignore[return-value]


def _xls_cells(path: Path, limits: ReadLimits) -> NumberedCells:
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
