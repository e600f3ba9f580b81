"""The demo gives a filled village its households: one per KK, and some houses with two KKs."""

from __future__ import annotations

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.households.demo import demo_households
from plugins.population.households.queries import household_page


async def test_demo_makes_households_and_some_hold_two_kks(kampung, houses) -> None:
    village = await houses()
    for first in range(1, 40, 3):
        await village.family_of(first, 2)
    async with kampung.scope(village.code):
        row = await Village.select().where(Village.code == village.code).first()
        context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=1)
        await demo_households(context)
        found = await household_page("", 1)

    assert found.total == 11
    assert sorted({r["families"] for r in found.rows}) == [1, 2]
    assert sum(r["members"] for r in found.rows) == 26
