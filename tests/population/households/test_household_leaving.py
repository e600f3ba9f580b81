"""A death or a move out of the village ends the person's stay in their household, in the same
transaction as the life event; a head keeps the household until another is named."""

from __future__ import annotations

from conftest import TODAY

from plugins.population.households.tables import Household
from plugins.population.register.events import record_event
from plugins.population.register.status import MOVE_OUT


async def test_a_member_who_dies_leaves_on_the_day_of_death(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])

    await village.die(child)

    (stay,) = await village.stays(child)
    assert stay["left_on"] == TODAY
    assert await village.audit(household_id) == ["create", "remove_member"]


async def test_a_member_who_moves_out_leaves_too(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    await village.household(1, [child])

    async with kampung.scope(village.code):
        await record_event(
            kampung.kernel, village.code, "test", child, MOVE_OUT, TODAY, TODAY,
            {"destination": "Surabaya", "classification": "2", "reason": "1"},
        )  # fmt: skip

    assert [s["left_on"] for s in await village.stays(child)] == [TODAY]


async def test_a_head_with_members_stays_head_until_the_family_names_another(
    kampung, houses
) -> None:
    village = await houses()
    _, (head, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])

    await village.die(head)

    assert [s["left_on"] for s in await village.stays(head)] == [None]
    assert [s["left_on"] for s in await village.stays(child)] == [None]
    async with kampung.scope(village.code):
        row = await Household.select().where(Household.id == household_id).first()
    assert row["active"] and row["head"] == head


async def test_a_head_living_alone_ends_the_household(kampung, houses) -> None:
    village = await houses()
    _, (head,) = await village.family_of(1, 1)
    household_id = await village.household(1, [])

    await village.die(head)

    async with kampung.scope(village.code):
        row = await Household.select().where(Household.id == household_id).first()
    assert not row["active"]
    assert [s["left_on"] for s in await village.stays(head)] == [TODAY]
