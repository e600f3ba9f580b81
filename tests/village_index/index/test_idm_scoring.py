"""The index computed as the ministry computes it, checked against hand computations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plugins.village_index.index.editions import (
    EditionError,
    edition,
    edition_for_year,
    editions,
    parse_edition,
)
from plugins.village_index.index.scoring import from_units, score, status_of, to_units

IDM = edition("idm2016")
ID2024 = edition("id2024")
assert IDM is not None and ID2024 is not None


def answers_summing(dimension: str, total: int) -> dict[str, int]:
    """Scores for a dimension's indicators that add up to `total` (5s first, then the rest)."""
    found = IDM.dimension(dimension)
    assert found is not None
    result = {}
    for indicator in found.indicators:
        result[indicator.code] = min(5, total)
        total -= result[indicator.code]
    assert total == 0
    return result


def test_idm_has_its_three_indices_with_their_indicator_counts() -> None:
    counts = {d.code: len(d.indicators) for d in IDM.dimensions}
    assert counts == {"IKS": 35, "IKE": 12, "IKL": 3}


def test_indeks_desa_2024_has_six_dimensions() -> None:
    assert [d.name for d in ID2024.dimensions] == [
        "Layanan Dasar",
        "Sosial",
        "Ekonomi",
        "Lingkungan",
        "Aksesibilitas",
        "Tata Kelola Pemerintahan Desa",
    ]


def test_the_edition_in_force_follows_the_year() -> None:
    assert edition_for_year(2015) is None
    assert edition_for_year(2016) is IDM
    assert edition_for_year(2023) is IDM
    assert edition_for_year(2024) is ID2024
    assert edition_for_year(2031) is ID2024
    assert [e.key for e in editions()] == ["idm2016", "id2024"]


def test_idm_equals_the_hand_computation() -> None:
    # IKS = 132/175 = 0.754285…, IKE = 40/60 = 0.666…, IKL = 12/15 = 0.8
    # IDM = (132/175 + 2/3 + 4/5) / 3 = 0.740317… → 0.7403, Maju.
    answers = {
        **answers_summing("iks", 132),
        **answers_summing("ike", 40),
        **answers_summing("ikl", 12),
    }
    result = score(IDM, answers)
    assert result.dimensions == {
        "iks": Decimal("0.7543"),
        "ike": Decimal("0.6667"),
        "ikl": Decimal("0.8000"),
    }
    assert result.composite == Decimal("0.7403")
    assert result.status is not None and result.status.label == "Maju"
    assert result.missing == ()


def test_rounding_is_half_up_on_the_exact_value() -> None:
    # IKS 175/175 = 1, IKE 60/60 = 1, IKL 7/15: IDM = (2 + 7/15) / 3 = 37/45 = 0.82222… → 0.8222
    # IKL 7/15 = 0.46666… → 0.4667 (half up of an exact value, no float in between).
    answers = {
        **answers_summing("iks", 175),
        **answers_summing("ike", 60),
        **answers_summing("ikl", 7),
    }
    result = score(IDM, answers)
    assert result.dimensions["ikl"] == Decimal("0.4667")
    assert result.composite == Decimal("0.8222")
    assert result.status is not None and result.status.key == "mandiri"


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        ("0.0000", "sangat_tertinggal"),
        ("0.4907", "sangat_tertinggal"),
        ("0.4908", "tertinggal"),
        ("0.5989", "tertinggal"),
        ("0.5990", "berkembang"),
        ("0.7072", "berkembang"),
        ("0.7073", "maju"),
        ("0.8155", "maju"),
        ("0.8156", "mandiri"),
        ("1.0000", "mandiri"),
    ],
)
def test_idm_status_at_each_threshold(figure: str, status: str) -> None:
    assert status_of(IDM, Decimal(figure)).key == status


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        ("40.00", "sangat_tertinggal"),
        ("40.01", "tertinggal"),
        ("85.00", "maju"),
        ("85.01", "mandiri"),
    ],
)
def test_indeks_desa_status_at_its_thresholds(figure: str, status: str) -> None:
    assert status_of(ID2024, Decimal(figure)).key == status


