"""A village admin reads who changed and who saw a resident; the portal shows a citizen theirs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.audit.tables import Disclosure
from core.auth.passwords import hash_password
from core.testing.harness import csrf_ready
from plugins.population.tables import CitizenAccount

KK = "3527011201200001"
PIN = "582914"


async def _family(register: Any, village: Any) -> tuple[int, int, int]:
    family_id = await register.family(village, KK)
    head = await register.resident(village, 1, name="Ayah", kk_number=KK, relationship="1")
    child = await register.resident(village, 2, name="Anak", kk_number=KK, relationship="4")
    return family_id, head, child


async def test_village_admin_sees_who_changed_and_who_viewed_a_resident(kampung, register) -> None:
    village = await kampung.village()
    _, head, _ = await _family(register, village)
    operator = await kampung.login("village_operator", village)
    await operator.get(f"{village.url}/penduduk/{head}")
    await operator.post(
        f"{village.url}/penduduk/{head}/ubah",
        data={**register.person(1, name="Ayah Baru"), "version": "1"},
    )
    admin = await kampung.login("village_admin", village)

    detail = await admin.get(f"{village.url}/penduduk/{head}")
    history = await admin.get(f"{village.url}/penduduk/{head}/riwayat")

    assert f"/penduduk/{head}/riwayat" in detail.text
    assert history.status_code == 200
    assert "mengubah" in history.text and "membuat" in history.text
    assert "Operator Desa" in history.text and "Data penduduk" in history.text
    assert "Admin Desa" in history.text
    async with kampung.scope(village.code):
        last = await Disclosure.select().order_by(Disclosure.id, ascending=False).first()
    assert last["kind"] == "population.resident.history"
    assert f"|resident:{head}|" in last["subjects"]


async def test_history_of_another_villages_resident_is_not_found(kampung, register) -> None:
    village = await kampung.village()
    other = await kampung.village(1)
    _, head, _ = await _family(register, village)
    await (await kampung.login("village_operator", village)).get(f"{village.url}/penduduk/{head}")
    foreign_admin = await kampung.login("village_admin", other)
    operator = await kampung.login("village_operator", village)

    foreign = await foreign_admin.get(f"{other.url}/penduduk/{head}/riwayat")
    refused = await operator.get(f"{village.url}/penduduk/{head}/riwayat")

    assert foreign.status_code == 404
    assert refused.status_code == 403
    assert "riwayat" not in (await operator.get(f"{village.url}/penduduk/{head}")).text


async def _citizen(kampung: Any, village: Any, resident_id: int, nik: str) -> Any:
    async with kampung.scope(village.code):
        await CitizenAccount.insert(
            CitizenAccount(
                village_code=village.code,
                resident=resident_id,
                nik=nik,
                pin_hash=await hash_password(PIN),
                must_change_pin=False,
                active=True,
                created_at=datetime.now(UTC),
            )
        )
    client = kampung.client()
    await csrf_ready(client)
    response = await client.post("/warga/masuk", data={"nik": nik, "pin": PIN})
    assert response.status_code == 303, response.text[:300]
    return client


async def test_citizen_sees_who_opened_their_familys_data_and_only_that(kampung, register) -> None:
    village = await kampung.village()
    family_id, _, child = await _family(register, village)
    stranger = await register.resident(village, 3, name="Tetangga")
    operator = await kampung.login("village_operator", village)
    await operator.get(f"{village.url}/keluarga/{family_id}")
    await operator.get(f"{village.url}/penduduk/{stranger}/ubah")
    citizen = await _citizen(kampung, village, child, "3527011405900002")

    home = await citizen.get(f"{village.url}/warga")
    page = await citizen.get(f"{village.url}/warga/akses")

    assert f"{village.url}/warga/akses" in home.text
    assert page.status_code == 200
    assert "Data keluarga" in page.text and "Operator Desa" in page.text
    assert "Portal warga: data keluarga" in page.text
    assert "Formulir ubah data penduduk" not in page.text
    async with kampung.scope(village.code):
        last = await Disclosure.select().order_by(Disclosure.id, ascending=False).first()
    assert (last["kind"], last["actor"]) == (
        "population.portal.trail",
        f"warga:{village.code}:{child}",
    )


async def test_citizen_of_another_family_does_not_see_these_accesses(kampung, register) -> None:
    village = await kampung.village()
    family_id, _, _ = await _family(register, village)
    stranger = await register.resident(village, 3, name="Tetangga")
    operator = await kampung.login("village_operator", village)
    await operator.get(f"{village.url}/keluarga/{family_id}")
    citizen = await _citizen(kampung, village, stranger, "3527011405900003")

    page = await citizen.get(f"{village.url}/warga/akses")

    assert page.status_code == 200
    assert "Data keluarga" not in page.text
    assert "Belum ada akses tercatat." in page.text
