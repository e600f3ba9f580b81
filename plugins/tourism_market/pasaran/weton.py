"""The weton of a date: its weekday and its pasaran, the five-day Javanese market week.

The pasaran advances one step a day (Legi, Pahing, Pon, Wage, Kliwon, Legi, …), so with the
weekday it repeats every 35 days (wetonan). Python's proleptic ordinal puts day 0 on a Legi —
17 August 1945, a Jumat Legi, has an ordinal divisible by five — so no table of anchors is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.i18n import N_

PASARAN = ("Legi", "Pahing", "Pon", "Wage", "Kliwon")
"""In order; the same words in Indonesian and Javanese."""

WEEKDAYS_ID = (
    N_("Senin"),
    N_("Selasa"),
    N_("Rabu"),
    N_("Kamis"),
    N_("Jumat"),
    N_("Sabtu"),
    N_("Minggu"),
)
"""Indonesian weekday names, Monday first like `date.weekday()`."""

WEEKDAYS_JV = ("Senen", "Selasa", "Rebo", "Kemis", "Jemuwah", "Setu", "Ngahad")
"""Javanese (ngoko) weekday names, Monday first."""

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

WETONAN_DAYS = 35


def pasaran_index(day: date) -> int:
    """0 for Legi … 4 for Kliwon."""
    return day.toordinal() % len(PASARAN)


@dataclass(frozen=True, order=True)
class Weton:
    """A weekday (0 = Senin … 6 = Minggu) and a pasaran (0 = Legi … 4 = Kliwon)."""

    weekday: int
    pasaran: int

    @classmethod
    def of(cls, day: date) -> Weton:
        return cls(day.weekday(), pasaran_index(day))

    @property
    def indonesian(self) -> str:
        """ "Minggu Legi"."""
        return f"{WEEKDAYS_ID[self.weekday]} {PASARAN[self.pasaran]}"

    @property
    def javanese(self) -> str:
        """ "Ngahad Legi"."""
        return f"{WEEKDAYS_JV[self.weekday]} {PASARAN[self.pasaran]}"


def long_date(day: date) -> str:
    """ "Minggu Legi, 6 Desember 2026": the way a market day is announced."""
    return f"{Weton.of(day).indonesian}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"
