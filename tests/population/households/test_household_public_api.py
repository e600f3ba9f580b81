"""Households in population's public read API: what another plugin (social aid) reads, only in
its own scope, and the page in docs/ that documents it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from plugins.population import public
from plugins.population.households import households as rules
from tests.population.households.conftest import TODAY

PAGE = (Path(__file__).resolve().parents[3] / "docs" / "plugins" / "population_api.md").read_text(
    "utf-8"
)


async def test_household_of_gives_number_head_members_and_kks(kampung, houses) -> None:
    village = await houses()
    _, (head, child) = await village.family_of(1, 2)
    kk, (other, _) = await village.family_of(3, 2)
    household_id = await village.household(1, [child])
    async with kampung.scope(village.code):
        await rules.add_family(kampung.kernel, village.code, "t", household_id, kk, today=TODAY)
        facts = await public.household_of(child)
        family_ids = {(await public.person(i)).family_id for i in (head, other)}

    assert facts is not None
    assert facts.id == household_id
    assert facts.village_code == village.code
    assert facts.head_id == head
    assert facts.member_ids[0] == head
    assert set(facts.member_ids) == {head, child, other, other + 1}
    assert set(facts.family_ids) == family_ids
    assert facts.active
    assert facts.number.startswith(village.code.replace(".", ""))
    assert dataclasses.is_dataclass(facts)


async def test_another_village_s_household_is_none(kampung, houses) -> None:
    mine, theirs = await houses(0), await houses(1)
    _, (head,) = await theirs.family_of(1, 1)
    household_id = await theirs.household(1, [])
    async with kampung.scope(theirs.code):
        number = (await public.household_of(head)).number

    async with kampung.scope(mine.code):
        assert await public.household_of(head) is None
        assert await public.household_by_number(number) is None
    async with kampung.scope(theirs.code):
        assert (await public.household_by_number(number)).id == household_id


async def test_someone_in_no_household_or_a_dissolved_one_has_none(kampung, houses) -> None:
    village = await houses()
    _, (head, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [])
    async with kampung.scope(village.code):
        assert await public.household_of(child) is None
        number = (await public.household_of(head)).number
        await rules.dissolve(kampung.kernel, village.code, "t", household_id, today=TODAY)
        after = await public.household_of(head)
        gone = await public.household_by_number(number)

    assert after is None
    assert gone is not None and gone.id == household_id
    assert not gone.active and gone.member_ids == ()


def test_household_facts_are_documented_field_by_field() -> None:
    section = PAGE.split("\n## HouseholdFacts\n", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)", section, flags=re.MULTILINE))
    assert documented == {f.name for f in dataclasses.fields(public.HouseholdFacts)}
