"""OpenSID's "Buku Induk Penduduk" (BIP) sheets, laid out as the rows of a table.

A BIP sheet is no table: it is one block per family, a KK row (number and an address line that
packs hamlet, RT and RW) followed by one row per member. The three layouts OpenSID imports
(`format_bip_2012`, `format_bip_2016`, `format_bip_ektp`) differ in where each cell sits; the
positions here are those of OpenSID's importers (`Bip2012_model`, `Bip2016_model`,
`Bip_ektp_model`). Each member row becomes a row of `formats.BIP` columns carrying its family's
cells, under its own row number in the sheet, so the one normalizer and the one importer judge
it like a row of any other format, and the report points at the member's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, islice

from plugins.population.importing.cells import Cell, text
from plugins.population.importing.formats import BIP, Format, normalize_header
from plugins.population.importing.reading import Header, NumberedCells

DETECT_ROWS = 30
"""Rows read from the top of a sheet to recognise a BIP layout."""
_FIELDS = (
    "no_kk", "nik", "name", "sex", "birth_place", "birth_date", "religion", "education",
    "occupation", "marital_status", "relationship", "blood_type", "father_name", "mother_name",
    "address", "dusun", "rw", "rt", "birth_certificate",
)  # fmt: skip
"""The order of a laid-out row's cells."""
_ABBREVIATIONS = {
    "marital_status": {"BK": "Belum Kawin", "K": "Kawin", "CH": "Cerai Hidup", "CM": "Cerai Mati"},
    "blood_type": {"TDK TH": "Tidak Tahu"},
}
"""Short forms the e-KTP layout prints that the code lists do not know."""
_DIGITS = re.compile(r"\D")
_KODEPOS = re.compile(r"Kodepos:[^,]*,?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a BIP layout keeps each member cell (0-based positions in the member's row)."""

    name: Format
    members: dict[str, int]
    ignored: tuple[str, ...] = ()
    """Columns of the layout no register field takes, by the names the sheet prints."""


BIP2012 = Layout(
    "bip2012",
    {
        "nik": 2, "name": 3, "sex": 4, "birth_place": 5, "birth_date": 6, "religion": 8,
        "marital_status": 9, "relationship": 10, "education": 11, "occupation": 12,
        "mother_name": 13, "father_name": 14, "birth_certificate": 15,
    },
)  # fmt: skip
BIP2016 = Layout(
    "bip2016",
    {
        "name": 1, "nik": 2, "birth_place": 3, "birth_date": 4, "sex": 5, "relationship": 6,
        "religion": 7, "education": 8, "occupation": 9, "mother_name": 10, "father_name": 11,
    },
)  # fmt: skip
BIP_EKTP = Layout(
    "bip_ektp",
    {
        "name": 1, "nik": 2, "birth_place": 3, "birth_date": 4, "sex": 5, "marital_status": 6,
        "blood_type": 7, "relationship": 8, "religion": 9, "education": 10,
        "birth_certificate": 11, "occupation": 12, "mother_name": 13, "father_name": 14,
    },
    ignored=("Wjb KTP", "KTP-eL", "Status", "Stat Rkm"),
)  # fmt: skip
LAYOUTS = {layout.name: layout for layout in (BIP2012, BIP2016, BIP_EKTP)}
HEADER = Header(
    keys=tuple(normalize_header(getattr(BIP, name)) for name in _FIELDS),
    kept=tuple(range(len(_FIELDS))),
    labels=tuple(str(getattr(BIP, name)) for name in _FIELDS),
)
"""The header of the table a BIP sheet is laid out as (`formats.BIP` column names)."""


def _cell(cells: Sequence[Cell], index: int) -> Cell:
    return cells[index] if index < len(cells) else None


def _label(cells: Sequence[Cell], index: int) -> str:
    return text(_cell(cells, index)) or ""


def _is_number(cell: Cell) -> bool:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return cell > 0
    raw = text(cell)
    return raw is not None and raw.isdigit() and int(raw) > 0


def detect_layout(rows: Sequence[Sequence[Cell]]) -> Layout | None:
    """The BIP layout of a sheet from its first rows, as OpenSID tells them apart; None for a
    sheet with a header row."""
    if rows and _label(rows[0], 0).upper().startswith("BUKU INDUK PENDUDUK WNI"):
        return BIP2016
    for cells in rows:
        if "Wjb KTP" in _label(cells, 15) and "KTP-eL" in _label(cells, 16):
            return BIP_EKTP
    if any(_label(cells, 1).upper() == "NO.KK" for cells in rows):
        return BIP2012
    return None


def _after(line: str, start: str, end: str | None = None) -> str:
    """The text of `line` between `start` and `end` (or the line's end), trimmed."""
    at = line.find(start)
    if at < 0:
        return ""
    rest = line[at + len(start) :]
    if end is not None and end in rest:
        rest = rest[: rest.index(end)]
    return rest.strip()


def _family_2012(cells: Sequence[Cell]) -> dict[str, Cell]:
    """`DUSUN KERANDANGAN, RT:001, RW:001, Kodepos:83355,-` and the KK number beside it."""
    line = _label(cells, 6)
    parts = [part.strip() for part in _KODEPOS.sub("", line).split(",")]
    family: dict[str, Cell] = {"no_kk": _cell(cells, 1)}
    street = []
    for part in parts:
        upper = part.upper()
        if upper.startswith("DUSUN"):
            family["dusun"] = part[len("DUSUN") :].strip()
        elif upper.startswith("RT:"):
            family["rt"] = part[3:].strip()
        elif upper.startswith("RW:"):
            family["rw"] = part[3:].strip()
        elif part.strip(" -"):
            street.append(part)
    family["address"] = ", ".join(street)
    return family


def _family_2016(cells: Sequence[Cell]) -> dict[str, Cell]:
    """`No. KK : 5202…` and `Alamat : MERTAK PAOK, Nama Dusun : MERTAK PAOK, RT/RW : 001/002`."""
    line = _label(cells, 2)
    rt, _, rw = _after(line, "RT/RW :").partition("/")
    return {
        "no_kk": _DIGITS.sub("", _after(_label(cells, 0), "No. KK :")),
        "address": _after(line, "Alamat :", ","),
        "dusun": _after(line, "Nama Dusun :", ","),
        "rt": rt.strip(),
        "rw": rw.strip(),
    }


def _family_ektp(cells: Sequence[Cell], village: str) -> dict[str, Cell]:
    """`DESA LUBUK BESAR RT/RW : 002/000 DUSUN : -`; no hamlet means the village itself."""
    line = _label(cells, 11)
    rt, _, rw = _after(line, "RT/RW :", " DUSUN :").partition("/")
    dusun = _after(line, "DUSUN :").replace("-", "").strip()
    return {
        "no_kk": _cell(cells, 0),
        "dusun": dusun or village,
        "rt": rt.strip(),
        "rw": rw.strip(),
    }


def _member(layout: Layout, cells: Sequence[Cell], family: dict[str, Cell]) -> list[Cell]:
    row: dict[str, Cell] = {**family}
    for name, index in layout.members.items():
        cell = _cell(cells, index)
        short = _ABBREVIATIONS.get(name)
        if short is not None and isinstance(cell, str):
            cell = short.get(" ".join(cell.upper().split()), cell)
        row[name] = cell
    return [row.get(name) for name in _FIELDS]


def _rows_2012(numbered: NumberedCells) -> NumberedCells:
    """After a `NO.KK` title row come the family's row, a member title row, then its members."""
    family: dict[str, Cell] | None = None
    title = 0
    for number, cells in numbered:
        if _label(cells, 1).upper() == "NO.KK":
            family, title = None, number
            continue
        if family is None and title and number == title + 1:
            family = _family_2012(cells)
            continue
        if family is not None and number >= title + 3 and _label(cells, 3):
            yield number, _member(BIP2012, cells, family)


def _rows_2016(numbered: NumberedCells) -> NumberedCells:
    """A `No. KK :` row, then members numbered in the first column; `Keterangan:` ends it."""
    family: dict[str, Cell] | None = None
    for number, cells in numbered:
        first = _label(cells, 0)
        if first.startswith("Keterangan:"):
            return
        if first.startswith("No. KK"):
            family = _family_2016(cells)
        elif family is not None and _is_number(_cell(cells, 0)):
            yield number, _member(BIP2016, cells, family)
        else:
            family = None


def _rows_ektp(numbered: NumberedCells) -> NumberedCells:
    """A row with the 16-digit KK number alone in the first cell, then numbered members."""
    family: dict[str, Cell] | None = None
    village = ""
    for number, cells in numbered:
        kk = _DIGITS.sub("", _label(cells, 0))
        if len(kk) == 16 and not _label(cells, 1):
            village = village or _after(_label(cells, 11), "DESA ", "RT/RW :")
            family = _family_ektp(cells, village)
        elif family is not None and _is_number(_cell(cells, 0)) and _label(cells, 1):
            yield number, _member(BIP_EKTP, cells, family)
        else:
            family = None


_READERS = {"bip2012": _rows_2012, "bip2016": _rows_2016, "bip_ektp": _rows_ektp}


def bip_table(numbered: NumberedCells) -> tuple[Layout | None, NumberedCells]:
    """The sheet's BIP layout and its member rows laid out under `HEADER`; (None, the rows as
    read) for a sheet that is not a BIP."""
    head = list(islice(numbered, DETECT_ROWS))
    rows = chain(head, numbered)
    layout = detect_layout([cells for _, cells in head])
    if layout is None:
        return None, rows
    return layout, _READERS[layout.name](rows)
