"""Children come from the register: a birth enrols the newborn in the same transaction, older
under-fives are found through the register and enrolled by hand, and every read is in the
access trail."""

from __future__ import annotations

import datetime as dt

from conftest import Register, signed_in

from core.audit import disclosures_of
from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from plugins.health.tables import Child, Posyandu


async def test_a_birth_in_the_register_enrols_the_newborn_at_the_hamlets_posyandu(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    async with kampung.scope(village.code):
        await Posyandu.insert(Posyandu(name="Posyandu Mawar", dusun="Krajan"))
        posyandu_id = (await Posyandu.select(Posyandu.id).first())["id"]
    born = local_today() - dt.timedelta(days=1)
    resident_id = await register.resident("AYU LESTARI", "P", born, birth=True)
    async with kampung.scope(village.code):
        rows = await Child.select(
            Child.resident_id, Child.posyandu, Child.sex, Child.birth_date, Child.enrolled_by
        )
    assert rows == [
        {
            "resident_id": resident_id,
            "posyandu": posyandu_id,
            "sex": "P",
            "birth_date": born,
            "enrolled_by": "kelahiran",
        }
    ]


async def test_a_resident_recorded_without_a_birth_is_not_enrolled_until_chosen(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    born = local_today() - dt.timedelta(days=400)
    resident_id = await register.resident("BAYU PRATAMA", "L", born)
    await register.resident("KAKEK TUA", "L", dt.date(1950, 1, 1))
    async with kampung.scope(village.code):
        assert await Child.count() == 0
    midwife = await signed_in(kampung, "village_midwife", village)
    found = (await midwife.get(f"{village.url}/kesehatan/anak/cari")).text
    assert "BAYU PRATAMA" in found and "KAKEK TUA" not in found
    response = await midwife.post(
        f"{village.url}/kesehatan/anak", data={"resident_id": str(resident_id), "has_kia_book": "1"}
    )
    assert response.status_code == 303
    page = await midwife.get(response.headers["location"])
    assert "BAYU PRATAMA" in page.text
    again = await midwife.post(
        f"{village.url}/kesehatan/anak", data={"resident_id": str(resident_id)}
    )
    assert again.headers["location"] == response.headers["location"]
    async with kampung.scope(village.code):
        assert await Child.count() == 1


async def test_an_adult_cannot_be_enrolled(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    adult = await register.resident("KAKEK TUA", "L", dt.date(1950, 1, 1))
    midwife = await signed_in(kampung, "village_midwife", village)
    response = await midwife.post(f"{village.url}/kesehatan/anak", data={"resident_id": str(adult)})
    assert response.status_code == 422
    assert "Pilih balita dari data penduduk desa ini." in response.text


async def test_reading_a_childs_record_is_in_the_access_trail(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    resident_id = await register.resident("AYU LESTARI", "P", local_today(), birth=True)
    async with kampung.scope(village.code):
        child_id = (await Child.select(Child.id).first())["id"]
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    assert (await cadre.get(f"{village.url}/kesehatan/anak/{child_id}")).status_code == 200
    async with kampung.scope(village.code):
        trail = await disclosures_of(village.code, [("health_child", child_id)])
    assert len(trail) == 1
    assert trail[0]["kind"] == "health.child.record"
    assert f"|resident:{resident_id}|" in trail[0]["subjects"]
    assert trail[0]["actor_roles"] == "posyandu_cadre"


async def test_the_list_of_children_is_in_the_access_trail(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    await register.resident("AYU LESTARI", "P", local_today(), birth=True)
    async with kampung.scope(village.code):
        child_id = (await Child.select(Child.id).first())["id"]
    midwife = await signed_in(kampung, "village_midwife", village)
    await midwife.get(f"{village.url}/kesehatan/anak")
    async with kampung.scope(village.code):
        trail = await disclosures_of(village.code, [("health_child", child_id)])
    assert [(t["kind"], t["total"]) for t in trail] == [("health.child.list", 1)]
