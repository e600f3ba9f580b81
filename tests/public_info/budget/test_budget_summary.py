"""The infographic's figures equal a hand computation, and amounts are whole rupiah."""

from __future__ import annotations

import pytest

from plugins.public_info.budget.lines import parse_amount
from plugins.public_info.budget.summary import rupiah, summarise

LINES = [
    {"group": "4.2.1", "budget": 1_012_345_000, "realised": 1_012_345_000},
    {"group": "4.2.3", "budget": 412_000_000, "realised": 309_000_000},
    {"group": "4.1", "budget": 25_000_000, "realised": 27_500_000},
    {"group": "1", "budget": 480_000_000, "realised": 455_250_000},
    {"group": "2", "budget": 750_000_000, "realised": 512_300_000},
    {"group": "2", "budget": 120_000_000, "realised": 120_000_000},
    {"group": "3", "budget": 60_000_000, "realised": 0},
    {"group": "6.1", "budget": 40_000_000, "realised": 40_000_000},
    {"group": "6.2", "budget": 50_000_000, "realised": 50_000_000},
]


def test_totals_surplus_financing_and_silpa_by_hand() -> None:
    summary = summarise(LINES)
    # Income: 1.012.345.000 + 412.000.000 + 25.000.000 = 1.449.345.000 budgeted;
    # realised 1.012.345.000 + 309.000.000 + 27.500.000 = 1.348.845.000.
    assert (summary.total_income.budget, summary.total_income.realised) == (
        1_449_345_000,
        1_348_845_000,
    )
    # Spending: 480 + 750 + 120 + 60 = 1.410 juta; realised 455,25 + 512,3 + 120 + 0 = 1.087,55.
    assert (summary.total_spending.budget, summary.total_spending.realised) == (
        1_410_000_000,
        1_087_550_000,
    )
    assert summary.surplus == (39_345_000, 261_295_000)
    assert summary.net_financing == (-10_000_000, -10_000_000)
    assert summary.silpa == (29_345_000, 251_295_000)


def test_spending_by_field_adds_lines_of_one_field() -> None:
    by_key = {f.key: f for f in summarise(LINES).spending}
    assert by_key["2"].budget == 870_000_000 and by_key["2"].realised == 632_300_000
    assert by_key["4"].budget == 0 and by_key["4"].percent is None


def test_a_realisation_share_is_rounded_down() -> None:
    by_key = {f.key: f for f in summarise(LINES).income}
    assert by_key["4.2.3"].percent == 75
    assert by_key["4.1"].percent == 110
    spending = {f.key: f for f in summarise(LINES).spending}
    # 632.300.000 / 870.000.000 = 72,68…%: shown as 72%.
    assert spending["2"].percent == 72


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("1.250.000", 1_250_000), ("1250000", 1_250_000), ("Rp 500.000", 500_000), ("", 0),
     (1_000, 1_000), (2500.0, 2500)],
)  # fmt: skip
def test_whole_rupiah_are_read(typed: object, amount: int) -> None:
    assert parse_amount(typed) == amount


@pytest.mark.parametrize("typed", ["1.250,50", "-5000", "12,5", "satu juta", 1.5, True, "1.25.000"])
def test_anything_but_whole_rupiah_is_refused(typed: object) -> None:
    assert parse_amount(typed) is None


def test_rupiah_are_written_the_indonesian_way() -> None:
    assert rupiah(1_449_345_000) == "Rp1.449.345.000"
    assert rupiah(-10_000_000) == "-Rp10.000.000"
