from __future__ import annotations

import datetime as dt

import pytest

from plugins.population.importing.cells import (
    Cell,
    area_code,
    date_value,
    excel_serial_date,
    is_empty,
    number,
    text,
)


@pytest.mark.parametrize("cell", [None, "", "   ", "-", " - ", "—", "0000-00-00", "NULL"])
def test_empty_markers_mean_nothing(cell: Cell) -> None:
    assert is_empty(cell)
    assert text(cell) is None
    assert number(cell) is None
    assert date_value(cell) is None
    assert area_code(cell) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(" siti   aminah ", "siti aminah"), (3.0, "3"), (2.5, "2.5"), (17, "17")],
)
def test_text_is_trimmed_with_single_spaces(cell: Cell, expected: str) -> None:
    assert text(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("3527014101910001", "3527014101910001"),
        ("'3527014101910001", "3527014101910001"),
        ("3527 0141 0191 0001", "3527014101910001"),
        ("3527.01.410191.0001", "3527014101910001"),
        ("3527014101910001.0", "3527014101910001"),
        (3527014101910000.0, "3527014101910000"),
        (3527014101910001, "3527014101910001"),
        ("3.52701E+15", "3.52701E+15"),
    ],
)
def test_number_keeps_the_digits_of_an_identity_number(cell: Cell, expected: str) -> None:
    assert number(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (33512, dt.date(1991, 10, 1)),
        (33512.0, dt.date(1991, 10, 1)),
        ("33512", dt.date(1991, 10, 1)),
        ("1991-10-01", dt.date(1991, 10, 1)),
        ("1991-10-01 00:00:00", dt.date(1991, 10, 1)),
        ("01-10-1991", dt.date(1991, 10, 1)),
        ("01/10/1991", dt.date(1991, 10, 1)),
        ("1/10/1991", dt.date(1991, 10, 1)),
        (dt.datetime(1991, 10, 1, 0, 0), dt.date(1991, 10, 1)),
        (dt.date(1991, 10, 1), dt.date(1991, 10, 1)),
    ],
)
def test_dates_arrive_in_every_spreadsheet_form(cell: Cell, expected: dt.date) -> None:
    assert date_value(cell) == expected


def test_excel_serials_follow_the_1900_date_system_with_its_leap_year_bug() -> None:
    assert excel_serial_date(1) == dt.date(1900, 1, 1)
    assert excel_serial_date(59) == dt.date(1900, 2, 28)
    assert excel_serial_date(61) == dt.date(1900, 3, 1)
    assert excel_serial_date(45658) == dt.date(2025, 1, 1)


@pytest.mark.parametrize("cell", ["31-02-1991", "01-10-91", "kemarin", 0, -5, "1991/13/01"])
def test_unreadable_dates_raise(cell: Cell) -> None:
    with pytest.raises(ValueError):
        date_value(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("3", "003"), (3, "003"), (3.0, "003"), ("03", "003"), ("003", "003"), ("12.0", "012")],
)
def test_rt_and_rw_become_three_digits(cell: Cell, expected: str) -> None:
    assert area_code(cell) == expected


@pytest.mark.parametrize("cell", ["1A", "1000", 2.5])
def test_rt_that_is_not_a_number_raises(cell: Cell) -> None:
    with pytest.raises(ValueError):
        area_code(cell)
