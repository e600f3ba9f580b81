"""Prevalence of stunting, wasting, underweight and overweight among the children measured in a
month, and basic immunisation coverage, per village, for the district and the regency.

Each measurement stores its flags when it is recorded and recounts its village's month
(`reports.figures`), so a page reads one row per village and month, not every child's
measurement. A
prevalence counts only the children measured for that index: a child weighed but not measured
for length is not counted as "not stunted".
"""

from __future__ import annotations

from dataclasses import dataclass

from piccolo.query.functions import Sum

from core.tenancy.tables import Village
from plugins.health.dates import previous_months
from plugins.health.tables import MonthlyFigure

TREND_MONTHS = 12
SHOWN_IF_ANY = ("measured_length", "measured_weight", "measured_wflh", "idl_children")
"""A village's row is listed when one of these counts is not zero."""
COUNTS = (
    "measured_length", "measured_weight", "measured_wflh", "stunted", "wasted", "underweight",
    "overweight", "idl_children", "idl_complete",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class VillageFigures:
    code: str
    name: str
    measured_length: int
    measured_weight: int
    measured_wflh: int
    stunted: int
    wasted: int
    underweight: int
    overweight: int
    idl_children: int
    idl_complete: int

    @staticmethod
    def percent(part: int, whole: int) -> float | None:
        return None if not whole else round(100 * part / whole, 1)

    @property
    def stunting(self) -> float | None:
        return self.percent(self.stunted, self.measured_length)

    @property
    def wasting(self) -> float | None:
        return self.percent(self.wasted, self.measured_wflh)

    @property
    def underweight_share(self) -> float | None:
        return self.percent(self.underweight, self.measured_weight)

    @property
    def idl_share(self) -> float | None:
        """Imunisasi dasar lengkap among the children 12–23 months old at the month's end."""
        return self.percent(self.idl_complete, self.idl_children)


async def by_village(month: str, scope_code: str) -> list[VillageFigures]:
    """One row per village of the scope with anyone measured or due for IDL this month, highest
    stunting first."""
    rows = await MonthlyFigure.select().where(MonthlyFigure.month == month)
    names = {
        r["code"]: r["name"]
        for r in await Village.select(Village.code, Village.name).where(
            Village.code.like(scope_code + "%")
        )
    }
    figures = [
        VillageFigures(
            code=r["village_code"],
            name=names.get(r["village_code"], r["village_code"]),
            **{name: r[name] for name in COUNTS},
        )
        for r in rows
        if any(r[name] for name in SHOWN_IF_ANY)
    ]
    return sorted(figures, key=lambda f: (-(f.stunting or 0), f.name))


async def trend(month: str) -> list[tuple[str, int, int]]:
    """(month, measured for length, stunted) for the last 12 months of the scope."""
    months = previous_months(month, TREND_MONTHS)
    rows = (
        await MonthlyFigure.select(
            MonthlyFigure.month,
            Sum(MonthlyFigure.measured_length, alias="measured"),
            Sum(MonthlyFigure.stunted, alias="stunted"),
        )
        .where(MonthlyFigure.month.is_in(months))
        .group_by(MonthlyFigure.month)
    )
    found = {r["month"]: (int(r["measured"] or 0), int(r["stunted"] or 0)) for r in rows}
    return [(m, *found.get(m, (0, 0))) for m in months]


def total(figures: list[VillageFigures]) -> VillageFigures:
    return VillageFigures(
        code="", name="", **{name: sum(getattr(f, name) for f in figures) for name in COUNTS}
    )
