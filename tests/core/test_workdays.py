from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.workdays import add_working_days, is_working_day, working_days_between


def test_weekend_is_not_a_working_day() -> None:
    assert not is_working_day(date(2026, 7, 4))  # Sabtu
    assert not is_working_day(date(2026, 7, 5))  # Minggu
    assert is_working_day(date(2026, 7, 6))  # Senin


def test_national_holiday_and_cuti_bersama_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 8, 17))  # Proklamasi Kemerdekaan, Senin
    assert not is_working_day(date(2026, 12, 24))  # cuti bersama Natal, Kamis


def test_same_day_is_zero_days_old() -> None:
    assert working_days_between(date(2026, 7, 6), date(2026, 7, 6)) == 0


def test_start_day_is_not_counted_and_end_day_is() -> None:
    assert working_days_between(date(2026, 7, 6), date(2026, 7, 7)) == 1


def test_friday_to_monday_is_one_working_day() -> None:
    assert working_days_between(date(2026, 7, 3), date(2026, 7, 6)) == 1


def test_independence_day_is_skipped() -> None:
    # Jumat 14 Agustus → Selasa 18 Agustus 2026: Sabtu, Minggu and Senin 17 Agustus are off.
    assert working_days_between(date(2026, 8, 14), date(2026, 8, 18)) == 1


def test_lebaran_week_with_cuti_bersama_is_skipped() -> None:
    # Nyepi and Idulfitri 2026 close offices from Rabu 18 to Selasa 24 Maret.
    assert working_days_between(date(2026, 3, 17), date(2026, 3, 25)) == 1


def test_new_year_across_the_year_boundary() -> None:
    # Rabu 31 Desember 2025 → Jumat 2 Januari 2026; 1 Januari is a holiday.
    assert working_days_between(date(2025, 12, 31), date(2026, 1, 2)) == 1


def test_datetimes_count_by_their_calendar_day() -> None:
    submitted = datetime(2026, 7, 3, 23, 30)
    assert working_days_between(submitted, datetime(2026, 7, 6, 8, 0)) == 1


def test_end_before_start_counts_backwards() -> None:
    assert working_days_between(date(2026, 7, 7), date(2026, 7, 6)) == -1


def test_year_without_published_decree_falls_back_to_weekends_only() -> None:
    # lokal-id has no SKB for 2025, so Kamis 25 Desember 2025 (Natal) counts as a working day.
    assert is_working_day(date(2025, 12, 25))
    assert working_days_between(date(2025, 12, 24), date(2025, 12, 26)) == 2
    assert not is_working_day(date(2025, 12, 27))  # Sabtu is still off


def test_add_working_days_skips_holidays_and_cuti_bersama() -> None:
    # Rabu 23 Desember 2026 + 1: Kamis 24 (cuti bersama), Jumat 25 (Natal), weekend → Senin 28.
    assert add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)


def test_add_zero_working_days_is_the_same_day() -> None:
    assert add_working_days(date(2026, 7, 4), 0) == date(2026, 7, 4)


def test_add_working_days_refuses_negative_days() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 7, 6), -1)


@given(
    start=st.dates(min_value=date(2025, 11, 1), max_value=date(2028, 2, 1)),
    days=st.integers(min_value=0, max_value=60),
)
def test_adding_then_measuring_gives_back_the_same_number(start: date, days: int) -> None:
    due = add_working_days(start, days)
    assert working_days_between(start, due) == days
    if days:
        assert is_working_day(due)
        assert working_days_between(start, due - timedelta(days=1)) == days - 1
