"""Every register page opens for staff; writing pages are closed to read-only roles."""

from __future__ import annotations

KK = "3527011201200001"


async def test_register_pages_open_for_the_operator(kampung, register) -> None:
    village = await kampung.village()
    family_id = await register.family(village, KK)
    resident_id = await register.resident(village, 1, kk_number=KK, relationship="1")
    client = await kampung.login("village_operator", village)
    pages = [
        "/penduduk",
        "/penduduk/baru",
        f"/penduduk/{resident_id}",
        f"/penduduk/{resident_id}/ubah",
        f"/penduduk/{resident_id}/peristiwa/baru",
        "/keluarga",
        "/keluarga/baru",
        f"/keluarga/{family_id}",
        f"/keluarga/{family_id}/kepala",
        f"/keluarga/{family_id}/pecah",
        "/mutasi",
        "/rekap",
    ]
    for page in pages:
        response = await client.get(village.url + page)
        assert response.status_code == 200, (page, response.text[:500])
    assert "3527011405900001" in (await client.get(village.url + "/penduduk")).text


async def test_village_head_reads_but_cannot_write(kampung, register) -> None:
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    head = await kampung.login("village_head", village)

    assert (await head.get(f"{village.url}/penduduk/{resident_id}")).status_code == 200
    assert (await head.get(f"{village.url}/penduduk/baru")).status_code == 403
    denied = await head.post(f"{village.api}/penduduk", json={"idempotency_key": "x" * 16})
    assert denied.status_code == 403
