"""N/T on the KMS: the minimum gain for the month of age, O after a missed month, 2T."""

from __future__ import annotations

import datetime as dt

from plugins.health.growth.kms import (
    FIRST,
    GAINED,
    MISSED_LAST,
    NOT_GAINED,
    Weighing,
    age_months,
    minimum_gain_g,
    statuses,
    two_t,
)

BORN = dt.date(2025, 1, 10)


def _w(month: int, grams: int, z: int | None = None) -> Weighing:
    year, index = divmod(month - 1, 12)
    return Weighing(dt.date(2025 + year, index + 1, 15), grams, z)


def test_minimum_gain_follows_the_kia_book() -> None:
    assert [minimum_gain_g(m) for m in range(1, 14)] == [
        800, 900, 800, 600, 500, 400, 400, 300, 300, 300, 200, 200, 200,
    ]  # fmt: skip


def test_age_in_completed_months() -> None:
    assert age_months(BORN, dt.date(2025, 2, 9)) == 0
    assert age_months(BORN, dt.date(2025, 2, 10)) == 1


def test_first_weighing_is_new_then_gain_at_least_the_minimum_is_n() -> None:
    # second month of age (February 15: 1 month old) needs 800 g; March 15 (2 months) 900 g
    assert statuses(BORN, [_w(2, 4000), _w(3, 4900)]) == [FIRST, GAINED]
    assert statuses(BORN, [_w(2, 4000), _w(3, 4899)]) == [FIRST, NOT_GAINED]


def test_a_gain_that_keeps_to_the_curve_is_n() -> None:
    assert statuses(BORN, [_w(2, 4000, -500), _w(3, 4500, -400)]) == [FIRST, GAINED]
    assert statuses(BORN, [_w(2, 4000, -500), _w(3, 4500, -600)]) == [FIRST, NOT_GAINED]


def test_no_gain_is_t_even_on_the_curve() -> None:
    assert statuses(BORN, [_w(2, 4000, -500), _w(3, 4000, -500)])[-1] == NOT_GAINED


def test_a_missed_month_cannot_be_judged() -> None:
    assert statuses(BORN, [_w(2, 4000), _w(4, 6000)]) == [FIRST, MISSED_LAST]


def test_two_t_in_a_row_is_2t() -> None:
    sequence = statuses(BORN, [_w(13, 9000), _w(14, 9100), _w(15, 9150)])
    assert sequence == [FIRST, NOT_GAINED, NOT_GAINED]
    assert two_t(sequence)


def test_t_then_n_is_not_2t() -> None:
    sequence = statuses(BORN, [_w(13, 9000), _w(14, 9100), _w(15, 9300), _w(16, 9350)])
    assert sequence == [FIRST, NOT_GAINED, GAINED, NOT_GAINED]
    assert not two_t(sequence)


def test_t_across_a_missed_month_is_not_2t() -> None:
    sequence = statuses(BORN, [_w(13, 9000), _w(14, 9100), _w(16, 9150), _w(17, 9200)])
    assert sequence == [FIRST, NOT_GAINED, MISSED_LAST, NOT_GAINED]
    assert not two_t(sequence)
