"""Every register page and API answer that shows personal data writes exactly one trail entry."""

from __future__ import annotations

from typing import Any

from core.audit.tables import Disclosure

KK = "3527011201200001"


async def trail(kampung: Any, code: str) -> list[dict[str, Any]]:
    async with kampung.scope():
        return (
            await Disclosure.select().where(Disclosure.village_code == code).order_by(Disclosure.id)
        )


async def _family(register: Any, village: Any) -> tuple[int, int, int]:
    family_id = await register.family(village, KK)
    head = await register.resident(village, 1, name="Ayah", kk_number=KK, relationship="1")
    child = await register.resident(village, 2, name="Anak", kk_number=KK, relationship="4")
    return family_id, head, child


async def _one_new_entry(kampung, village, client, url: str, **params: Any) -> dict[str, Any]:
    before = len(await trail(kampung, village.code))
    response = await client.get(url, params=params)
    assert response.status_code == 200, response.text[:300]
    entries = (await trail(kampung, village.code))[before:]
    assert len(entries) == 1, entries
    return entries[0]


async def test_resident_list_records_query_count_and_the_rows_shown(kampung, register) -> None:
    village = await kampung.village()
    _, head, child = await _family(register, village)
    client = await kampung.login("village_operator", village)

    entry = await _one_new_entry(kampung, village, client, f"{village.url}/penduduk", q="a")

    assert entry["kind"] == "population.resident.list"
    assert entry["actor"].startswith("village-operator-")
    assert entry["actor_roles"] == "village_operator"
    assert entry["total"] == 2
    assert "q" in str(entry["query"]) and '"a"' in str(entry["query"]).replace("'", '"')
    assert f"|resident:{head}|" in entry["subjects"] and f"|resident:{child}|" in entry["subjects"]
    assert "|#3527011405900001|" in entry["subjects"]


async def test_resident_detail_records_the_resident_and_the_family_shown(kampung, register) -> None:
    village = await kampung.village()
    family_id, head, child = await _family(register, village)
    client = await kampung.login("village_operator", village)

    entry = await _one_new_entry(kampung, village, client, f"{village.url}/penduduk/{head}")

    assert entry["kind"] == "population.resident.detail"
    assert f"|resident:{head}|" in entry["subjects"]
    assert f"|family:{family_id}|" in entry["subjects"]
    assert f"|resident:{child}|" in entry["subjects"]


async def test_edit_form_records_the_resident(kampung, register) -> None:
    village = await kampung.village()
    _, head, _ = await _family(register, village)
    client = await kampung.login("village_operator", village)

    entry = await _one_new_entry(kampung, village, client, f"{village.url}/penduduk/{head}/ubah")

    assert entry["kind"] == "population.resident.form"
    assert f"|resident:{head}|" in entry["subjects"]


async def test_family_list_and_detail_and_forms_record_the_families(kampung, register) -> None:
    village = await kampung.village()
    family_id, head, _ = await _family(register, village)
    client = await kampung.login("village_operator", village)

    listed = await _one_new_entry(kampung, village, client, f"{village.url}/keluarga", kk=KK)
    detail = await _one_new_entry(kampung, village, client, f"{village.url}/keluarga/{family_id}")
    head_form = await _one_new_entry(
        kampung, village, client, f"{village.url}/keluarga/{family_id}/kepala"
    )
    split_form = await _one_new_entry(
        kampung, village, client, f"{village.url}/keluarga/{family_id}/pecah"
    )

    assert (listed["kind"], listed["total"]) == ("population.family.list", 1)
    assert KK in str(listed["query"]) and f"|#{KK}|" in listed["subjects"]
    for entry in (detail, head_form, split_form):
        assert f"|family:{family_id}|" in entry["subjects"]
        assert f"|resident:{head}|" in entry["subjects"]


async def test_api_list_and_get_record_one_entry_each(kampung, register) -> None:
    village = await kampung.village()
    _, head, _ = await _family(register, village)
    client = await kampung.login("village_operator", village)

    listed = await _one_new_entry(
        kampung, village, client, f"{village.api}/penduduk", nik=f"352701140590{1:04d}"
    )
    single = await _one_new_entry(kampung, village, client, f"{village.api}/penduduk/{head}")

    assert (listed["kind"], listed["total"]) == ("population.api.resident.list", 1)
    assert "3527011405900001" in str(listed["query"])
    assert single["kind"] == "population.api.resident"
    assert f"|resident:{head}|" in single["subjects"]


async def test_a_refused_page_records_nothing(kampung, register) -> None:
    village = await kampung.village()
    other = await kampung.village(1)
    _, head, _ = await _family(register, village)
    client = await kampung.login("village_operator", other)

    response = await client.get(f"{other.url}/penduduk/{head}")

    assert response.status_code == 404
    assert await trail(kampung, village.code) == []
    assert await trail(kampung, other.code) == []
