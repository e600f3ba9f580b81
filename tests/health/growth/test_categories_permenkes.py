"""Permenkes 2/2020's categories at each cut-off, on z-scores in thousandths as stored."""

from __future__ import annotations

import pytest

from plugins.health.growth import categories as c


@pytest.mark.parametrize(
    ("z", "expected"),
    [
        (-3001, c.SEVERELY_UNDERWEIGHT),
        (-3000, c.UNDERWEIGHT),
        (-2001, c.UNDERWEIGHT),
        (-2000, c.NORMAL_WEIGHT),
        (1000, c.NORMAL_WEIGHT),
        (1001, c.RISK_OF_OVERWEIGHT),
    ],
)
def test_weight_for_age_cut_offs(z: int, expected: str) -> None:
    assert c.weight_for_age(z) == expected


@pytest.mark.parametrize(
    ("z", "expected"),
    [
        (-3001, c.SEVERELY_STUNTED),
        (-3000, c.STUNTED),
        (-2001, c.STUNTED),
        (-2000, c.NORMAL_HEIGHT),
        (3000, c.NORMAL_HEIGHT),
        (3001, c.TALL),
    ],
)
def test_length_for_age_cut_offs(z: int, expected: str) -> None:
    assert c.length_for_age(z) == expected


@pytest.mark.parametrize(
    ("z", "expected"),
    [
        (-3001, c.SEVERELY_WASTED),
        (-3000, c.WASTED),
        (-2001, c.WASTED),
        (-2000, c.NORMAL_NUTRITION),
        (1000, c.NORMAL_NUTRITION),
        (1001, c.POSSIBLE_RISK_OF_OVERWEIGHT),
        (2000, c.POSSIBLE_RISK_OF_OVERWEIGHT),
        (2001, c.OVERWEIGHT),
        (3000, c.OVERWEIGHT),
        (3001, c.OBESE),
    ],
)
def test_weight_for_length_and_bmi_cut_offs(z: int, expected: str) -> None:
    assert c.weight_for_length(z) == expected


def test_oedema_is_severe_wasting_whatever_the_weight() -> None:
    assert c.weight_for_length(None, oedema=True) == c.SEVERELY_WASTED
    assert c.status(None, 0, None, oedema=True).wasted


def test_no_z_score_no_category() -> None:
    assert (c.weight_for_age(None), c.length_for_age(None), c.weight_for_length(None)) == (
        None,
        None,
        None,
    )


def test_status_flags_follow_the_cut_offs() -> None:
    assert c.status(-2001, -2001, -2001) == c.Status(True, True, True, False)
    assert c.status(-2000, -2000, 2001) == c.Status(False, False, False, True)


def test_z_scores_are_stored_in_whole_thousandths() -> None:
    assert c.milli(-2.0004) == -2000
    assert c.milli(-2.0006) == -2001
    assert c.milli(None) is None
