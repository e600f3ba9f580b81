"""The health plugin's tables: every row belongs to a village (`TenantTable`).

Children and mothers are residents of the population register; a row here names the resident
by id and keeps only what the health work itself measured or decided. A child's sex and birth
date are copied at enrolment because every z-score and every regency figure is computed from
them, and a regency report cannot read 150,000 residents through the register one by one.
Measurements are whole grams and millimetres, z-scores whole thousandths: nothing is rounded
by a float column.
"""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    SmallInt,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete

from core.db import TenantTable
from core.db.insert_only import insert_only


class Posyandu(TenantTable, tablename="health_posyandu"):
    """A monthly community health session of a hamlet."""

    name = Varchar(length=100)
    dusun = Varchar(length=60, default="")
    schedule_day = SmallInt(default=10)
    """Day of the month the session is held (1–28)."""
    created_at = Timestamptz()


class Cadre(TenantTable, tablename="health_cadre"):
    """A cadre (a user holding `posyandu_cadre` in the village) assigned to one posyandu."""

    username = Varchar(length=64, index=True)
    posyandu = ForeignKey(Posyandu, on_delete=OnDelete.cascade, index=True)
    created_at = Timestamptz()


class Child(TenantTable, tablename="health_child"):
    """An under-five followed by a posyandu."""

    resident_id = Integer(index=True)
    posyandu = ForeignKey(Posyandu, null=True, on_delete=OnDelete.set_null, index=True)
    sex = Varchar(length=1)
    birth_date = Date()
    has_kia_book = Boolean(default=True)
    enrolled_by = Varchar(length=20, default="manual")
    """"kelahiran" when a birth recorded in the register enrolled the child."""
    created_at = Timestamptz()


class Measurement(TenantTable, tablename="health_measurement"):
    """One monthly measurement and what the posyandu gave that day."""

    child = ForeignKey(Child, on_delete=OnDelete.cascade, index=True)
    measured_on = Date(index=True)
    month = Varchar(length=7, index=True)
    """YYYY-MM: one measurement per child and month; what the monthly reports group by."""
    age_days = Integer()
    weight_g = Integer(null=True, default=None)
    length_mm = Integer(null=True, default=None)
    """As measured."""
    position = Varchar(length=1, default="L")
    """"L" lying (length) or "H" standing (height)."""
    adjusted_length_mm = Integer(null=True, default=None)
    head_mm = Integer(null=True, default=None)
    muac_mm = Integer(null=True, default=None)
    oedema = Boolean(default=False)
    vitamin_a = Boolean(default=False)
    deworming = Boolean(default=False)
    pmt = Boolean(default=False)
    z_wfa = Integer(null=True, default=None)
    z_lhfa = Integer(null=True, default=None)
    z_wflh = Integer(null=True, default=None)
    z_bmi = Integer(null=True, default=None)
    stunted = Boolean(default=False)
    wasted = Boolean(default=False)
    underweight = Boolean(default=False)
    overweight = Boolean(default=False)
    gain = Varchar(length=1, default="B")
    """KMS status: N, T, O or B (see growth.kms)."""
    recorded_by = Varchar(length=64)
    created_at = Timestamptz()


class Immunisation(TenantTable, tablename="health_immunisation"):
    """One dose given."""

    child = ForeignKey(Child, on_delete=OnDelete.cascade, index=True)
    vaccine = Varchar(length=20)
    given_on = Date()
    recorded_by = Varchar(length=64)
    created_at = Timestamptz()


class Pregnancy(TenantTable, tablename="health_pregnancy"):
    """A pregnancy of a woman of the register, from her last period to the birth."""

    resident_id = Integer(index=True)
    last_period = Date()
    """HPHT; the expected date is 280 days later."""
    expected_on = Date()
    risk_flags = JSON(default="{}")
    """{"flags": [keys of pregnancy.pregnancies.RISKS]}."""
    ended_on = Date(null=True, default=None)
    outcome = Varchar(length=20, default="")
    newborn_resident_id = Integer(null=True, default=None)
    recorded_by = Varchar(length=64)
    created_at = Timestamptz()


class AntenatalVisit(TenantTable, tablename="health_antenatal_visit"):
    """One antenatal visit (K1–K6)."""

    pregnancy = ForeignKey(Pregnancy, on_delete=OnDelete.cascade, index=True)
    visited_on = Date()
    weight_g = Integer(null=True, default=None)
    muac_mm = Integer(null=True, default=None)
    systolic = SmallInt(null=True, default=None)
    diastolic = SmallInt(null=True, default=None)
    iron_tablets = SmallInt(default=0)
    recorded_by = Varchar(length=64)
    created_at = Timestamptz()


class PostnatalVisit(TenantTable, tablename="health_postnatal_visit"):
    """A postnatal visit (KF1–KF4) of a mother after the birth."""

    pregnancy = ForeignKey(Pregnancy, on_delete=OnDelete.cascade, index=True)
    visited_on = Date()
    systolic = SmallInt(null=True, default=None)
    diastolic = SmallInt(null=True, default=None)
    note = Varchar(length=300, default="")
    recorded_by = Varchar(length=64)
    created_at = Timestamptz()


class Referral(TenantTable, tablename="health_referral"):
    """A referral to the puskesmas; its status is replayed from its steps."""

    child = ForeignKey(Child, null=True, on_delete=OnDelete.restrict, index=True)
    pregnancy = ForeignKey(Pregnancy, null=True, on_delete=OnDelete.restrict, index=True)
    reason = Varchar(length=20)
    evidence = JSON(default="{}")
    """The data that justified it (z-scores, the 2T weighings, LiLA), as it was then."""
    status = Varchar(length=20, index=True)
    """A cache of the status the steps derive, for the puskesmas' queue."""
    idempotency_key = Varchar(length=64, default="")
    created_at = Timestamptz()


@insert_only
class ReferralStep(TenantTable, tablename="health_referral_step"):
    """One action in a referral's history. Never changed."""

    referral = ForeignKey(Referral, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=20)
    from_status = Varchar(length=20)
    to_status = Varchar(length=20)
    actor = Varchar(length=64)
    note = Varchar(length=500, default="")
    at = Timestamptz()


class MonthlyFigure(TenantTable, tablename="health_monthly_figure"):
    """A village's month in counts, recounted from its measurements whenever one is recorded,
    so the district and regency pages read one row per village and month (a cache of
    `Measurement`, never the truth: `reports.figures.refresh` rebuilds it)."""

    month = Varchar(length=7, index=True)
    measured_length = Integer(default=0)
    measured_weight = Integer(default=0)
    measured_wflh = Integer(default=0)
    stunted = Integer(default=0)
    wasted = Integer(default=0)
    underweight = Integer(default=0)
    overweight = Integer(default=0)
    idl_children = Integer(default=0)
    """Children 12–23 months old on the month's last day."""
    idl_complete = Integer(default=0)
    """Those of them with every basic dose of the schedule by then."""


TABLES = [
    Posyandu,
    Cadre,
    Child,
    Measurement,
    Immunisation,
    Pregnancy,
    AntenatalVisit,
    PostnatalVisit,
    Referral,
    ReferralStep,
    MonthlyFigure,
]
