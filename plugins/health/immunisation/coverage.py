""" "Imunisasi dasar lengkap" (IDL) coverage: of the children 12–23 months old on a day, those
who had every basic dose of the regency's schedule by then.

The village's immunisation and report pages count it live for today; `reports.figures` keeps it
per village and month, counted as of the month's last day, for the district and regency pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plugins.health.dates import add_months
from plugins.health.immunisation.given import given_by_child
from plugins.health.immunisation.schedule import Schedule
from plugins.health.tables import Child


@dataclass(frozen=True, slots=True)
class Coverage:
    children: int
    complete: int

    @property
    def percent(self) -> int | None:
        return None if not self.children else round(100 * self.complete / self.children)


async def basic_coverage(day: dt.date, schedule: Schedule) -> Coverage:
    """IDL coverage in the village in scope on `day`; a dose given after `day` does not count."""
    oldest, youngest = add_months(day, -24), add_months(day, -12)
    rows = await Child.select(Child.id).where(
        (Child.birth_date > oldest) & (Child.birth_date <= youngest)
    )
    ids = [r["id"] for r in rows]
    doses = await given_by_child(ids, until=day)
    return Coverage(len(ids), sum(1 for i in ids if schedule.basic_complete(doses[i])))
