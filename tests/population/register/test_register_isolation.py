"""A village operator sees and changes only their own village's residents."""

from __future__ import annotations


async def test_operator_cannot_read_or_change_other_village_resident(kampung, register) -> None:
    village_a = await kampung.village(0)
    village_b = await kampung.village(1)
    theirs = await register.resident(village_b, 1, name="Siti Warga B")
    client = await kampung.login("village_operator", village_a)

    assert (await client.get(f"{village_a.url}/penduduk/{theirs}")).status_code == 404
    assert (await client.get(f"{village_a.url}/penduduk/{theirs}/ubah")).status_code == 404
    edit = await client.post(
        f"{village_a.url}/penduduk/{theirs}/ubah",
        data={**register.person(1, name="Diubah"), "version": "1"},
    )
    assert edit.status_code == 404
    assert (await client.get(f"{village_a.api}/penduduk/{theirs}")).status_code == 404
    listing = await client.get(f"{village_a.api}/penduduk", params={"status": "semua"})
    assert listing.json()["total"] == 0
    assert (await client.get(f"{village_b.url}/penduduk/{theirs}")).status_code in {403, 404}

    owner = await kampung.login("village_operator", village_b)
    shown = await owner.get(f"{village_b.api}/penduduk/{theirs}")
    assert shown.status_code == 200
    assert shown.json()["name"] == "Siti Warga B"
