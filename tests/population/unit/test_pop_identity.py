from __future__ import annotations

import datetime as dt

import pytest

from plugins.population.domain.identity import (
    check_kk,
    check_nik,
    is_temporary_nik,
    mask_nik,
    temporary_nik,
)

WOMAN_BORN_1991_01_01 = "3527014101910001"
MAN_BORN_1991_10_01 = "3527010110910002"


def test_sound_nik_tells_birth_date_sex_and_district() -> None:
    check = check_nik(WOMAN_BORN_1991_01_01)
    assert check.ok
    assert check.errors == ()
    assert check.warnings == ()
    assert check.nik == WOMAN_BORN_1991_01_01
    assert check.birth_date == dt.date(1991, 1, 1)
    assert check.sex == 2
    assert check.district_code == "35.27.01"


def test_nik_may_be_typed_with_separators() -> None:
    assert check_nik("3527 0141 0191 0001").nik == WOMAN_BORN_1991_01_01


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("352701410191000", "16 digit"),
        ("35270141019100a1", "16 digit"),
        ("3527013202910001", "Tanggal lahir di NIK tidak valid"),
        ("3527017302910001", "Tanggal lahir di NIK tidak valid"),
        ("9927014101910001", 'Kode provinsi "99" tidak dikenal'),
    ],
)
def test_structure_errors_reject_the_nik(nik: str, message: str) -> None:
    check = check_nik(nik)
    assert not check.ok
    assert any(message in error for error in check.errors)


def test_record_mismatches_are_warnings_never_errors() -> None:
    check = check_nik(
        WOMAN_BORN_1991_01_01,
        birth_date=dt.date(1991, 1, 2),
        sex=1,
        region_code="35.10",
    )
    assert check.ok
    assert len(check.warnings) == 3
    birth, sex, region = check.warnings
    assert "Tanggal lahir di NIK (01-01-91)" in birth
    assert "(02-01-1991)" in birth
    assert sex == "Jenis kelamin di NIK (Perempuan) tidak sama dengan data (Laki-laki)."
    assert "Kode wilayah di NIK (35.27.01)" in region
    assert "(35.10)" in region


def test_matching_record_gives_no_warning() -> None:
    check = check_nik(
        MAN_BORN_1991_10_01,
        birth_date=dt.date(1991, 10, 1),
        sex=1,
        region_code="35.27.01.2001",
    )
    assert check.warnings == ()


def test_birth_date_is_compared_without_the_century_the_nik_cannot_hold() -> None:
    old_man = "3527010110250002"
    assert check_nik(old_man, birth_date=dt.date(1925, 10, 1)).warnings == ()


def test_district_missing_from_current_region_list_is_a_warning() -> None:
    check = check_nik("3527994101910001")
    assert check.ok
    assert check.warnings == (
        "Kode kecamatan 35.27.99 tidak ada di data Kemendagri terbaru "
        "(bisa jadi kode lama sebelum pemekaran).",
    )


def test_sound_kk_number_tells_issue_date_and_district() -> None:
    check = check_kk("3527010507150003", today=dt.date(2026, 1, 1))
    assert check.ok
    assert check.number == "3527010507150003"
    assert check.issue_date == dt.date(2015, 7, 5)
    assert check.district_code == "35.27.01"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("35270105071500", "16 digit"),
        ("3527013102150003", "Tanggal terbit di nomor KK tidak valid"),
        ("3527010503260003", "Tanggal terbit di nomor KK ada di masa depan"),
        ("0027010507150003", 'Kode provinsi "00" tidak dikenal'),
        ("3500010507150003", "tidak boleh 00"),
    ],
)
def test_kk_number_structure_errors(number: str, message: str) -> None:
    check = check_kk(number, today=dt.date(2026, 1, 1))
    assert not check.ok
    assert any(message in error for error in check.errors)


def test_temporary_nik_is_sixteen_digits_and_never_a_real_nik() -> None:
    nik = temporary_nik("35.27.01.2001", 7)
    assert nik == "0035270120010007"
    assert is_temporary_nik(nik)
    assert not check_nik(nik).ok


def test_temporary_niks_of_two_villages_differ() -> None:
    assert temporary_nik("35.27.01.2001", 1) != temporary_nik("35.27.01.2002", 1)


def test_real_nik_is_not_temporary() -> None:
    assert not is_temporary_nik(WOMAN_BORN_1991_01_01)
    assert not is_temporary_nik("00")


@pytest.mark.parametrize(("village", "serial"), [("35.27.01", 1), ("3527012001", 0)])
def test_temporary_nik_refuses_bad_village_or_serial(village: str, serial: int) -> None:
    with pytest.raises(ValueError):
        temporary_nik(village, serial)


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        (WOMAN_BORN_1991_01_01, "3527********0001"),
        ("3527010507150003", "3527********0003"),
        ("3527 0141 0191 0001", "3527********0001"),
        ("352701410191", "************"),
    ],
)
def test_mask_hides_the_birth_date_and_never_leaks_a_malformed_number(
    number: str, masked: str
) -> None:
    assert mask_nik(number) == masked
