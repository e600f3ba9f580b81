"""NIK and KK numbers that are unique across a regency and valid by structure.

Both numbers are ``district code (6) + date DDMMYY + serial (4)``. The serial counts up per district
and date (per sex, too, for a NIK: women's day has 40 added, so their numbers never meet men's).
Counters live in fixed arrays indexed by day, so memory does not grow with the number of residents.

When a district has issued serial 9999 for a date, the next number is taken from the next district
of the same regency (wrapping around). That is what the register shows for people who first
registered elsewhere: a NIK keeps the district it was issued in. Only when every district of the
regency is full for that date does issuing fail.
"""

from __future__ import annotations

from array import array
from datetime import date
from functools import cache

MAX_SERIAL = 9999
MAX_AGE_YEARS = 99
"""A NIK has a two-digit year, so birth dates must span less than a century to stay distinct."""
KK_HISTORY_YEARS = 30
"""How far back a family card may have been issued."""


class SerialsExhausted(RuntimeError):
    """Every district of the regency has issued serial 9999 for one date."""


@cache
def _ddmmyy(ordinal: int) -> tuple[str, str]:
    """Men's and women's DDMMYY for a date (women: day + 40)."""
    d = date.fromordinal(ordinal)
    month_year = f"{d.month:02d}{d.year % 100:02d}"
    return f"{d.day:02d}{month_year}", f"{d.day + 40:02d}{month_year}"


class _SerialBook:
    """Serial counters per (district, day, slot) for days in ``[first, last]``."""

    def __init__(
        self, districts: list[str], first: int, last: int, slots: int, first_serial: int
    ) -> None:
        self._districts = districts
        self._base = first_serial
        self._first = first
        self._last = last
        self._slots = slots
        self._stride = (last - first + 1) * slots
        self._used = array("H", [0]) * (self._stride * len(districts))
        self.borrowed = 0
        """How many numbers carry a neighbouring district's code because the own one was full."""

    def take(self, district: int, ordinal: int, slot: int) -> tuple[str, int]:
        """The district code and serial for the next number of that day."""
        if not self._first <= ordinal <= self._last:
            raise ValueError(f"date {date.fromordinal(ordinal)} is outside the numbering range")
        offset = (ordinal - self._first) * self._slots + slot
        count = len(self._districts)
        for step in range(count):
            index = ((district + step) % count) * self._stride + offset
            serial = self._used[index] + 1
            if self._base + serial <= MAX_SERIAL:
                self._used[index] = serial
                if step:
                    self.borrowed += 1
                return self._districts[(district + step) % count], self._base + serial
        raise SerialsExhausted(
            f"all {count} districts have issued serial {MAX_SERIAL} for "
            f"{date.fromordinal(ordinal)}; generate fewer residents or a larger regency"
        )


class IdentityIssuer:
    """Issues NIKs and KK numbers for one regency.

    ``districts`` are the regency's district codes (``35.10.01``); callers refer to a district by
    its index in that list. ``as_of`` is the last possible birth and issue date. Serials start
    after ``first_serial``: villages of one district generated apart (the demo's) are given
    separate blocks, so they never issue the same number.
    """

    def __init__(self, districts: list[str], as_of: date, first_serial: int = 0) -> None:
        plain = [code.replace(".", "") for code in districts]
        last = as_of.toordinal()
        earliest_birth = date(as_of.year - MAX_AGE_YEARS, 1, 1).toordinal()
        earliest_issue = date(as_of.year - KK_HISTORY_YEARS, 1, 1).toordinal()
        self.earliest_birth = earliest_birth
        self.nik_book = _SerialBook(plain, earliest_birth, last, slots=2, first_serial=first_serial)
        self.kk_book = _SerialBook(plain, earliest_issue, last, slots=1, first_serial=first_serial)

    def nik(self, district: int, birth: int, female: bool) -> str:
        code, serial = self.nik_book.take(district, birth, int(female))
        return f"{code}{_ddmmyy(birth)[female]}{serial:04d}"

    def kk(self, district: int, issued: int) -> str:
        code, serial = self.kk_book.take(district, issued, 0)
        return f"{code}{_ddmmyy(issued)[0]}{serial:04d}"
