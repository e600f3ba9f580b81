"""z-scores equal WHO's: the expected values come from the WHO 2006 tables' L, M, S parameters
(written here as WHO publishes them) through WHO's own formula, including the restricted
extrapolation beyond ±3 SD; and the lying/standing correction is applied where WHO applies it."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from plugins.health.growth.zscores import Measure, corrected_length_mm, zscores

BORN = dt.date(2020, 1, 1)


def who_z(value: float, lms: tuple[float, float, float]) -> float:
    """WHO Child Growth Standards, chapter 7: the LMS z-score, and beyond ±3 SD the distance in
    units of the 2-to-3 SD band."""
    power, median, spread = lms

    def at(sd: float) -> float:
        return median * (1 + power * spread * sd) ** (1 / power)

    z = ((value / median) ** power - 1) / (power * spread)
    if z > 3:
        return 3 + (value - at(3)) / (at(3) - at(2))
    if z < -3:
        return -3 + (value - at(-3)) / (at(-2) - at(-3))
    return z


# (sex, age in days, weight g, WHO weight-for-age L, M, S)
WEIGHT_FOR_AGE = [
    ("L", 0, 1891, (0.3487, 3.3464, 0.14602)),
    ("L", 0, 2459, (0.3487, 3.3464, 0.14602)),
    ("L", 0, 3346, (0.3487, 3.3464, 0.14602)),
    ("L", 0, 5336, (0.3487, 3.3464, 0.14602)),
    ("L", 365, 6519, (0.0645, 9.646, 0.10925)),
    ("L", 365, 7741, (0.0645, 9.646, 0.10925)),
    ("L", 365, 11983, (0.0645, 9.646, 0.10925)),
    ("L", 1826, 14067, (-0.1506, 18.3352, 0.13517)),
    ("L", 1826, 29711, (-0.1506, 18.3352, 0.13517)),
    ("P", 0, 1852, (0.3809, 3.2322, 0.14171)),
    ("P", 0, 2395, (0.3809, 3.2322, 0.14171)),
    ("P", 0, 4230, (0.3809, 3.2322, 0.14171)),
    ("P", 365, 5889, (-0.2022, 8.9462, 0.12267)),
    ("P", 365, 7041, (-0.2022, 8.9462, 0.12267)),
    ("P", 365, 13917, (-0.2022, 8.9462, 0.12267)),
    ("P", 1826, 13742, (-0.3518, 18.2179, 0.14821)),
    ("P", 1826, 24914, (-0.3518, 18.2179, 0.14821)),
]
# (sex, age in days, length mm as WHO's table expects it, WHO length/height-for-age M, S; L = 1)
LENGTH_FOR_AGE = [
    ("L", 0, 433, (1, 49.8842, 0.03795)),
    ("L", 0, 461, (1, 49.8842, 0.03795)),
    ("L", 0, 537, (1, 49.8842, 0.03795)),
    ("L", 730, 817, (1, 87.8018, 0.03479)),
    ("L", 730, 985, (1, 87.8018, 0.03479)),
    ("L", 731, 810, (1, 87.1303, 0.03508)),
    ("L", 731, 932, (1, 87.1303, 0.03508)),
    ("L", 1826, 1007, (1, 109.9593, 0.04214)),
    ("P", 0, 454, (1, 49.1477, 0.0379)),
    ("P", 730, 800, (1, 86.4008, 0.03733)),
    ("P", 731, 793, (1, 85.7299, 0.03764)),
    ("P", 1826, 999, (1, 109.4189, 0.04346)),
    ("P", 1826, 1261, (1, 109.4189, 0.04346)),
]
# (sex, age in days, length mm, weight g, WHO weight-for-length (<731 d) or -height L, M, S)
WEIGHT_FOR_LENGTH = [
    ("L", 60, 450, 1877, (-0.3521, 2.441, 0.09182)),
    ("L", 60, 450, 2043, (-0.3521, 2.441, 0.09182)),
    ("L", 60, 450, 2951, (-0.3521, 2.441, 0.09182)),
    ("P", 400, 750, 7075, (-0.3833, 9.149, 0.09005)),
    ("P", 400, 750, 7687, (-0.3833, 9.149, 0.09005)),
    ("P", 400, 750, 11026, (-0.3833, 9.149, 0.09005)),
    ("L", 1000, 870, 9637, (-0.3521, 12.1645, 0.0809)),
    ("L", 1000, 870, 10393, (-0.3521, 12.1645, 0.0809)),
    ("L", 1000, 870, 14370, (-0.3521, 12.1645, 0.0809)),
    ("P", 1800, 1200, 17256, (-0.3833, 22.8173, 0.09828)),
    ("P", 1800, 1200, 27991, (-0.3833, 22.8173, 0.09828)),
]


def _measure(sex: str, days: int, weight: int | None, length: int | None) -> Measure:
    position = "L" if days <= 730 else "H"
    return Measure(sex, BORN, BORN + dt.timedelta(days=days), weight, length, position)


@pytest.mark.parametrize(("sex", "days", "grams", "lms"), WEIGHT_FOR_AGE)
def test_weight_for_age_equals_who(sex: str, days: int, grams: int, lms: tuple) -> None:
    z = zscores(_measure(sex, days, grams, None)).wfa
    assert z == pytest.approx(who_z(grams / 1000, lms), abs=5e-4)


@pytest.mark.parametrize(("sex", "days", "mm", "lms"), LENGTH_FOR_AGE)
def test_length_for_age_equals_who(sex: str, days: int, mm: int, lms: tuple) -> None:
    z = zscores(_measure(sex, days, None, mm)).lhfa
    assert z == pytest.approx(who_z(mm / 10, lms), abs=5e-4)


@pytest.mark.parametrize(("sex", "days", "mm", "grams", "lms"), WEIGHT_FOR_LENGTH)
def test_weight_for_length_or_height_equals_who(
    sex: str, days: int, mm: int, grams: int, lms: tuple
) -> None:
    z = zscores(_measure(sex, days, grams, mm)).wflh
    assert z == pytest.approx(who_z(grams / 1000, lms), abs=5e-4)


def test_published_sd_lines_give_whole_z_scores() -> None:
    """WHO's simplified field tables: boys' birth length −2 SD is 46.1 cm, median 49.9 cm."""
    assert zscores(_measure("L", 0, None, 461)).lhfa == pytest.approx(-2.0, abs=0.01)
    assert zscores(_measure("L", 0, None, 499)).lhfa == pytest.approx(0.0, abs=0.01)
    assert zscores(_measure("P", 0, 3200, None)).wfa == pytest.approx(0.0, abs=0.1)


def test_bmi_for_age_equals_who() -> None:
    # boys at 365 days: WHO BMI-for-age L −0.4113, M 16.7992, S 0.08009
    bmi = 9646 / 1000 / (757 / 1000) ** 2
    z = zscores(_measure("L", 365, 9646, 757)).bmi
    assert z == pytest.approx(who_z(bmi, (-0.4113, 16.7992, 0.08009)), abs=5e-4)


def test_standing_under_two_years_is_lengthened_by_seven_millimetres() -> None:
    assert corrected_length_mm(750, "H", 600) == 757
    assert corrected_length_mm(750, "L", 600) == 750


def test_lying_from_two_years_is_shortened_by_seven_millimetres() -> None:
    assert corrected_length_mm(900, "L", 731) == 893
    assert corrected_length_mm(900, "H", 731) == 900


def test_day_730_is_still_measured_lying() -> None:
    assert corrected_length_mm(878, "H", 730) == 885


def test_a_standing_measurement_scores_as_its_corrected_length() -> None:
    standing = zscores(Measure("L", BORN, BORN + dt.timedelta(days=365), 9646, 750, "H"))
    lying = zscores(Measure("L", BORN, BORN + dt.timedelta(days=365), 9646, 757, "L"))
    assert standing == lying
    assert standing.length_mm == 757


def test_weight_for_length_uses_the_length_table_on_day_730() -> None:
    z = zscores(_measure("L", 730, 12164, 870)).wflh
    length_table = who_z(12.164, (-0.3521, 11.9916, 0.08111))
    assert z is not None and math.isclose(z, length_table, abs_tol=5e-4)


def test_no_weight_based_z_score_with_oedema() -> None:
    scores = zscores(Measure("P", BORN, BORN + dt.timedelta(days=400), 8000, 750, "L", True))
    assert (scores.wfa, scores.wflh, scores.bmi) == (None, None, None)
    assert scores.lhfa is not None


def test_no_weight_for_length_outside_whos_table() -> None:
    assert zscores(_measure("L", 30, 1800, 449)).wflh is None
    assert zscores(_measure("L", 1000, 9000, 649)).wflh is None


def test_no_z_score_after_sixty_months() -> None:
    scores = zscores(_measure("L", 1827, 18000, 1100))
    assert (scores.wfa, scores.lhfa, scores.wflh, scores.bmi) == (None, None, None, None)
