"""The rules of a household: one head, one open stay per person, history kept, numbers as OpenSID
makes them, every change audited."""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.population.households import households as rules
from plugins.population.households.numbering import next_number, village_prefix
from plugins.population.households.queries import members
from plugins.population.households.tables import Household, HouseholdMember
from plugins.population.register.errors import RegisterError
from tests.population.households.conftest import TODAY, nik


async def _household(kampung, code: str, household_id: int) -> dict:
    async with kampung.scope(code):
        return await Household.select().where(Household.id == household_id).first()


async def _member_ids(kampung, code: str, household_id: int) -> list[int]:
    async with kampung.scope(code):
        return [m["resident"] for m in await members(household_id)]


async def test_the_head_and_the_chosen_members_of_the_head_s_kk_join(kampung, houses) -> None:
    village = await houses()
    _, (head, wife, child) = await village.family_of(1, 3, address="Jl. Kenanga 7")

    household_id = await village.household(1, [wife])

    assert await _member_ids(kampung, village.code, household_id) == [head, wife]
    row = await _household(kampung, village.code, household_id)
    assert row["head"] == head
    assert (row["address"], row["dusun"], row["rw"], row["rt"]) == (
        "Jl. Kenanga 7",
        "Krajan",
        "001",
        "002",
    )
    stays = await village.stays(head)
    assert stays[0]["role"] == 1 and stays[0]["joined_on"] == TODAY
    assert await village.stays(child) == []
    assert await village.audit(household_id) == ["create"]


async def test_numbers_are_the_village_code_and_a_five_digit_serial(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)
    await village.family_of(2, 1)
    prefix = village_prefix(village.code)

    first = await village.household(1, [])
    second = await village.household(2, [])

    assert (await _household(kampung, village.code, first))["number"] == prefix + "00001"
    assert (await _household(kampung, village.code, second))["number"] == prefix + "00002"
    assert len(prefix) == 10 and prefix.isdigit()


async def test_a_typed_number_is_kept_and_the_sequence_ignores_it(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)
    await village.family_of(2, 1)

    typed = await village.household(1, [], number="0012 3456 78")

    assert (await _household(kampung, village.code, typed))["number"] == "0012345678"
    async with kampung.scope(village.code):
        assert await next_number(village.code) == village_prefix(village.code) + "00001"
    with pytest.raises(RegisterError) as refused:
        await village.household(2, [], number="0012345678")
    assert refused.value.field == "number"
    assert "0012345678 sudah dipakai" in refused.value.message


async def test_a_number_with_letters_is_refused_naming_the_field(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)

    with pytest.raises(RegisterError) as refused:
        await village.household(1, [], number="RT-01")

    assert refused.value.field == "number"


async def test_a_nik_of_another_village_is_not_found_in_this_one(kampung, houses) -> None:
    mine, theirs = await houses(0), await houses(1)
    await theirs.family_of(1, 1)

    with pytest.raises(RegisterError) as refused:
        await mine.household(1, [])

    assert refused.value.field == "head_nik"
    assert refused.value.message == (f"NIK {nik(1)} tidak terdaftar sebagai penduduk desa ini.")


async def test_a_dead_person_cannot_head_a_household(kampung, houses) -> None:
    village = await houses()
    _, (head,) = await village.family_of(1, 1)
    await village.die(head)

    with pytest.raises(RegisterError) as refused:
        await village.household(1, [])

    assert refused.value.field == "head_nik"
    assert "tidak lagi berstatus hidup" in refused.value.message


