"""One child's record as the page shows it: measurements with their categories, the chart, the
immunisation schedule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.tenancy.context import Tenant
from plugins.health.children.children import ChildRow
from plugins.health.growth import categories, kms
from plugins.health.growth.chart import growth_chart
from plugins.health.growth.measurements import history
from plugins.health.growth.plausibility import decimal
from plugins.health.immunisation import doses
from plugins.health.immunisation.given import given as given_doses
from plugins.health.immunisation.schedule import DoseState, Schedule, dose_states


@dataclass(frozen=True, slots=True)
class MeasurementLine:
    row: dict[str, Any]

    @property
    def weight(self) -> str:
        w = self.row["weight_g"]
        return decimal(w, 1000) + " kg" if w is not None else "-"

    @property
    def length(self) -> str:
        length = self.row["adjusted_length_mm"]
        return decimal(length, 10) + " cm" if length is not None else "-"

    @property
    def categories(self) -> list[tuple[str, str | None, int | None]]:
        r = self.row
        return [
            ("BB/U", categories.weight_for_age(r["z_wfa"]), r["z_wfa"]),
            ("PB/U", categories.length_for_age(r["z_lhfa"]), r["z_lhfa"]),
            ("BB/PB", categories.weight_for_length(r["z_wflh"], oedema=r["oedema"]), r["z_wflh"]),
            ("IMT/U", categories.weight_for_length(r["z_bmi"]), r["z_bmi"]),
        ]

    @property
    def gain_label(self) -> str:
        return kms.LABELS.get(self.row["gain"], "")


def z_text(z: int | None) -> str:
    return "-" if z is None else decimal(z, 1000, 2)


@dataclass(frozen=True, slots=True)
class ChildRecord:
    lines: list[MeasurementLine]
    chart: str
    doses: list[DoseState]


async def child_record(
    child: ChildRow, tenant: Tenant, day: dt.date, schedule: Schedule
) -> ChildRecord:
    rows = await history(child.id)
    weighings = [(r["measured_on"], r["weight_g"]) for r in rows if r["weight_g"] is not None]
    given = await given_doses(child.id)
    endemic = bool(tenant.settings.get(doses.ENDEMIC_SETTING, False))
    return ChildRecord(
        lines=[MeasurementLine(r) for r in reversed(rows)],
        chart=growth_chart(child.sex, child.birth_date, weighings),
        doses=dose_states(child.birth_date, given, day, endemic=endemic, schedule=schedule),
    )