def test_a_partial_survey_has_dimension_indices_but_no_composite() -> None:
    answers = answers_summing("ikl", 15)
    answers["IKS01"] = 1
    result = score(IDM, answers)
    assert result.dimensions == {"ikl": Decimal("1.0000")}
    assert result.composite is None and result.status is None
    assert len(result.missing) == 35 + 12 - 1


def test_the_weakest_indicators_are_those_scored_low_lowest_first() -> None:
    answers = {i.code: 5 for i in IDM.indicators}
    answers.update({"IKE07": 2, "IKS04": 1, "IKL03": 1})
    weakest = [(i.code, s) for i, s in score(IDM, answers).weakest]
    assert weakest == [("IKL03", 1), ("IKS04", 1), ("IKE07", 2)]


def test_indeks_desa_2024_is_the_weighted_mean_on_a_scale_of_100() -> None:
    answers = {i.code: 5 for i in ID2024.indicators}
    answers["LD01"] = 0  # Layanan Dasar: 20/25 = 0.8; others 1 → (0.8 + 5) / 6 = 96.666… → 96.67
    result = score(ID2024, answers)
    assert result.dimensions["layanan_dasar"] == Decimal("80.00")
    assert result.composite == Decimal("96.67")


def test_units_hold_a_figure_exactly() -> None:
    assert to_units(IDM, Decimal("0.7403")) == 7403
    assert from_units(IDM, 7403) == Decimal("0.7403")
    assert to_units(ID2024, Decimal("96.67")) == 9667


def test_an_edition_with_falling_bounds_is_refused() -> None:
    raw = {
        "key": "x",
        "title": "x",
        "decree": "x",
        "first_year": 2030,
        "last_year": None,
        "score_min": 0,
        "score_max": 5,
        "weak_at_most": 2,
        "scale": "1",
        "digits": 4,
        "score_label": "x",
        "score_columns": [],
        "status_columns": [],
        "statuses": [
            {"key": k, "label": k, "upper": u}
            for k, u in [
                ("sangat_tertinggal", "0.5"),
                ("tertinggal", "0.4"),
                ("berkembang", "0.6"),
                ("maju", "0.7"),
                ("mandiri", None),
            ]
        ],
        "dimensions": [
            {
                "key": "a",
                "code": "A",
                "name": "A",
                "weight": "1",
                "columns": [],
                "groups": [{"name": "g", "indicators": [["A1", "a"]]}],
            }
        ],
    }
    with pytest.raises(EditionError, match="rise strictly"):
        parse_edition(raw, "x.json")


def hand_idm(iks: int, ike: int, ikl: int) -> Decimal:
    """IDM by hand in integers: ten-thousandths of (iks/175 + ike/60 + ikl/15) / 3, half up."""
    numerator = 10000 * (iks * 12 + ike * 35 + ikl * 140)  # over 175 · 12 = 2100
    denominator = 2100 * 3
    whole, rest = divmod(numerator, denominator)
    return Decimal(whole + (2 * rest >= denominator)) / 10000


def test_the_surveys_nearest_each_bound_on_either_side_take_the_right_status() -> None:
    # Not every bound can be hit exactly with whole scores (0.4907 cannot), so take the
    # reachable IDM nearest each bound from below (or on it) and from above.
    reachable: dict[Decimal, tuple[int, int, int]] = {}
    for iks in range(176):
        for ike in range(61):
            for ikl in range(16):
                reachable.setdefault(hand_idm(iks, ike, ikl), (iks, ike, ikl))
    for lower, upper in zip(IDM.statuses, IDM.statuses[1:], strict=False):
        bound = lower.upper
        assert bound is not None
        below = max(f for f in reachable if f <= bound)
        above = min(f for f in reachable if f > bound)
        for figure, status in ((below, lower), (above, upper)):
            iks, ike, ikl = reachable[figure]
            answers = {
                **answers_summing("iks", iks),
                **answers_summing("ike", ike),
                **answers_summing("ikl", ikl),
            }
            result = score(IDM, answers)
            assert (result.composite, result.status) == (figure, status)
