"""The figures of the infographic, from a year's lines: plain sums in whole rupiah.

Surplus or deficit is income minus spending; net financing is receipts minus expenditures; what
is left at year end (SiLPA) is their sum. A realisation share is a whole percent, rounded down,
so a page never claims 100% before every rupiah is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from plugins.public_info.budget.groups import (
    FINANCING_IN,
    FINANCING_OUT,
    GROUPS,
    INCOME,
    SPENDING,
)


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    budget: int
    realised: int

    @property
    def percent(self) -> int | None:
        """Realised as a whole percent of the budget (rounded down); none without a budget."""
        return self.realised * 100 // self.budget if self.budget else None


@dataclass(frozen=True, slots=True)
class Summary:
    income: tuple[Figure, ...]
    spending: tuple[Figure, ...]
    financing_in: Figure
    financing_out: Figure

    @staticmethod
    def _total(label: str, figures: Iterable[Figure]) -> Figure:
        items = list(figures)
        return Figure("", label, sum(f.budget for f in items), sum(f.realised for f in items))

    @property
    def total_income(self) -> Figure:
        return self._total("pendapatan", self.income)

    @property
    def total_spending(self) -> Figure:
        return self._total("belanja", self.spending)

    @property
    def surplus(self) -> tuple[int, int]:
        """(budgeted, realised) surplus; negative is a deficit."""
        income, spending = self.total_income, self.total_spending
        return income.budget - spending.budget, income.realised - spending.realised

    @property
    def net_financing(self) -> tuple[int, int]:
        return (
            self.financing_in.budget - self.financing_out.budget,
            self.financing_in.realised - self.financing_out.realised,
        )

    @property
    def silpa(self) -> tuple[int, int]:
        """What is left over at year end: the surplus plus net financing."""
        surplus, financing = self.surplus, self.net_financing
        return surplus[0] + financing[0], surplus[1] + financing[1]


def summarise(lines: Iterable[Mapping[str, Any]]) -> Summary:
    budget: dict[str, int] = {g.key: 0 for g in GROUPS}
    realised: dict[str, int] = {g.key: 0 for g in GROUPS}
    for line in lines:
        budget[line["group"]] += int(line["budget"])
        realised[line["group"]] += int(line["realised"])

    def figures(section: str) -> tuple[Figure, ...]:
        return tuple(
            Figure(g.key, g.label, budget[g.key], realised[g.key])
            for g in GROUPS
            if g.section == section
        )

    (financing_in,) = figures(FINANCING_IN)
    (financing_out,) = figures(FINANCING_OUT)
    return Summary(figures(INCOME), figures(SPENDING), financing_in, financing_out)


def rupiah(amount: int) -> str:
    """Rp1.250.000, and -Rp500.000 for a deficit."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")
