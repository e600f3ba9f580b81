"""SKDN for a posyandu (or the whole scope) and month.

S: the under-fives the posyandu follows; K: of them, those with a KIA book; D: those weighed
this month; N: of those weighed, those who gained (N on the KMS). Coverage is D/S and N/D.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plugins.health.dates import add_months, month_end, month_key
from plugins.health.growth.kms import GAINED
from plugins.health.tables import Child, Measurement


@dataclass(frozen=True, slots=True)
class Skdn:
    s: int
    k: int
    d: int
    n: int

    @property
    def d_per_s(self) -> int | None:
        return round(100 * self.d / self.s) if self.s else None

    @property
    def n_per_d(self) -> int | None:
        return round(100 * self.n / self.d) if self.d else None


async def skdn(month: str, posyandu_id: int | None = None) -> Skdn:
    end = month_end(month)
    oldest = add_months(end, -60)
    query = Child.select(Child.id, Child.has_kia_book).where(
        (Child.birth_date > oldest) & (Child.birth_date <= end)
    )
    if posyandu_id is not None:
        query = query.where(Child.posyandu == posyandu_id)
    found = {r["id"]: bool(r["has_kia_book"]) for r in await query}
    weighed = await Measurement.select(Measurement.child, Measurement.gain).where(
        (Measurement.month == month) & Measurement.weight_g.is_not_null()
    )
    gains = {r["child"]: r["gain"] for r in weighed if r["child"] in found}
    return Skdn(
        s=len(found),
        k=sum(found.values()),
        d=len(gains),
        n=sum(1 for g in gains.values() if g == GAINED),
    )


async def posyandu_skdn(posyandu_id: int, day: dt.date) -> Skdn:
    return await skdn(month_key(day), posyandu_id)


async def village_skdn(day: dt.date) -> Skdn:
    return await skdn(month_key(day))
