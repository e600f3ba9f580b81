"""The demo village's areas: its families' hamlets, RWs and RTs, headed by its living men."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from core import DemoContext
from plugins.population.areas.demo import demo_areas
from plugins.population.areas.places import all_areas
from plugins.population.tables import Resident


async def test_the_demo_records_the_families_areas_with_heads_once(kampung, register) -> None:
    village = await register()
    family = await village.family("Krajan", "001", "002")
    for _ in range(3):
        await village.resident(family, sex=1)
    async with kampung.scope(village.code):
        await Resident.update({Resident.birth_date: dt.date(1980, 1, 1)}, force=True)
    context = DemoContext(kampung.kernel, SimpleNamespace(code=village.code), seed=1)  # type: ignore[arg-type]

    async with kampung.scope(village.code):
        await demo_areas(context)
        await demo_areas(context)
        areas = await all_areas()

    assert sorted((a["level"], a["name"]) for a in areas) == [
        ("dusun", "Krajan"),
        ("rt", "002"),
        ("rw", "001"),
    ]
    assert all(a["head_name"] for a in areas)
    assert len({a["head"] for a in areas}) == 3
