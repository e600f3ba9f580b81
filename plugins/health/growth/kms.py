"""Weight-gain status on the KMS (the growth card of the KIA book): N, T, O or B.

N (naik) when the child gained at least the minimum gain (KBM) for its age in months, or gained
and stayed on its curve (its weight-for-age z-score did not fall); T (tidak naik) otherwise.
Only a weighing one calendar month after the last one can be judged: a child not weighed last
month is O, a first weighing is B. Two T in consecutive months (2T) is a reason to refer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.i18n import N_

GAINED, NOT_GAINED, MISSED_LAST, FIRST = "N", "T", "O", "B"
LABELS = {
    GAINED: N_("Naik"),
    NOT_GAINED: N_("Tidak naik"),
    MISSED_LAST: N_("Bulan lalu tidak ditimbang"),
    FIRST: N_("Baru pertama kali ditimbang"),
}
MINIMUM_GAIN_G = (800, 900, 800, 600, 500, 400, 400, 300, 300, 300, 200, 200)
"""KBM of the KIA book for the 1st to the 12th month of age; 200 g from then on."""
LATER_MINIMUM_GAIN_G = 200


@dataclass(frozen=True, slots=True)
class Weighing:
    """One weighing as the card sees it."""

    measured_on: dt.date
    weight_g: int
    wfa_milli: int | None = None


def minimum_gain_g(age_months: int) -> int:
    """KBM for the month of age the child is in at this weighing (1 = its first month)."""
    if age_months < 1:
        return MINIMUM_GAIN_G[0]
    if age_months <= len(MINIMUM_GAIN_G):
        return MINIMUM_GAIN_G[age_months - 1]
    return LATER_MINIMUM_GAIN_G


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def age_months(birth_date: dt.date, day: dt.date) -> int:
    """Completed months of age."""
    months = months_between(birth_date, day)
    return months - 1 if day.day < birth_date.day else months


def gain_status(birth_date: dt.date, previous: Weighing | None, current: Weighing) -> str:
    if previous is None:
        return FIRST
    if months_between(previous.measured_on, current.measured_on) != 1:
        return MISSED_LAST
    gain = current.weight_g - previous.weight_g
    if gain >= minimum_gain_g(age_months(birth_date, current.measured_on)):
        return GAINED
    on_curve = (
        current.wfa_milli is not None
        and previous.wfa_milli is not None
        and current.wfa_milli >= previous.wfa_milli
    )
    return GAINED if gain > 0 and on_curve else NOT_GAINED


def statuses(birth_date: dt.date, weighings: list[Weighing]) -> list[str]:
    """The status of each weighing of a sequence, oldest first."""
    ordered = sorted(weighings, key=lambda w: w.measured_on)
    return [
        gain_status(birth_date, ordered[i - 1] if i else None, weighing)
        for i, weighing in enumerate(ordered)
    ]


def two_t(statuses_oldest_first: list[str]) -> bool:
    """The last two weighings were both T (they are consecutive months, or they would be O)."""
    return statuses_oldest_first[-2:] == [NOT_GAINED, NOT_GAINED]
