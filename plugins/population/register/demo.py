"""Demo events for a village the importer has filled: a birth, a death and a move out; and, once
every plugin has filled the village, the death of its oldest family head."""

from __future__ import annotations

import datetime as dt
import random

from core import DemoContext
from core.localtime import local_today
from plugins.population.register.arrivals import register_arrival
from plugins.population.register.events import record_event
from plugins.population.register.families import HEAD
from plugins.population.register.resident_form import ResidentInput
from plugins.population.register.status import ALIVE, BIRTH, DEATH, MOVE_OUT
from plugins.population.tables import Family, Resident

ACTOR = "demo"


async def demo_events(context: DemoContext) -> None:
    code = context.village.code
    rng = random.Random(context.seed)
    living = (
        await Resident.select(
            Resident.id,
            Resident.relationship,
            Resident.family,
            Resident.dusun,
            Resident.rw,
            Resident.rt,
            Resident.address,
        )
        .where(Resident.status == ALIVE)
        .order_by(Resident.id)
    )
    members = [r for r in living if r["relationship"] != HEAD and r["family"]]
    if len(members) < 2:
        return
    today = local_today()
    died, moved = rng.sample(members, 2)
    await record_event(
        context.kernel,
        code,
        ACTOR,
        died["id"],
        DEATH,
        today - dt.timedelta(days=6),
        today,
        {"place": "Rumah", "cause": 1, "attested_by": "Bidan desa"},
    )
    await record_event(
        context.kernel,
        code,
        ACTOR,
        moved["id"],
        MOVE_OUT,
        today - dt.timedelta(days=3),
        today,
        {"destination_kind": "kabupaten", "destination": "Jl. Raya Trunojoyo 12, Pamekasan"},
    )
    family = await Family.select(Family.kk_number).where(Family.id == died["family"]).first()
    born = today - dt.timedelta(days=10)
    baby = ResidentInput(
        nik="",
        nik_temporary=True,
        name=rng.choice(["Ahmad Fauzi", "Siti Aisyah", "Nur Hasanah"]),
        sex=rng.choice([1, 2]),
        birth_place="Sampang",
        birth_date=born,
        religion=1,
        education=1,
        occupation=1,
        marital_status=1,
        relationship=4,
        citizenship=1,
        blood_type=13,
        disability=7,
        father_nik="",
        father_name="",
        mother_nik="",
        mother_name="",
        phone="",
        kk_number=family["kk_number"] if family else "",
        dusun=died["dusun"],
        rw=died["rw"],
        rt=died["rt"],
        address=died["address"],
    )
    if baby.kk_number:
        await register_arrival(
            context.kernel, code, ACTOR, baby, BIRTH, born, today, {"place": "Puskesmas"}
        )


async def demo_late_death(context: DemoContext) -> None:
    """The village's oldest living family head dies two days ago, after the other plugins filled
    the village: their subscribers answer it as they would a real one (social aid suspends the
    head's pending aid). Who dies is public (docs/plugins/population.md), so a plugin's demo can
    count on it without reading population's internals."""
    head = (
        await Resident.select(Resident.id)
        .where(
            (Resident.status == ALIVE)
            & (Resident.relationship == HEAD)
            & Resident.birth_date.is_not_null()
        )
        .order_by(Resident.birth_date)
        .order_by(Resident.id)
        .first()
    )
    if head is None:
        return
    today = local_today()
    await record_event(
        context.kernel,
        context.village.code,
        ACTOR,
        head["id"],
        DEATH,
        today - dt.timedelta(days=2),
        today,
        {"place": "Rumah", "cause": 1, "attested_by": "Ketua RT"},
    )
