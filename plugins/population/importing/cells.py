"""Reading one spreadsheet cell as the value it means, whatever program wrote the file.

The same value arrives as text from a CSV, as a float or a datetime from Excel, as an Excel serial
day number when a date column lost its format, or as `-` when the clerk meant "nothing".
"""

from __future__ import annotations

import datetime as dt

from core.exports import unquote
from core.i18n import _

Cell = str | int | float | dt.date | None
"""A raw cell: CSV gives text; XLSX and XLS also give numbers and datetimes."""

_EMPTY = frozenset({"", "-", "--", "–", "—", "0000-00-00", "null", "NULL"})
_NUMBER_NOISE = str.maketrans("", "", " .-\t'")
_DATE_SEPARATORS = str.maketrans("/.", "--")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_LEAP_BUG_SERIAL = 61
_EXCEL_MAX_SERIAL = 2958465
_AREA_LIMIT = 999


def is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() in _EMPTY)


def text(cell: Cell) -> str | None:
    """The cell as trimmed text with single spaces, or None when it holds nothing; the quote an
    export puts before text a spreadsheet would run as a formula is removed (`core.exports`)."""
    if isinstance(cell, str):
        stripped = unquote(cell.strip())
        if stripped in _EMPTY:
            return None
        return " ".join(stripped.split())
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def number(cell: Cell) -> str | None:
    """An identity number as the digits it holds, without the separators and the leading
    apostrophe people type to stop Excel from rounding it. Non-digit junk is returned as is,
    for the caller to judge."""
    if isinstance(cell, str) and len(cell) == 16 and cell.isdigit():
        return cell
    if cell is None:
        return None
    if isinstance(cell, float):
        return f"{cell:.0f}" if cell.is_integer() else str(cell)
    if isinstance(cell, int):
        return str(cell)
    raw = text(cell)
    if raw is None:
        return None
    if raw.endswith(".0"):
        raw = raw[:-2]
    cleaned = raw.translate(_NUMBER_NOISE)
    return cleaned if cleaned.isdigit() else raw


def excel_serial_date(serial: float) -> dt.date:
    """The date of an Excel serial day number (1900 date system, as every Windows Excel writes).

    Excel counts a 29 February 1900 that never was, so serials before it are one day off.
    """
    if not 1 <= serial <= _EXCEL_MAX_SERIAL:
        raise ValueError(_("{serial} bukan nomor tanggal Excel").format(serial=serial))
    days = int(serial)
    if days < _EXCEL_LEAP_BUG_SERIAL:
        days += 1
    return _EXCEL_EPOCH + dt.timedelta(days=days)


def date_value(cell: Cell) -> dt.date | None:
    """A date from a datetime, an Excel serial, ISO text, or `DD-MM-YYYY` / `DD/MM/YYYY` text.

    Raises ValueError for anything else: two-digit years are refused, since the century of a
    birth date cannot be guessed safely.
    """
    if isinstance(cell, str) and len(cell) == 10 and cell[4] == "-":
        try:
            return dt.date.fromisoformat(cell)
        except ValueError:
            pass
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float):
        return excel_serial_date(cell)
    raw = text(cell)
    if raw is None:
        return None
    day_part = raw.split(" ", 1)[0].split("T", 1)[0]
    if day_part.isdigit() and len(day_part) <= 7:
        return excel_serial_date(int(day_part))
    parts = day_part.translate(_DATE_SEPARATORS).split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError(_("'{raw}' bukan tanggal").format(raw=raw))
    if len(parts[0]) == 4:
        year, month, day = parts
    elif len(parts[2]) == 4:
        day, month, year = parts
    else:
        raise ValueError(_("'{raw}' bukan tanggal (tahun harus 4 digit)").format(raw=raw))
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(_("'{raw}' bukan tanggal yang ada").format(raw=raw)) from None


def area_code(cell: Cell) -> str | None:
    """An RT or RW number as the three-digit text villages write on letters ('001')."""
    raw = text(cell)
    if raw is None:
        return None
    if raw.endswith(".0"):
        raw = raw[:-2]
    if not raw.isdigit() or int(raw) > _AREA_LIMIT:
        raise ValueError(_("'{raw}' bukan nomor RT/RW").format(raw=raw))
    return f"{int(raw):03d}"
