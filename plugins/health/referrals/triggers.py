"""What the data refers by itself: after a weighing, 2T, below the red line, stunting, wasting."""

from __future__ import annotations

import datetime as dt

from plugins.health.children.children import ChildRow
from plugins.health.growth import kms
from plugins.health.growth.measurements import last_gains
from plugins.health.referrals.referrals import (
    BELOW_RED,
    STUNTED,
    TWO_T,
    WASTED,
    Subject,
    open_referral,
    refer,
)
from plugins.health.tables import Measurement

RED_LINE = -3000


async def after_measurement(
    child: ChildRow, measurement_id: int, actor: str, at: dt.datetime
) -> list[int]:
    """Referrals the new measurement calls for (the open one is kept, never doubled)."""
    row = await Measurement.select().where(Measurement.id == measurement_id).first()
    assert row is not None
    evidence = {
        "measured_on": row["measured_on"].isoformat(),
        "weight_g": row["weight_g"],
        "length_mm": row["adjusted_length_mm"],
        "z_wfa": row["z_wfa"],
        "z_lhfa": row["z_lhfa"],
        "z_wflh": row["z_wflh"],
        "oedema": row["oedema"],
    }
    reasons = []
    if kms.two_t(await last_gains(child.id)):
        reasons.append(TWO_T)
    if row["z_wfa"] is not None and row["z_wfa"] < RED_LINE:
        reasons.append(BELOW_RED)
    if row["stunted"]:
        reasons.append(STUNTED)
    if row["wasted"]:
        reasons.append(WASTED)
    subject = Subject(child_id=child.id)
    made = []
    for reason in reasons:
        if await open_referral(subject, reason) is None:
            made.append(await refer(subject, reason, {**evidence, "gain": row["gain"]}, actor, at))
    return made
