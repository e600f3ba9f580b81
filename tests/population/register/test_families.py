"""Family cards: one living head per KK, members moved, a KK split into a new number."""

from __future__ import annotations

from plugins.population.tables import Family, Resident

KK = "3527011201200001"
NEW_KK = "3527010302210002"


async def _members(kampung, village) -> dict[str, tuple[int | None, int]]:
    async with kampung.scope(village.code):
        rows = await Resident.select(Resident.name, Resident.family, Resident.relationship)
    return {r["name"]: (r["family"], r["relationship"]) for r in rows}


async def _family_of_three(kampung, register, village) -> tuple[int, dict[str, int]]:
    family_id = await register.family(village, KK)
    ids = {
        "Ayah": await register.resident(village, 1, name="Ayah", kk_number=KK, relationship="1"),
        "Ibu": await register.resident(village, 2, name="Ibu", kk_number=KK, relationship="3"),
        "Anak": await register.resident(village, 3, name="Anak", kk_number=KK, relationship="4"),
    }
    return family_id, ids


async def test_change_head_leaves_exactly_one_head(kampung, register) -> None:
    village = await kampung.village()
    family_id, ids = await _family_of_three(kampung, register, village)
    client = await kampung.login("village_operator", village)

    response = await client.post(
        f"{village.url}/keluarga/{family_id}/kepala",
        data={"new_head": str(ids["Ibu"]), "old_head_relationship": "2"},
    )

    assert response.status_code == 303
    members = await _members(kampung, village)
    assert members["Ibu"] == (family_id, 1)
    assert members["Ayah"] == (family_id, 2)
    entries = await register.audit(village, "family", family_id)
    assert entries[-1]["action"] == "change_head"


async def test_second_head_is_refused(kampung, register) -> None:
    village = await kampung.village()
    family_id, _ = await _family_of_three(kampung, register, village)
    await register.resident(village, 4, name="Paman")
    client = await kampung.login("village_operator", village)

    response = await client.post(
        f"{village.url}/keluarga/{family_id}/anggota",
        data={"nik": "3527011405900004", "relationship": "1"},
    )

    assert response.status_code == 422
    assert "sudah punya kepala keluarga" in response.text
    assert (await _members(kampung, village))["Paman"] == (None, None)


async def test_split_moves_selected_members_to_a_new_kk(kampung, register) -> None:
    village = await kampung.village()
    family_id, ids = await _family_of_three(kampung, register, village)
    client = await kampung.login("village_operator", village)

    response = await client.post(
        f"{village.url}/keluarga/{family_id}/pecah",
        data={"members": [str(ids["Anak"])], "head": str(ids["Anak"]), "kk_number": NEW_KK},
    )

    assert response.status_code == 303, response.text
    async with kampung.scope(village.code):
        new = await Family.select().where(Family.kk_number == NEW_KK).first()
    members = await _members(kampung, village)
    assert members["Anak"] == (new["id"], 1)
    assert members["Ayah"] == (family_id, 1)
    assert f"/keluarga/{new['id']}" in response.headers["location"]


async def test_split_taking_the_head_away_is_refused(kampung, register) -> None:
    village = await kampung.village()
    family_id, ids = await _family_of_three(kampung, register, village)
    client = await kampung.login("village_operator", village)

    response = await client.post(
        f"{village.url}/keluarga/{family_id}/pecah",
        data={"members": [str(ids["Ayah"])], "head": str(ids["Ayah"]), "kk_number": NEW_KK},
    )

    assert response.status_code == 422
    assert "ganti kepala keluarga KK lama" in response.text


async def test_kk_number_with_impossible_date_is_refused(kampung, register) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)

    response = await client.post(
        f"{village.url}/keluarga/baru", data={"kk_number": "3527013213200001"}
    )

    assert response.status_code == 422
    assert 'id="f-kk_number-error"' in response.text
