"""Demo data: posyandu in the village's hamlets, their under-fives measured over twelve months
(about one in five stunted, as in Indonesia's villages), immunisation with gaps, pregnancies,
and the referrals the data raises. Deterministic from the seed."""

from __future__ import annotations

import datetime as dt
import random

from core import DemoContext
from plugins.health import residents
from plugins.health.children import children
from plugins.health.dates import add_months
from plugins.health.growth import measurements
from plugins.health.growth.curves import LENGTH, WEIGHT, value_at
from plugins.health.growth.kms import age_months
from plugins.health.growth.zscores import age_in_days, expected_position
from plugins.health.immunisation import doses
from plugins.health.immunisation.schedule import NATIONAL_SCHEDULE, due_date
from plugins.health.permissions import CADRE
from plugins.health.posyandu import posyandu
from plugins.health.posyandu.posyandu import PosyanduInput
from plugins.health.pregnancy import pregnancies
from plugins.health.referrals import triggers

NAMES = ("Mawar", "Melati", "Anggrek", "Kenanga", "Dahlia", "Flamboyan")
MONTHS = 12
STUNTED_SHARE = 0.2
DEMO_ACTOR = "demo"


async def fill(context: DemoContext) -> None:
    rng = random.Random(f"health-{context.seed}-{context.village.code}")
    at = dt.datetime.now(dt.UTC)
    today = at.date()
    kids = await residents.under_fives(today)
    hamlets = sorted({k.dusun for k in kids if k.dusun})[:4] or [""]
    places: dict[str, int] = {}
    for i, hamlet in enumerate(hamlets):
        name = f"Posyandu {NAMES[i % len(NAMES)]}" + (f" {hamlet.title()}" if hamlet else "")
        places[hamlet] = await posyandu.create(PosyanduInput(name[:100], hamlet, 8 + 3 * i), at)
    first = next(iter(places.values()))
    cadre = context.users.get(CADRE)
    if cadre:
        await posyandu.assign(first, cadre, at)
    for kid in kids:
        place = places.get(kid.dusun, first)
        child_id = await children.enrol(kid, place, at, has_kia_book=rng.random() < 0.9)
        child = await children.child(child_id, None)
        assert child is not None
        await _measure_months(rng, child, today, at)
        await _immunise(rng, child, today, at)
    await _pregnancies(rng, today, at)


async def _measure_months(
    rng: random.Random, child: children.ChildRow, today: dt.date, at: dt.datetime
) -> None:
    stunted = rng.random() < STUNTED_SHARE
    length_z = rng.uniform(-3.2, -2.1) if stunted else rng.uniform(-1.6, 1.2)
    weight_z = length_z + rng.uniform(-0.6, 0.6)
    for back in range(MONTHS - 1, -1, -1):
        day = add_months(today, -back).replace(day=min(today.day, 10 + back % 5))
        if day > today or day < child.birth_date or rng.random() < 0.12:
            continue
        months = age_months(child.birth_date, day)
        weight_z += rng.uniform(-0.25, 0.2)
        days = age_in_days(child.birth_date, day)
        position = expected_position(days)
        reading = measurements.Reading(
            measured_on=day,
            weight_g=round(value_at(WEIGHT, child.sex, months, weight_z) * 10) * 100,
            length_mm=round(value_at(LENGTH, child.sex, months, length_z) * 10),
            position=position,
            vitamin_a=day.month in (2, 8) and months >= 6,
            pmt=stunted,
        )
        created = await measurements.record(child, reading, DEMO_ACTOR, at, NATIONAL_SCHEDULE)
        if back == 0:
            await triggers.after_measurement(child, created, DEMO_ACTOR, at)


async def _immunise(
    rng: random.Random, child: children.ChildRow, today: dt.date, at: dt.datetime
) -> None:
    doses_given = NATIONAL_SCHEDULE.doses
    missing_from = rng.randrange(len(doses_given) + 1) if rng.random() < 0.3 else len(doses_given)
    for position, dose in enumerate(doses_given):
        if dose.endemic_only or position >= missing_from:
            continue
        given_on = due_date(dose, child.birth_date) + dt.timedelta(days=rng.randrange(0, 12))
        if given_on <= today:
            await doses.record(child, dose.key, given_on, today, DEMO_ACTOR, at, NATIONAL_SCHEDULE)


async def _pregnancies(rng: random.Random, today: dt.date, at: dt.datetime) -> None:
    women = [
        p
        for p in await residents.find_women(today)
        if "belum" not in p.marital_status_label.lower()
    ]
    for mother in rng.sample(women, min(4, len(women))):
        last_period = today - dt.timedelta(days=rng.randrange(40, 250))
        risks = ["anemia"] if rng.random() < 0.25 else []
        created = await pregnancies.create(mother.id, last_period, risks, DEMO_ACTOR, at)
        visit_day = last_period + dt.timedelta(days=56)
        while visit_day <= today:
            muac = rng.randrange(220, 290)
            visit = pregnancies.VisitInput(visit_day, None, muac, 110, 70, 30)
            await pregnancies.add_visit(created, visit, DEMO_ACTOR, at)
            visit_day += dt.timedelta(days=rng.choice((28, 35, 42)))
