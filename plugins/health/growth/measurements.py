"""Recording a month's measurement: z-scores, categories and N/T computed once, stored as
integers beside what was measured; no HTTP here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.i18n import N_
from plugins.health.children.children import ChildRow
from plugins.health.dates import month_key
from plugins.health.growth import categories, kms
from plugins.health.growth.zscores import Measure, ZScores, zscores
from plugins.health.immunisation.schedule import Schedule
from plugins.health.reports import figures
from plugins.health.tables import Measurement


class MeasurementError(ValueError):
    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True, slots=True)
class Reading:
    """What the form carried, in whole grams and millimetres."""

    measured_on: dt.date
    weight_g: int | None
    length_mm: int | None
    position: str
    head_mm: int | None = None
    muac_mm: int | None = None
    oedema: bool = False
    vitamin_a: bool = False
    deworming: bool = False
    pmt: bool = False


def scores_of(child: ChildRow, reading: Reading) -> ZScores:
    return zscores(
        Measure(
            child.sex,
            child.birth_date,
            reading.measured_on,
            reading.weight_g,
            reading.length_mm,
            reading.position,
            reading.oedema,
        )
    )


def z_milli(scores: ZScores) -> dict[str, int | None]:
    return {
        "wfa": categories.milli(scores.wfa),
        "lhfa": categories.milli(scores.lhfa),
        "wflh": categories.milli(scores.wflh),
        "bmi": categories.milli(scores.bmi),
    }


async def history(child_id: int) -> list[dict[str, Any]]:
    """The child's measurements, oldest first."""
    return (
        await Measurement.select()
        .where(Measurement.child == child_id)
        .order_by(Measurement.measured_on)
    )


async def _previous_weighing(child_id: int, before: dt.date) -> kms.Weighing | None:
    row = (
        await Measurement.select(Measurement.measured_on, Measurement.weight_g, Measurement.z_wfa)
        .where(
            (Measurement.child == child_id)
            & (Measurement.measured_on < before)
            & Measurement.weight_g.is_not_null()
        )
        .order_by(Measurement.measured_on, ascending=False)
        .first()
    )
    if row is None:
        return None
    return kms.Weighing(row["measured_on"], row["weight_g"], row["z_wfa"])


async def record(
    child: ChildRow, reading: Reading, by: str, at: dt.datetime, schedule: Schedule
) -> int:
    """Store one measurement (a second one in the same month is refused) and recount the
    village's month; `schedule` is the regency's, for the month's immunisation coverage."""
    month = month_key(reading.measured_on)
    taken = await Measurement.exists().where(
        (Measurement.child == child.id) & (Measurement.month == month)
    )
    if taken:
        raise MeasurementError(
            N_("Anak ini sudah ditimbang bulan ini; satu penimbangan per bulan."), "measured_on"
        )
    scores = scores_of(child, reading)
    z = z_milli(scores)
    flags = categories.status(z["wfa"], z["lhfa"], z["wflh"], oedema=reading.oedema)
    gain = kms.FIRST
    if reading.weight_g is not None:
        previous = await _previous_weighing(child.id, month_start_of(reading.measured_on))
        current = kms.Weighing(reading.measured_on, reading.weight_g, z["wfa"])
        gain = kms.gain_status(child.birth_date, previous, current)
    rows = await Measurement.insert(
        Measurement(
            child=child.id,
            measured_on=reading.measured_on,
            month=month,
            age_days=scores.age_days,
            weight_g=reading.weight_g,
            length_mm=reading.length_mm,
            position=reading.position,
            adjusted_length_mm=scores.length_mm,
            head_mm=reading.head_mm,
            muac_mm=reading.muac_mm,
            oedema=reading.oedema,
            vitamin_a=reading.vitamin_a,
            deworming=reading.deworming,
            pmt=reading.pmt,
            z_wfa=z["wfa"],
            z_lhfa=z["lhfa"],
            z_wflh=z["wflh"],
            z_bmi=z["bmi"],
            stunted=flags.stunted,
            wasted=flags.wasted,
            underweight=flags.underweight,
            overweight=flags.overweight,
            gain=gain,
            recorded_by=by,
            created_at=at,
        )
    ).returning(Measurement.id)
    await figures.refresh(month, schedule)
    return int(rows[0]["id"])


def month_start_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


async def last_gains(child_id: int, count: int = 2) -> list[str]:
    """The KMS statuses of the child's last `count` weighings, oldest first."""
    rows = (
        await Measurement.select(Measurement.gain)
        .where((Measurement.child == child_id) & Measurement.weight_g.is_not_null())
        .order_by(Measurement.measured_on, ascending=False)
        .limit(count)
    )
    return [r["gain"] for r in reversed(rows)]
