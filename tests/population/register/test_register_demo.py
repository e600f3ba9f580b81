"""The demo adds a birth, a death and a move out to a village the importer filled."""

from __future__ import annotations

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.register.demo import demo_events
from plugins.population.tables import LifeEvent

KK = "3527011201200001"


async def test_demo_records_a_birth_a_death_and_a_move_out(kampung, register) -> None:
    village = await kampung.village()
    await register.family(village, KK)
    await register.resident(village, 1, kk_number=KK, relationship="1")
    await register.resident(village, 2, kk_number=KK, relationship="3")
    await register.resident(village, 3, kk_number=KK, relationship="4")
    async with kampung.scope(village.code):
        row = await Village.select().where(Village.code == village.code).first()
        context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=1)
        await demo_events(context)
        kinds = sorted(r["kind"] for r in await LifeEvent.select(LifeEvent.kind))
    assert kinds == [1, 2, 3]
