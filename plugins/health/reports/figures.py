"""A village's monthly counts, kept beside its measurements for the district and regency pages.

Each recorded measurement recounts its own village and month (a few hundred rows at most) and
stores the counts in `MonthlyFigure`, in the same transaction. A recount, not an increment, so
the figure is always what the measurements say, whatever happened before. The regency page then
reads one row per village and month instead of every child's measurement.
"""

from __future__ import annotations

from typing import Any

from plugins.health.tables import Measurement, MonthlyFigure

CONDITIONS: dict[str, Any] = {
    "measured_length": Measurement.z_lhfa.is_not_null(),
    "measured_weight": Measurement.z_wfa.is_not_null(),
    "measured_wflh": Measurement.z_wflh.is_not_null() | Measurement.oedema.eq(True),
    "stunted": Measurement.stunted.eq(True),
    "wasted": Measurement.wasted.eq(True),
    "underweight": Measurement.underweight.eq(True),
    "overweight": Measurement.overweight.eq(True),
}


async def refresh(month: str) -> None:
    """Recount the month of the village in scope (call it with a village's scope)."""
    counts = {
        name: await Measurement.count().where((Measurement.month == month) & condition)
        for name, condition in CONDITIONS.items()
    }
    exists = await MonthlyFigure.exists().where(MonthlyFigure.month == month)
    if exists:
        await MonthlyFigure.update(
            {getattr(MonthlyFigure, name): value for name, value in counts.items()}
        ).where(MonthlyFigure.month == month)
    else:
        await MonthlyFigure.insert(MonthlyFigure(month=month, **counts))
