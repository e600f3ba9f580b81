"""Letter numbers: `[kode_surat]/[nomor]/[kode_desa]/[bulan romawi]/[tahun]` and variations."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugins.population.letters.numbering import (
    DEFAULT_LETTER_NUMBER_PATTERN,
    format_letter_number,
    roman_month,
    village_number_code,
)


def _number(pattern: str = DEFAULT_LETTER_NUMBER_PATTERN, **overrides: object) -> str:
    values: dict[str, object] = {
        "kode_surat": "474.1",
        "nomor": 7,
        "kode_desa": "35.27.01.2001",
        "issued_on": date(2026, 11, 23),
    }
    values.update(overrides)
    return format_letter_number(pattern, **values)  # type: ignore[arg-type]


def test_default_pattern_gives_the_number_village_offices_write() -> None:
    assert _number() == "474.1/007/2001/XI/2026"


def test_only_the_village_part_of_the_kemendagri_code_is_printed() -> None:
    assert _number(kode_desa="2001") == "474.1/007/2001/XI/2026"
    assert village_number_code("35.10.05.1003") == "1003"


@pytest.mark.parametrize("kode_desa", ["35.27.01", "35.27.01.20011", "abcd", ""])
def test_a_village_code_without_four_village_digits_is_rejected(kode_desa: str) -> None:
    with pytest.raises(ValueError, match="Kode desa"):
        _number(kode_desa=kode_desa)


@pytest.mark.parametrize(
    ("nomor", "printed"), [(1, "001"), (42, "042"), (999, "999"), (1000, "1000")]
)
def test_nomor_is_padded_to_three_digits_and_never_cut(nomor: int, printed: str) -> None:
    assert _number("[nomor]", nomor=nomor) == printed


def test_nomor_starts_at_one() -> None:
    with pytest.raises(ValueError, match="Nomor urut"):
        _number(nomor=0)


def test_december_and_january_letters_carry_their_own_month_and_year() -> None:
    assert _number(nomor=312, issued_on=date(2026, 12, 31)) == "474.1/312/2001/XII/2026"
    assert _number(nomor=1, issued_on=date(2027, 1, 1)) == "474.1/001/2001/I/2027"


def test_roman_months_run_from_i_to_xii() -> None:
    assert [roman_month(month) for month in range(1, 13)] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]  # fmt: skip


@pytest.mark.parametrize("month", [0, 13])
def test_there_is_no_roman_month_outside_the_year(month: int) -> None:
    with pytest.raises(ValueError, match="Bulan"):
        roman_month(month)


def test_a_village_may_reorder_the_parts_and_add_its_own_text() -> None:
    pattern = "[nomor]/[kode_surat]/DS-[kode_desa]/[tahun]"
    assert _number(pattern, kode_surat="503") == "007/503/DS-2001/2026"


def test_an_unknown_placeholder_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"\[bulan\] yang tidak dikenal") as raised:
        _number("[kode_surat]/[nomor]/[bulan]/[tahun]")
    assert "[bulan romawi]" in str(raised.value)


@given(
    nomor=st.integers(min_value=1, max_value=999),
    issued_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_every_default_number_has_five_parts_naming_its_month_and_year(
    nomor: int, issued_on: date
) -> None:
    kode_surat, printed_nomor, kode_desa, month, year = _number(
        nomor=nomor, issued_on=issued_on
    ).split("/")
    assert (kode_surat, kode_desa) == ("474.1", "2001")
    assert int(printed_nomor) == nomor
    assert month == roman_month(issued_on.month)
    assert year == str(issued_on.year)