async def test_someone_in_another_household_is_refused_naming_it(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    first = await village.household(1, [child])
    number = (await _household(kampung, village.code, first))["number"]
    await village.family_of(3, 1)

    async with kampung.scope(village.code):
        with pytest.raises(RegisterError) as refused:
            await rules.add_member(
                kampung.kernel,
                village.code,
                "test",
                await _new(kampung, village, 3),
                nik(2),
                today=TODAY,
            )

    assert refused.value.field == "nik"
    assert f"rumah tangga {number} (kepala: Budi Santoso 1)" in refused.value.message


async def _new(kampung, village, head_serial: int) -> int:
    """A household made inside the caller's transaction."""
    return await rules.create_household(
        kampung.kernel, village.code, "test", nik(head_serial), [], today=TODAY
    )


async def test_a_member_outside_the_head_s_kk_cannot_be_ticked(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)
    _, (stranger,) = await village.family_of(2, 1)

    with pytest.raises(RegisterError) as refused:
        await village.household(1, [stranger])

    assert refused.value.field == "members"


async def test_a_whole_kk_joins_and_a_dead_member_stays_out(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)
    kk, (second_head, child, grandchild) = await village.family_of(2, 3)
    await village.die(grandchild)
    household_id = await village.household(1, [])

    async with kampung.scope(village.code):
        joined = await rules.add_family(
            kampung.kernel, village.code, "test", household_id, kk, today=TODAY
        )

    assert joined == [second_head, child]
    assert len(await _member_ids(kampung, village.code, household_id)) == 3
    assert await village.audit(household_id) == ["create", "add_family"]


async def test_a_kk_with_a_member_elsewhere_is_refused_whole(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)
    kk, _ = await village.family_of(2, 2)
    household_id = await village.household(1, [])
    await village.family_of(4, 1)

    async with kampung.scope(village.code):
        elsewhere = await _new(kampung, village, 4)
        await rules.add_member(kampung.kernel, village.code, "test", elsewhere, nik(3), today=TODAY)
        with pytest.raises(RegisterError) as refused:
            await rules.add_family(
                kampung.kernel, village.code, "test", household_id, kk, today=TODAY
            )

    assert refused.value.field == "kk_number"
    assert "Budi Santoso 3 sudah menjadi anggota rumah tangga" in refused.value.message
    assert len(await _member_ids(kampung, village.code, household_id)) == 1


async def test_leaving_keeps_the_stay_and_a_person_may_come_back(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])

    async with kampung.scope(village.code):
        await rules.remove_member(
            kampung.kernel, village.code, "test", household_id, child, today=TODAY
        )
        await rules.add_member(
            kampung.kernel, village.code, "test", household_id, nik(2), today=TODAY
        )

    stays = await village.stays(child)
    assert [s["left_on"] for s in stays] == [TODAY, None]
    assert await village.audit(household_id) == ["create", "remove_member", "add_member"]


async def test_the_head_cannot_leave_until_another_heads(kampung, houses) -> None:
    village = await houses()
    _, (head, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])

    async with kampung.scope(village.code):
        with pytest.raises(RegisterError) as refused:
            await rules.remove_member(
                kampung.kernel, village.code, "test", household_id, head, today=TODAY
            )
    assert "ganti kepala rumah tangga" in refused.value.message

    async with kampung.scope(village.code):
        await rules.change_head(kampung.kernel, village.code, "test", household_id, child)
        await rules.remove_member(
            kampung.kernel, village.code, "test", household_id, head, today=TODAY
        )

    row = await _household(kampung, village.code, household_id)
    assert row["head"] == child
    assert [s["role"] for s in await village.stays(child)] == [1]
    assert await village.audit(household_id) == ["create", "change_head", "remove_member"]


async def test_a_new_head_takes_the_address_of_their_own_kk(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1, address="Jl. Lama 1")
    kk, (other, _) = await village.family_of(2, 2, address="Jl. Baru 2")
    household_id = await village.household(1, [])
    async with kampung.scope(village.code):
        await rules.add_family(kampung.kernel, village.code, "test", household_id, kk, today=TODAY)
        await rules.change_head(kampung.kernel, village.code, "test", household_id, other)

    assert (await _household(kampung, village.code, household_id))["address"] == "Jl. Baru 2"


async def test_a_dead_member_cannot_become_head(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])
    await village.die(child)

    async with kampung.scope(village.code):
        with pytest.raises(RegisterError) as refused:
            await rules.change_head(kampung.kernel, village.code, "test", household_id, child)

    assert refused.value.field == "new_head"


async def test_dissolving_ends_every_stay_and_the_number_is_not_reused(kampung, houses) -> None:
    village = await houses()
    _, (head, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])

    async with kampung.scope(village.code):
        await rules.dissolve(kampung.kernel, village.code, "test", household_id, today=TODAY)
        with pytest.raises(RegisterError):
            await rules.add_member(
                kampung.kernel, village.code, "test", household_id, nik(2), today=TODAY
            )
    again = await village.household(1, [child])

    assert not (await _household(kampung, village.code, household_id))["active"]
    assert [s["left_on"] for s in await village.stays(head)] == [TODAY, None]
    number = (await _household(kampung, village.code, again))["number"]
    assert number == village_prefix(village.code) + "00002"
    assert await village.audit(household_id) == ["create", "dissolve"]


async def test_the_database_refuses_a_second_open_stay(kampung, houses) -> None:
    village = await houses()
    _, (head,) = await village.family_of(1, 1)
    await village.family_of(2, 1)
    await village.household(1, [])
    other = await village.household(2, [])

    with pytest.raises(Exception) as refused:
        async with kampung.scope(village.code):
            await HouseholdMember.insert(
                HouseholdMember(
                    household=other,
                    resident=head,
                    role=2,
                    joined_on=TODAY,
                    recorded_by="test",
                    recorded_at=dt.datetime.now(dt.UTC),
                )
            )
    assert "unique" in str(refused.value).lower() or "duplicate" in str(refused.value).lower()
