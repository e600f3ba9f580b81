"""The pasaran of a date, against the dates shared/DOMAIN.md knows, and the 35-day wetonan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from plugins.tourism_market.pasaran.weton import PASARAN, Weton, long_date, pasaran_index

KNOWN = [
    (date(1945, 8, 17), "Jumat Legi", "Jemuwah Legi"),
    (date(2020, 11, 1), "Minggu Legi", "Ngahad Legi"),
    (date(2021, 1, 1), "Jumat Pahing", "Jemuwah Pahing"),
    (date(2021, 10, 17), "Minggu Legi", "Ngahad Legi"),
    (date(2026, 12, 6), "Minggu Pahing", "Ngahad Pahing"),
]


@pytest.mark.parametrize(("day", "indonesian", "javanese"), KNOWN)
def test_known_dates_have_their_weton(day: date, indonesian: str, javanese: str) -> None:
    assert Weton.of(day).indonesian == indonesian
    assert Weton.of(day).javanese == javanese


def test_the_pasaran_advances_one_step_a_day_from_1900_to_2100() -> None:
    day, end = date(1900, 1, 1), date(2100, 12, 31)
    previous = pasaran_index(day)
    while day < end:
        day += timedelta(days=1)
        current = pasaran_index(day)
        assert current == (previous + 1) % len(PASARAN)
        previous = current


def test_the_weton_repeats_every_35_days_and_not_sooner() -> None:
    start = date(1945, 8, 17)
    assert Weton.of(start + timedelta(days=35 * 1000)) == Weton.of(start)
    assert all(Weton.of(start + timedelta(days=n)) != Weton.of(start) for n in range(1, 35))


def test_every_known_date_agrees_with_every_other_by_counting_days() -> None:
    anchor = KNOWN[0][0]
    for day, indonesian, _ in KNOWN:
        pasaran = PASARAN[(day - anchor).days % 5]
        assert indonesian.endswith(pasaran)


def test_a_market_date_is_announced_with_weton_and_indonesian_month() -> None:
    assert long_date(date(2026, 12, 6)) == "Minggu Pahing, 6 Desember 2026"
