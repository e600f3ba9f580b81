"""A village's monthly counts, kept beside its measurements for the district and regency pages.

Each recorded measurement or dose recounts its own village and month (a few hundred rows at
most) and stores the counts in `MonthlyFigure`, in the same transaction. A recount, not an
increment, so the figure is always what the records say, whatever happened before. The regency
page then reads one row per village and month instead of every child's records.

Immunisation coverage is counted as of the month's last day with the regency's schedule of the
time, so a month that has passed keeps the coverage it had when it was last recounted.
"""

from __future__ import annotations

from typing import Any

from plugins.health.dates import month_end
from plugins.health.immunisation.coverage import basic_coverage
from plugins.health.immunisation.schedule import Schedule
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


async def refresh(month: str, schedule: Schedule) -> None:
    """Recount the month of the village in scope (call it with a village's scope)."""
    counts: dict[str, Any] = {
        name: await Measurement.count().where((Measurement.month == month) & condition)
        for name, condition in CONDITIONS.items()
    }
    immunised = await basic_coverage(month_end(month), schedule)
    counts["idl_children"], counts["idl_complete"] = immunised.children, immunised.complete
    exists = await MonthlyFigure.exists().where(MonthlyFigure.month == month)
    if exists:
        await MonthlyFigure.update(
            {getattr(MonthlyFigure, name): value for name, value in counts.items()}
        ).where(MonthlyFigure.month == month)
    else:
        await MonthlyFigure.insert(MonthlyFigure(month=month, **counts))
