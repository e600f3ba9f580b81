"""Turning a raw spreadsheet row into an `ImportRecord`, or a reason naming the column at fault.

A row is rejected when the resident form would refuse it for a number it cannot store: no name,
no KK number or one that is not 16 digits, a NIK that `check_nik` (the form's own check) says
cannot be a NIK. Every reason of the row is given at once. Everything else that cannot be read
becomes empty with a warning; a missing NIK (or a temporary one, from an export) keeps the person
flagged "NIK perlu diperiksa", since a newborn may have none yet. Document numbers go to the
resident's `documents`.

A regency imports a million rows at once, so the work per row is kept to dictionary look-ups
wherever the values repeat (codes, RT/RW, KK numbers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Generic, TypeVar

from plugins.population.domain.codes import (
    BASIC_STATUS,
    BLOOD_TYPE,
    CITIZENSHIP,
    DISABILITY,
    EDUCATION,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
    CodeList,
)
from plugins.population.domain.identity import check_kk, check_nik, is_temporary_nik
from plugins.population.importing.cells import (
    Cell,
    area_code,
    date_value,
    is_empty,
    number,
    text,
)
from plugins.population.importing.formats import (
    BIP,
    DOCUMENT_DATES,
    DOCUMENT_KEYS,
    OPENSID,
    SIAK,
    Columns,
    Format,
    normalize_header,
)
from plugins.population.importing.record import ImportRecord, RowRejected

NIK_NEEDS_CHECK = "NIK perlu diperiksa"
_EXCEL_PRECISION = 10**15
"""Excel keeps 15 significant digits, so a 16-digit NIK stored as a number lost its last one."""
_CACHE_LIMIT = 4096
_FIELDS = (
    "no_kk",
    "nik",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "religion",
    "education",
    "occupation",
    "marital_status",
    "relationship",
    "citizenship",
    "blood_type",
    "disability",
    "basic_status",
    "father_nik",
    "father_name",
    "mother_nik",
    "mother_name",
    "address",
    "dusun",
    "rw",
    "rt",
)
"""The order `_Normalizer.__call__` unpacks a row's cells in; the document columns follow."""
_DOCUMENTS = tuple(DOCUMENT_KEYS)
KK_DIGITS = "Nomor KK harus terdiri dari 16 digit angka."
"""`check_kk`'s error for a number that is not 16 digits: the form refuses such a KK number."""
T = TypeVar("T")


def _note(column: str | None, message: str) -> str:
    return f"Kolom '{column}': {message}"


class _RepeatedColumn(Generic[T]):
    """A column of few distinct values repeated down the register: each value is read once."""

    __slots__ = ("_cache", "_column", "_read")

    def __init__(self, column: str | None, read: Callable[[Cell], T | None]) -> None:
        self._column = column
        self._read = read
        self._cache: dict[Cell, tuple[T | None, str | None]] = {}

    def __call__(self, cell: Cell, warnings: list[str]) -> T | None:
        if cell is True or cell is False:
            value, problem = self._compute(cell)
        else:
            try:
                value, problem = self._cache[cell]
            except KeyError:
                value, problem = self._compute(cell)
                if len(self._cache) < _CACHE_LIMIT:
                    self._cache[cell] = (value, problem)
        if problem is not None:
            warnings.append(problem)
        return value

    def _compute(self, cell: Cell) -> tuple[T | None, str | None]:
        try:
            return self._read(cell), None
        except ValueError as error:
            return None, _note(self._column, f"{error}, dikosongkan")


def _coded(column: str | None, codes: CodeList) -> _RepeatedColumn[int]:
    def read(cell: Cell) -> int | None:
        return None if is_empty(cell) else codes.parse(cell)

    return _RepeatedColumn(column, read)


@lru_cache(maxsize=_CACHE_LIMIT)
def _kk_problem(no_kk: str) -> tuple[bool, str | None]:
    """(whether the number cannot be stored, what to tell the operator); members of a family
    share their KK number, so each number is checked once."""
    errors = check_kk(no_kk).errors
    if not errors:
        return False, None
    if errors[0] == KK_DIGITS:
        return True, f"{errors[0]} ('{no_kk}')"
    return False, f"Nomor KK perlu diperiksa ({errors[0]})"


