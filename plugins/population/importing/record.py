"""What one spreadsheet row becomes: a resident ready to store, or a reason it cannot be."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class RowRejected(ValueError):
    """The row cannot become a resident; the message names the column and is for the operator."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportRecord(NamedTuple):
    """One resident from an import, every value already a code, a date or trimmed text.

    A named tuple rather than a dataclass: a regency import builds a million of them in worker
    processes and sends them to the writer, and a tuple is the cheapest to build and to pickle.

    Codes are those of `plugins.population.domain.codes`; None means the cell was empty or could
    not be read, in which case `warnings` says why.
    """

    no_kk: str
    nik: str | None
    """As found in the file; check `nik_needs_check` before trusting it."""
    name: str
    sex: int
    birth_place: str | None
    birth_date: dt.date | None
    religion: int | None
    education: int | None
    occupation: int | None
    marital_status: int | None
    relationship: int | None
    """SHDK code: the resident's place in the family."""
    citizenship: int | None
    blood_type: int | None
    disability: int | None
    basic_status: int | None
    father_nik: str | None
    father_name: str | None
    mother_nik: str | None
    mother_name: str | None
    address: str | None
    dusun: str | None
    rw: str | None
    """Three digits ('001')."""
    rt: str | None
    """Three digits ('001')."""
    nik_needs_check: bool
    """The NIK is missing (or a stand-in, or may have lost its last digit in Excel): the resident
    is kept, the operator must check the number. A NIK that cannot be one rejects the row."""
    warnings: tuple[str, ...]
    documents: dict[str, str] | None = None
    """Document numbers and dates for `Resident.documents`, under `formats.DOCUMENT_KEYS`."""
