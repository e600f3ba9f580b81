"""A schedule typed as wetons, and the market dates it gives, with specials and cancellations."""

from __future__ import annotations

from datetime import date

import pytest

from plugins.tourism_market.pasaran.schedule import (
    ScheduleError,
    next_market_dates,
    parse_schedule,
    schedule_text,
    scheduled_dates,
)
from plugins.tourism_market.pasaran.weton import Weton

BAHULAK = parse_schedule("Minggu Legi dan Minggu Pahing")


def test_indonesian_and_javanese_schedules_read_the_same() -> None:
    assert parse_schedule("Ngahad Legi lan Ngahad Paing") == BAHULAK
    assert parse_schedule("minggu pahing, MINGGU LEGI") == BAHULAK
    assert schedule_text(BAHULAK) == "Minggu Legi dan Minggu Pahing"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Jadwal wajib diisi"),
        ("Minggu", "'Minggu' bukan hari dan pasaran"),
        ("Minggo Legi", "'minggo' bukan nama hari"),
        ("Minggu Senin", "'senin' bukan nama pasaran"),
    ],
)
def test_an_unreadable_schedule_names_the_word(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(text)


def test_bahulak_opens_twice_in_every_wetonan_on_its_known_days() -> None:
    dates = scheduled_dates(BAHULAK, date(2020, 11, 1), date(2026, 12, 31))
    assert date(2020, 11, 1) in dates and date(2021, 10, 17) in dates
    assert date(2026, 12, 6) in dates
    assert all(Weton.of(day) in BAHULAK and day.weekday() == 6 for day in dates)
    for start in range(0, len(dates) - 2, 2):
        assert (dates[start + 2] - dates[start]).days == 35


def test_specials_are_added_and_cancellations_kept_with_their_note() -> None:
    dates = next_market_dates(
        BAHULAK,
        date(2026, 12, 1),
        date(2027, 2, 28),
        specials={date(2026, 12, 25): "Edisi Natal", date(2027, 6, 1): "di luar rentang"},
        cancellations={date(2026, 12, 6): "Banjir"},
    )
    by_day = {item.day: item for item in dates}
    assert by_day[date(2026, 12, 6)].cancelled and by_day[date(2026, 12, 6)].note == "Banjir"
    assert by_day[date(2026, 12, 25)].special and by_day[date(2026, 12, 25)].note == "Edisi Natal"
    assert date(2027, 6, 1) not in by_day
    assert [item.day for item in dates] == sorted(by_day)
    regular = [item for item in dates if not item.special]
    assert len(regular) == len(scheduled_dates(BAHULAK, date(2026, 12, 1), date(2027, 2, 28)))
