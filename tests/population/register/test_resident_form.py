"""Creating and editing a resident: NIK rules, warnings, regency-wide uniqueness, concurrency."""

from __future__ import annotations

from core.audit.tables import Disclosure
from plugins.population.tables import Resident


async def _resident(kampung, village, resident_id: int) -> dict:
    async with kampung.scope(village.code):
        return await Resident.select().where(Resident.id == resident_id).first()


async def test_nik_structure_error_is_shown_next_to_the_field(kampung, register) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    form = {**register.person(1, nik="35270114059"), "idempotency_key": "k" * 32}

    response = await client.post(f"{village.url}/penduduk/baru", data=form)

    assert response.status_code == 422
    assert 'id="f-nik-error"' in response.text
    assert 'value="Budi Santoso"' in response.text
    async with kampung.scope(village.code):
        assert await Resident.count() == 0


async def test_nik_mismatch_is_a_warning_the_operator_accepts(kampung, register) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    form = {**register.person(1, birth_date="1991-05-14"), "idempotency_key": "a" * 32}

    warned = await client.post(f"{village.url}/penduduk/baru", data=form)
    assert warned.status_code == 422
    assert "Saya sudah memeriksa" in warned.text
    assert "Tanggal lahir di NIK" in warned.text

    accepted = await client.post(f"{village.url}/penduduk/baru", data={**form, "nik_checked": "1"})
    assert accepted.status_code == 303
    resident_id = int(accepted.headers["location"].rsplit("/", 1)[1])
    stored = await _resident(kampung, village, resident_id)
    assert stored["nik"] == "3527011405900001"
    assert stored["name_key"] == "budi santoso"


async def test_double_submit_creates_one_resident(kampung, register) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    form = {**register.person(1), "idempotency_key": "b" * 32}

    first = await client.post(f"{village.url}/penduduk/baru", data=form)
    second = await client.post(f"{village.url}/penduduk/baru", data=form)

    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    async with kampung.scope(village.code):
        assert await Resident.count() == 1


async def test_living_nik_in_another_village_is_refused(kampung, register) -> None:
    village_a = await kampung.village(0)
    village_b = await kampung.village(1)
    await register.resident(village_b, 7)
    client = await kampung.login("village_operator", village_a)
    form = {**register.person(7), "idempotency_key": "c" * 32}

    page = await client.post(f"{village_a.url}/penduduk/baru", data=form)
    api = await client.post(
        f"{village_a.api}/penduduk", json={**register.person(7), "idempotency_key": "d" * 32}
    )

    assert page.status_code == 422
    assert "NIK sudah terdaftar sebagai penduduk hidup di kabupaten ini" in page.text
    assert api.status_code == 422
    assert "kabupaten ini" in api.json()["errors"]["nik"]


async def test_temporary_nik_for_a_newborn(kampung, register) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    form = {**register.person(1, nik="", nik_temporary="1"), "idempotency_key": "e" * 32}

    response = await client.post(f"{village.url}/penduduk/baru", data=form)

    assert response.status_code == 303
    resident_id = int(response.headers["location"].rsplit("/", 1)[1])
    stored = await _resident(kampung, village, resident_id)
    assert stored["nik_temporary"] is True
    assert stored["nik"] == "00" + village.code.replace(".", "") + "0001"


async def test_second_save_of_a_stale_form_is_refused_and_the_first_kept(kampung, register) -> None:
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    first = await kampung.login("village_operator", village)
    second = await kampung.login("village_operator", village)
    url = f"{village.url}/penduduk/{resident_id}/ubah"
    assert 'name="version" value="1"' in (await first.get(url)).text

    saved = await first.post(url, data={**register.person(1, name="Budi Pertama"), "version": "1"})
    stale = await second.post(url, data={**register.person(1, name="Budi Kedua"), "version": "1"})

    assert saved.status_code == 303
    assert stale.status_code == 409
    assert "sudah diubah oleh petugas lain" in stale.text
    stored = await _resident(kampung, village, resident_id)
    assert stored["name"] == "Budi Pertama"
    assert stored["version"] == 2


async def test_edit_is_audited_and_the_read_is_in_the_access_trail(kampung, register) -> None:
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    client = await kampung.login("village_operator", village)

    await client.get(f"{village.url}/penduduk/{resident_id}")
    await client.post(
        f"{village.url}/penduduk/{resident_id}/ubah",
        data={**register.person(1, name="Budi Baru"), "version": "1"},
    )

    entries = await register.audit(village, "resident", resident_id)
    assert [e["action"] for e in entries] == ["create", "update"]
    assert '"Budi Santoso"' in str(entries[1]["before"])
    assert '"Budi Baru"' in str(entries[1]["after"])
    async with kampung.scope(village.code):
        read = await Disclosure.select().where(Disclosure.kind == "population.resident.detail")
    assert [f"|resident:{resident_id}|" in r["subjects"] for r in read] == [True]


async def test_api_creates_with_idempotency_key(kampung, register) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    body = {**register.person(3), "idempotency_key": "api-key-0001"}

    created = await client.post(f"{village.api}/penduduk", json=body)
    repeated = await client.post(f"{village.api}/penduduk", json=body)

    assert created.status_code == 201, created.text
    assert repeated.status_code == 200
    assert created.json()["id"] == repeated.json()["id"]
    assert created.json()["nik"] == "3527011405900003"
