"""Turning a raw spreadsheet row into an `ImportRecord`, or a reason naming the column at fault.

Only a row without a name or a KK number is rejected: everything else that cannot be read becomes
empty with a warning, and a bad NIK keeps the person flagged "NIK perlu diperiksa", because a
resident exists even when the number on file is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import fields

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
    CodeError,
    CodeList,
)
from plugins.population.domain.identity import check_kk, check_nik
from plugins.population.importing.cells import (
    Cell,
    area_code,
    date_value,
    is_empty,
    number,
    text,
)
from plugins.population.importing.formats import OPENSID, SIAK, Columns, normalize_header
from plugins.population.importing.record import ImportRecord, RowRejected

NIK_NEEDS_CHECK = "NIK perlu diperiksa"
_EXCEL_PRECISION = 10**15
"""Excel keeps 15 significant digits, so a 16-digit NIK stored as a number lost its last one."""


class _Normalizer:
    """Normalizes rows of one format; column keys are worked out once, not per row."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.keys = {
            column.name: normalize_header(label)
            for column in fields(Columns)
            if (label := getattr(columns, column.name)) is not None
        }

    def __call__(self, row: Mapping[str, Cell]) -> ImportRecord:
        warnings: list[str] = []
        no_kk = number(self._cell(row, "no_kk"))
        if no_kk is None:
            raise RowRejected(f"Kolom '{self.columns.no_kk}' kosong: nomor KK wajib diisi.")
        name = text(self._cell(row, "name"))
        if name is None:
            raise RowRejected(f"Kolom '{self.columns.name}' kosong: nama wajib diisi.")
        kk = check_kk(no_kk)
        if kk.errors:
            warnings.append(self._note("no_kk", f"Nomor KK perlu diperiksa ({kk.errors[0]})"))
        birth_date = self._date(row, "birth_date", warnings)
        sex = self._code(row, "sex", SEX, warnings)
        nik, nik_sex, nik_needs_check = self._nik(row, birth_date, sex, warnings)
        if sex is None:
            if nik_sex is None:
                raise RowRejected(
                    f"Kolom '{self.columns.sex}' kosong atau tidak dikenal, dan jenis kelamin "
                    "tidak dapat dibaca dari NIK."
                )
            sex = nik_sex
            warnings.append(self._note("sex", f"diisi {SEX.label(sex)} menurut NIK"))
        return ImportRecord(
            no_kk=no_kk,
            nik=nik,
            name=name,
            sex=sex,
            birth_place=text(self._cell(row, "birth_place")),
            birth_date=birth_date,
            religion=self._code(row, "religion", RELIGION, warnings),
            education=self._code(row, "education", EDUCATION, warnings),
            occupation=self._code(row, "occupation", OCCUPATION, warnings),
            marital_status=self._code(row, "marital_status", MARITAL_STATUS, warnings),
            relationship=self._code(row, "relationship", RELATIONSHIP, warnings),
            citizenship=self._code(row, "citizenship", CITIZENSHIP, warnings),
            blood_type=self._code(row, "blood_type", BLOOD_TYPE, warnings),
            disability=self._code(row, "disability", DISABILITY, warnings),
            basic_status=self._code(row, "basic_status", BASIC_STATUS, warnings),
            father_nik=self._parent_nik(row, "father_nik", warnings),
            father_name=text(self._cell(row, "father_name")),
            mother_nik=self._parent_nik(row, "mother_nik", warnings),
            mother_name=text(self._cell(row, "mother_name")),
            address=text(self._cell(row, "address")),
            dusun=text(self._cell(row, "dusun")),
            rw=self._area(row, "rw", warnings),
            rt=self._area(row, "rt", warnings),
            nik_needs_check=nik_needs_check,
            warnings=tuple(warnings),
        )

    def _cell(self, row: Mapping[str, Cell], field: str) -> Cell:
        key = self.keys.get(field)
        return None if key is None else row.get(key)

    def _note(self, field: str, message: str) -> str:
        return f"Kolom '{getattr(self.columns, field)}': {message}"

    def _code(
        self, row: Mapping[str, Cell], field: str, codes: CodeList, warnings: list[str]
    ) -> int | None:
        cell = self._cell(row, field)
        if is_empty(cell):
            return None
        try:
            return codes.parse(cell)
        except CodeError as error:
            warnings.append(self._note(field, f"{error}, dikosongkan"))
            return None

    def _date(self, row: Mapping[str, Cell], field: str, warnings: list[str]) -> dt.date | None:
        try:
            return date_value(self._cell(row, field))
        except ValueError as error:
            warnings.append(self._note(field, f"{error}, dikosongkan"))
            return None

    def _area(self, row: Mapping[str, Cell], field: str, warnings: list[str]) -> str | None:
        try:
            return area_code(self._cell(row, field))
        except ValueError as error:
            warnings.append(self._note(field, f"{error}, dikosongkan"))
            return None

    def _parent_nik(self, row: Mapping[str, Cell], field: str, warnings: list[str]) -> str | None:
        value = number(self._cell(row, field))
        if value is None or set(value) == {"0"}:
            return None
        if len(value) != 16 or not value.isdigit():
            warnings.append(self._note(field, f"'{value}' bukan NIK 16 digit, dikosongkan"))
            return None
        return value

    def _nik(
        self,
        row: Mapping[str, Cell],
        birth_date: dt.date | None,
        sex: int | None,
        warnings: list[str],
    ) -> tuple[str | None, int | None, bool]:
        """The NIK as found, the sex it encodes when it is sound, and whether it needs a check."""
        cell = self._cell(row, "nik")
        nik = number(cell)
        if nik is None:
            warnings.append(self._note("nik", f"kosong; {NIK_NEEDS_CHECK}"))
            return None, None, True
        check = check_nik(nik, birth_date=birth_date, sex=sex)
        if check.errors:
            warnings.append(self._note("nik", f"{NIK_NEEDS_CHECK}: {' '.join(check.errors)}"))
            return nik, None, True
        warnings.extend(self._note("nik", warning) for warning in check.warnings)
        if isinstance(cell, int | float) and cell >= _EXCEL_PRECISION and nik.endswith("0"):
            warnings.append(
                self._note(
                    "nik",
                    f"{NIK_NEEDS_CHECK}: tersimpan sebagai angka di spreadsheet, "
                    "digit terakhir mungkin terpotong.",
                )
            )
            return nik, check.sex, True
        return nik, check.sex, False


_OPENSID = _Normalizer(OPENSID)
_SIAK = _Normalizer(SIAK)


def normalize_opensid(row: Mapping[str, Cell]) -> ImportRecord:
    """A row of the OpenSID import sheet (codes in every coded column)."""
    return _OPENSID(row)


def normalize_siak(row: Mapping[str, Cell]) -> ImportRecord:
    """A row of a Dukcapil SIAK export (labels in every coded column)."""
    return _SIAK(row)
