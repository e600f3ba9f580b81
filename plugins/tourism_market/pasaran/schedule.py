"""A market's schedule: a set of wetons ("Minggu Legi dan Minggu Pahing"), and its next dates.

The schedule is kept as text a manager types and reads, in Indonesian or Javanese weekday names;
`parse_schedule` turns it into wetons and refuses what it cannot read, naming the word. Special
editions (a market on a holiday) and cancellations are market days the manager records; they are
applied on top of the rule by `next_market_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.i18n import _
from plugins.tourism_market.pasaran.weton import (
    PASARAN,
    WEEKDAYS_ID,
    WEEKDAYS_JV,
    WETONAN_DAYS,
    Weton,
)


class ScheduleError(ValueError):
    """The schedule text cannot be read; the message is shown beside the field."""


_WEEKDAY_WORDS = {
    **{name.lower(): index for index, name in enumerate(WEEKDAYS_ID)},
    **{name.lower(): index for index, name in enumerate(WEEKDAYS_JV)},
    "ahad": 6,
    "jum'at": 4,
    "jemuah": 4,
    "slasa": 1,
}
_PASARAN_WORDS = {name.lower(): index for index, name in enumerate(PASARAN)}
_PASARAN_WORDS["paing"] = 1
_SEPARATORS = re.compile(r"\s*(?:,|;|\bdan\b|\blan\b|\band\b|&)\s*", re.IGNORECASE)


def parse_schedule(text: str) -> tuple[Weton, ...]:
    """The wetons named in `text`, sorted and without repeats; at least one is required."""
    parts = [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]
    if not parts:
        raise ScheduleError(_("Jadwal wajib diisi, misalnya 'Minggu Legi dan Minggu Pahing'."))
    wetons: set[Weton] = set()
    for part in parts:
        words = part.lower().split()
        if len(words) != 2:
            raise ScheduleError(
                _("'{part}' bukan hari dan pasaran, misalnya 'Minggu Legi'.").format(part=part)
            )
        weekday, pasaran = _WEEKDAY_WORDS.get(words[0]), _PASARAN_WORDS.get(words[1])
        if weekday is None:
            raise ScheduleError(_("'{word}' bukan nama hari.").format(word=words[0]))
        if pasaran is None:
            raise ScheduleError(
                _("'{word}' bukan nama pasaran (Legi, Pahing, Pon, Wage, Kliwon).").format(
                    word=words[1]
                )
            )
        wetons.add(Weton(weekday, pasaran))
    return tuple(sorted(wetons))


def schedule_text(wetons: Iterable[Weton]) -> str:
    """The canonical Indonesian text of a schedule: "Minggu Legi dan Minggu Pahing"."""
    names = [weton.indonesian for weton in sorted(wetons)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def scheduled_dates(wetons: Iterable[Weton], start: date, end: date) -> list[date]:
    """Every date from `start` to `end` (both included) whose weton is in the schedule."""
    wanted = set(wetons)
    first_cycle = [start + timedelta(days=n) for n in range(WETONAN_DAYS)]
    anchors = [day for day in first_cycle if Weton.of(day) in wanted]
    dates: list[date] = []
    for anchor in anchors:
        day = anchor
        while day <= end:
            dates.append(day)
            day += timedelta(days=WETONAN_DAYS)
    return sorted(dates)


@dataclass(frozen=True)
class MarketDate:
    """One coming market date: by the rule, or a special edition; `cancelled` keeps the note."""

    day: date
    special: bool = False
    cancelled: bool = False
    note: str = ""

    @property
    def weton(self) -> Weton:
        return Weton.of(self.day)


def next_market_dates(
    wetons: Iterable[Weton],
    start: date,
    end: date,
    *,
    specials: dict[date, str] | None = None,
    cancellations: dict[date, str] | None = None,
) -> list[MarketDate]:
    """The market dates from `start` to `end`: the rule's, plus special editions, with each
    cancelled date kept and marked so visitors see why there is no market that Sunday."""
    specials = {day: note for day, note in (specials or {}).items() if start <= day <= end}
    cancellations = cancellations or {}
    by_rule = set(scheduled_dates(wetons, start, end))
    dates = []
    for day in sorted(by_rule | set(specials)):
        if day in cancellations:
            dates.append(MarketDate(day, day not in by_rule, True, cancellations[day]))
        else:
            dates.append(MarketDate(day, day not in by_rule, False, specials.get(day, "")))
    return dates