class _Normalizer:
    """Normalizes the rows of one format; column keys and value caches live as long as it does."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self._keys = tuple(
            None if (label := getattr(columns, name)) is None else normalize_header(label)
            for name in _FIELDS
        )
        self._documents = tuple(
            (DOCUMENT_KEYS[name], normalize_header(label), label, name in DOCUMENT_DATES)
            for name in _DOCUMENTS
            if (label := getattr(columns, name)) is not None
        )
        self._document_columns = tuple(column for _, column, _, _ in self._documents)
        self._sex = _coded(columns.sex, SEX)
        self._religion = _coded(columns.religion, RELIGION)
        self._education = _coded(columns.education, EDUCATION)
        self._occupation = _coded(columns.occupation, OCCUPATION)
        self._marital_status = _coded(columns.marital_status, MARITAL_STATUS)
        self._relationship = _coded(columns.relationship, RELATIONSHIP)
        self._citizenship = _coded(columns.citizenship, CITIZENSHIP)
        self._blood_type = _coded(columns.blood_type, BLOOD_TYPE)
        self._disability = _coded(columns.disability, DISABILITY)
        self._basic_status = _coded(columns.basic_status, BASIC_STATUS)
        self._rw = _RepeatedColumn(columns.rw, area_code)
        self._rt = _RepeatedColumn(columns.rt, area_code)

    def __call__(self, row: Mapping[str, Cell]) -> ImportRecord:
        get = row.get
        (
            no_kk_cell,
            nik_cell,
            name_cell,
            sex_cell,
            birth_place_cell,
            birth_date_cell,
            religion_cell,
            education_cell,
            occupation_cell,
            marital_cell,
            relationship_cell,
            citizenship_cell,
            blood_cell,
            disability_cell,
            status_cell,
            father_nik_cell,
            father_name_cell,
            mother_nik_cell,
            mother_name_cell,
            address_cell,
            dusun_cell,
            rw_cell,
            rt_cell,
        ) = [get(key) for key in self._keys]  # type: ignore[arg-type]
        columns = self.columns
        no_kk = number(no_kk_cell)
        if no_kk is None:
            raise RowRejected(f"Kolom '{columns.no_kk}' kosong: nomor KK wajib diisi.")
        name = text(name_cell)
        if name is None:
            raise RowRejected(f"Kolom '{columns.name}' kosong: nama wajib diisi.")
        warnings: list[str] = []
        fatal: list[str] = []
        kk_unusable, kk_problem = _kk_problem(no_kk)
        if kk_problem is not None:
            (fatal if kk_unusable else warnings).append(_note(columns.no_kk, kk_problem))
        try:
            birth_date = date_value(birth_date_cell)
        except ValueError as error:
            warnings.append(_note(columns.birth_date, f"{error}, dikosongkan"))
            birth_date = None
        sex = self._sex(sex_cell, warnings)
        nik, nik_sex, nik_needs_check = self._nik(nik_cell, birth_date, sex, warnings, fatal)
        if sex is None:
            if nik_sex is None:
                fatal.append(
                    f"Kolom '{columns.sex}' kosong atau tidak dikenal, dan jenis kelamin "
                    "tidak dapat dibaca dari NIK."
                )
            else:
                sex = nik_sex
                warnings.append(_note(columns.sex, f"diisi {SEX.label(sex)} menurut NIK"))
        if fatal or sex is None:
            raise RowRejected(" ".join(fatal))
        documents = self._documents_of(get, warnings) if self._documents else None
        return ImportRecord(
            no_kk=no_kk,
            nik=nik,
            name=name,
            sex=sex,
            birth_place=text(birth_place_cell),
            birth_date=birth_date,
            religion=self._religion(religion_cell, warnings),
            education=self._education(education_cell, warnings),
            occupation=self._occupation(occupation_cell, warnings),
            marital_status=self._marital_status(marital_cell, warnings),
            relationship=self._relationship(relationship_cell, warnings),
            citizenship=self._citizenship(citizenship_cell, warnings),
            blood_type=self._blood_type(blood_cell, warnings),
            disability=self._disability(disability_cell, warnings),
            basic_status=self._basic_status(status_cell, warnings),
            father_nik=self._parent_nik(father_nik_cell, columns.father_nik, warnings),
            father_name=text(father_name_cell),
            mother_nik=self._parent_nik(mother_nik_cell, columns.mother_nik, warnings),
            mother_name=text(mother_name_cell),
            address=text(address_cell),
            dusun=text(dusun_cell),
            rw=self._rw(rw_cell, warnings),
            rt=self._rt(rt_cell, warnings),
            nik_needs_check=nik_needs_check,
            warnings=tuple(warnings),
            documents=documents,
        )

    def _documents_of(
        self, get: Callable[[str], Cell], warnings: list[str]
    ) -> dict[str, str] | None:
        """The row's document numbers and dates, keyed as `Resident.documents` keeps them; None
        at once for the common row that holds none (the cost of a million rows is per row)."""
        cells = [get(column) for column in self._document_columns]
        if not any(cells):
            return None
        found: dict[str, str] = {}
        for (key, _, label, is_date), cell in zip(self._documents, cells, strict=True):
            if is_empty(cell):
                continue
            if not is_date:
                value = text(cell)
                if value is not None:
                    found[key] = value
                continue
            try:
                day = date_value(cell)
            except ValueError as error:
                warnings.append(_note(label, f"{error}, dikosongkan"))
                continue
            if day is not None:
                found[key] = day.isoformat()
        return found or None

    @staticmethod
    def _parent_nik(cell: Cell, column: str | None, warnings: list[str]) -> str | None:
        value = number(cell)
        if value is None or set(value) == {"0"}:
            return None
        if len(value) != 16 or not value.isdigit():
            warnings.append(_note(column, f"'{value}' bukan NIK 16 digit, dikosongkan"))
            return None
        return value

    def _nik(
        self,
        cell: Cell,
        birth_date: dt.date | None,
        sex: int | None,
        warnings: list[str],
        fatal: list[str],
    ) -> tuple[str | None, int | None, bool]:
        """The NIK as found, the sex it encodes when it is sound, and whether it needs a check;
        a number the resident form would refuse goes to `fatal`, in the form's words."""
        column = self.columns.nik
        nik = number(cell)
        if nik is None:
            warnings.append(_note(column, f"kosong; {NIK_NEEDS_CHECK}"))
            return None, None, True
        if is_temporary_nik(nik):
            warnings.append(_note(column, f"NIK sementara {nik}; {NIK_NEEDS_CHECK}"))
            return nik, None, True
        check = check_nik(nik, birth_date=birth_date, sex=sex)
        if check.errors:
            fatal.append(_note(column, f"'{nik}' ditolak: {' '.join(check.errors)}"))
            return nik, None, True
        warnings.extend(_note(column, warning) for warning in check.warnings)
        if isinstance(cell, int | float) and cell >= _EXCEL_PRECISION and nik.endswith("0"):
            warnings.append(
                _note(
                    column,
                    f"{NIK_NEEDS_CHECK}: tersimpan sebagai angka di spreadsheet, "
                    "digit terakhir mungkin terpotong.",
                )
            )
            return nik, check.sex, True
        return nik, check.sex, False


_OPENSID = _Normalizer(OPENSID)
_SIAK = _Normalizer(SIAK)
_BIP = _Normalizer(BIP)


def normalize_opensid(row: Mapping[str, Cell]) -> ImportRecord:
    """A row of the OpenSID import sheet (codes in every coded column)."""
    return _OPENSID(row)


def normalize_siak(row: Mapping[str, Cell]) -> ImportRecord:
    """A row of a Dukcapil SIAK export (labels in every coded column)."""
    return _SIAK(row)


def normalize_bip(row: Mapping[str, Cell]) -> ImportRecord:
    """A member row of a BIP sheet as `bip` lays it out (labels in every coded column)."""
    return _BIP(row)


NORMALIZERS: dict[Format, Callable[[Mapping[str, Cell]], ImportRecord]] = {
    "opensid": normalize_opensid,
    "siak": normalize_siak,
    "bip2012": normalize_bip,
    "bip2016": normalize_bip,
    "bip_ektp": normalize_bip,
}
