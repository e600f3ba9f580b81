"""Pregnancies of the register's women and their antenatal visits; no HTTP here.

The due date is HPHT + 280 days; the current standard asks at least six visits (K1–K6: two in
the first trimester, one in the second, three in the third). A LiLA under 23.5 cm is chronic
energy deficiency (KEK) and, like a risk flag, refers the mother to the puskesmas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import N_
from plugins.health.tables import AntenatalVisit, PostnatalVisit, Pregnancy

GESTATION_DAYS = 280
KEK_MUAC_MM = 235
IRON_TARGET = 90
VISITS_NEEDED = {1: 2, 2: 1, 3: 3}
"""Visits each trimester asks for (K1–K6)."""
RISKS = {
    "usia_muda": N_("Umur di bawah 20 tahun"),
    "usia_tua": N_("Umur 35 tahun atau lebih"),
    "jarak_dekat": N_("Jarak kehamilan kurang dari 2 tahun"),
    "anak_banyak": N_("Sudah 4 anak atau lebih"),
    "hipertensi": N_("Tekanan darah tinggi"),
    "perdarahan": N_("Riwayat perdarahan"),
    "anemia": N_("Anemia"),
}
HIGH_BLOOD_PRESSURE = (140, 90)
POSTNATAL_DAYS = 42
"""The postnatal period (nifas): visits KF1–KF4 fall within 42 days of the birth."""


class PregnancyError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def expected_date(last_period: dt.date) -> dt.date:
    return last_period + dt.timedelta(days=GESTATION_DAYS)


def trimester(last_period: dt.date, day: dt.date) -> int:
    """1, 2 or 3: weeks 0–13, 14–27, 28 on."""
    weeks = (day - last_period).days // 7
    return 1 if weeks < 14 else 2 if weeks < 28 else 3


def visit_counts(last_period: dt.date, visits: list[dt.date]) -> dict[int, int]:
    counts = {1: 0, 2: 0, 3: 0}
    for day in visits:
        counts[trimester(last_period, day)] += 1
    return counts


def standard_met(counts: dict[int, int]) -> bool:
    return all(counts[t] >= needed for t, needed in VISITS_NEEDED.items())


@dataclass(frozen=True, slots=True)
class VisitInput:
    visited_on: dt.date
    weight_g: int | None
    muac_mm: int | None
    systolic: int | None
    diastolic: int | None
    iron_tablets: int


def kek(muac_mm: int | None) -> bool:
    return muac_mm is not None and muac_mm < KEK_MUAC_MM


def high_blood_pressure(systolic: int | None, diastolic: int | None) -> bool:
    return (systolic or 0) >= HIGH_BLOOD_PRESSURE[0] or (diastolic or 0) >= HIGH_BLOOD_PRESSURE[1]


async def open_pregnancy(resident_id: int) -> dict[str, Any] | None:
    return (
        await Pregnancy.select()
        .where((Pregnancy.resident_id == resident_id) & Pregnancy.ended_on.is_null())
        .first()
    )


async def create(
    resident_id: int, last_period: dt.date, risks: list[str], by: str, at: dt.datetime
) -> int:
    if await open_pregnancy(resident_id) is not None:
        raise PregnancyError(N_("Ibu ini sudah tercatat sedang hamil."), "resident_id")
    rows = await Pregnancy.insert(
        Pregnancy(
            resident_id=resident_id,
            last_period=last_period,
            expected_on=expected_date(last_period),
            risk_flags={"flags": [r for r in risks if r in RISKS]},
            recorded_by=by,
            created_at=at,
        )
    ).returning(Pregnancy.id)
    return int(rows[0]["id"])


async def add_visit(pregnancy_id: int, visit: VisitInput, by: str, at: dt.datetime) -> int:
    rows = await AntenatalVisit.insert(
        AntenatalVisit(
            pregnancy=pregnancy_id,
            visited_on=visit.visited_on,
            weight_g=visit.weight_g,
            muac_mm=visit.muac_mm,
            systolic=visit.systolic,
            diastolic=visit.diastolic,
            iron_tablets=visit.iron_tablets,
            recorded_by=by,
            created_at=at,
        )
    ).returning(AntenatalVisit.id)
    return int(rows[0]["id"])


async def visits(pregnancy_id: int) -> list[dict[str, Any]]:
    return (
        await AntenatalVisit.select()
        .where(AntenatalVisit.pregnancy == pregnancy_id)
        .order_by(AntenatalVisit.visited_on)
    )


async def pregnancy(pregnancy_id: int) -> dict[str, Any] | None:
    return await Pregnancy.select().where(Pregnancy.id == pregnancy_id).first()


async def current() -> list[dict[str, Any]]:
    return (
        await Pregnancy.select().where(Pregnancy.ended_on.is_null()).order_by(Pregnancy.expected_on)
    )


def risk_flags(row: dict[str, Any]) -> list[str]:
    return [str(flag) for flag in json_dict(row.get("risk_flags")).get("flags", [])]


async def close_with_birth(mother_id: int, newborn_id: int, born_on: dt.date) -> None:
    """The birth ends the mother's open pregnancy and links the newborn."""
    found = await open_pregnancy(mother_id)
    if found is None:
        return
    await Pregnancy.update(
        {
            Pregnancy.ended_on: born_on,
            Pregnancy.outcome: "lahir_hidup",
            Pregnancy.newborn_resident_id: newborn_id,
        }
    ).where(Pregnancy.id == found["id"])


@dataclass(frozen=True, slots=True)
class PostnatalInput:
    visited_on: dt.date
    systolic: int | None
    diastolic: int | None
    note: str


async def add_postnatal(
    found: dict[str, Any], visit: PostnatalInput, by: str, at: dt.datetime
) -> int:
    """A postnatal visit of an ended pregnancy, within the 42 days after the birth."""
    ended = found["ended_on"]
    if ended is None:
        raise PregnancyError(N_("Kunjungan nifas dicatat setelah persalinan."), "visited_on")
    if not ended <= visit.visited_on <= ended + dt.timedelta(days=POSTNATAL_DAYS):
        raise PregnancyError(
            N_("Kunjungan nifas harus dalam 42 hari setelah persalinan."), "visited_on"
        )
    rows = await PostnatalVisit.insert(
        PostnatalVisit(
            pregnancy=found["id"],
            visited_on=visit.visited_on,
            systolic=visit.systolic,
            diastolic=visit.diastolic,
            note=visit.note[:300],
            recorded_by=by,
            created_at=at,
        )
    ).returning(PostnatalVisit.id)
    return int(rows[0]["id"])


async def postnatal_visits(pregnancy_id: int) -> list[dict[str, Any]]:
    return (
        await PostnatalVisit.select()
        .where(PostnatalVisit.pregnancy == pregnancy_id)
        .order_by(PostnatalVisit.visited_on)
    )
