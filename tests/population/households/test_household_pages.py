"""The household pages under a village, over HTTP as an operator and a viewer use them."""

from __future__ import annotations

from plugins.population.households.numbering import village_prefix
from plugins.population.households.tables import Household
from tests.population.households.conftest import nik


async def _only_household(kampung, code: str) -> dict:
    async with kampung.scope(code):
        rows = await Household.select()
    assert len(rows) == 1
    return rows[0]


async def test_the_create_form_offers_the_head_s_kk_all_ticked(kampung, houses) -> None:
    village = await houses()
    _, (_, wife, child) = await village.family_of(1, 3)
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/rumah-tangga/baru?head_nik={nik(1)}")

    assert page.status_code == 200
    assert "Budi Santoso 1" in page.text
    for member in (wife, child):
        assert f'name="members" value="{member}" checked' in page.text


async def test_creating_takes_only_the_ticked_members(kampung, houses) -> None:
    village = await houses()
    _, (head, wife, _) = await village.family_of(1, 3)
    client = await kampung.login("village_operator", village.village)

    response = await client.post(
        f"{village.village.url}/rumah-tangga/baru",
        data={"head_nik": nik(1), "members_listed": "1", "members": [str(wife)]},
    )

    assert response.status_code == 303, response.text
    row = await _only_household(kampung, village.code)
    assert response.headers["location"].endswith(f"/rumah-tangga/{row['id']}")
    detail = await client.get(response.headers["location"])
    assert row["number"] == village_prefix(village.code) + "00001"
    assert row["number"] in detail.text
    assert "Budi Santoso 3" not in detail.text
    assert row["head"] == head


async def test_without_the_member_list_the_whole_kk_joins(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 3)
    client = await kampung.login("village_operator", village.village)

    await client.post(f"{village.village.url}/rumah-tangga/baru", data={"head_nik": nik(1)})

    row = await _only_household(kampung, village.code)
    listing = await client.get(f"{village.village.url}/rumah-tangga")
    assert row["number"] in listing.text
    assert '<td data-label="Anggota">3</td>' in listing.text
    assert '<td data-label="Jumlah KK">1</td>' in listing.text


async def test_a_nik_not_in_the_village_is_named_and_kept(kampung, houses) -> None:
    village = await houses()
    client = await kampung.login("village_operator", village.village)

    response = await client.post(
        f"{village.village.url}/rumah-tangga/baru", data={"head_nik": nik(9)}
    )

    assert response.status_code == 422
    assert f"NIK {nik(9)} tidak terdaftar sebagai penduduk desa ini." in response.text
    assert f'value="{nik(9)}"' in response.text


async def test_a_second_submit_of_one_form_makes_one_household(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 2)
    client = await kampung.login("village_operator", village.village)
    form = {"head_nik": nik(1), "idempotency_key": "household-key-0001"}

    first = await client.post(f"{village.village.url}/rumah-tangga/baru", data=form)
    second = await client.post(f"{village.village.url}/rumah-tangga/baru", data=form)

    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    await _only_household(kampung, village.code)


async def test_the_detail_lists_members_by_kk_and_a_kk_can_join(kampung, houses) -> None:
    village = await houses()
    first_kk, _ = await village.family_of(1, 2)
    second_kk, _ = await village.family_of(3, 2)
    household_id = await village.household(1, [])
    client = await kampung.login("village_operator", village.village)
    url = f"{village.village.url}/rumah-tangga/{household_id}"

    added = await client.post(f"{url}/kk", data={"kk_number": second_kk})
    detail = await client.get(url)

    assert added.status_code == 303
    assert first_kk in detail.text and second_kk in detail.text
    assert "Budi Santoso 4" in detail.text
    assert "Budi Santoso 2" not in detail.text


async def test_adding_a_person_of_another_household_names_it(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    await village.family_of(3, 1)
    theirs = await village.household(1, [child])
    mine = await village.household(3, [])
    number = await _only_number(kampung, village.code, theirs)
    client = await kampung.login("village_operator", village.village)

    response = await client.post(
        f"{village.village.url}/rumah-tangga/{mine}/anggota", data={"nik": nik(2)}
    )

    assert response.status_code == 422
    assert f"sudah menjadi anggota rumah tangga {number}" in response.text
    assert f'value="{nik(2)}"' in response.text


async def _only_number(kampung, code: str, household_id: int) -> str:
    async with kampung.scope(code):
        row = await Household.select(Household.number).where(Household.id == household_id).first()
    return row["number"]


async def test_remove_change_head_and_dissolve_through_the_pages(kampung, houses) -> None:
    village = await houses()
    _, (head, wife, child) = await village.family_of(1, 3)
    household_id = await village.household(1, [wife, child])
    client = await kampung.login("village_operator", village.village)
    url = f"{village.village.url}/rumah-tangga/{household_id}"

    removed = await client.post(f"{url}/anggota/{child}/keluar")
    head_refused = await client.post(f"{url}/anggota/{head}/keluar")
    form = await client.get(f"{url}/kepala")
    changed = await client.post(f"{url}/kepala", data={"new_head": str(wife)})
    dissolved = await client.post(f"{url}/bubar")

    assert removed.status_code == 303
    assert head_refused.status_code == 422
    assert "Kepala rumah tangga tidak bisa dikeluarkan" in head_refused.text
    assert "Budi Santoso 2" in form.text
    assert changed.status_code == 303
    assert dissolved.status_code == 303
    row = await _only_household(kampung, village.code)
    assert row["head"] == wife and not row["active"]
    assert await village.audit(household_id) == [
        "create",
        "remove_member",
        "change_head",
        "dissolve",
    ]
    gone = await client.get(f"{village.village.url}/rumah-tangga?status=bubar")
    assert row["number"] in gone.text
    assert row["number"] not in (await client.get(f"{village.village.url}/rumah-tangga")).text


async def test_choosing_no_new_head_is_refused_naming_the_field(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 2)
    household_id = await village.household(1, [])
    client = await kampung.login("village_operator", village.village)

    response = await client.post(
        f"{village.village.url}/rumah-tangga/{household_id}/kepala", data={"new_head": ""}
    )

    assert response.status_code == 422
    assert "Kepala rumah tangga baru wajib dipilih." in response.text


async def test_the_list_finds_by_number_and_by_the_head_s_name(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 1)
    await village.family_of(2, 1, address="Jl. Melati 9")
    await village.household(1, [])
    await village.household(2, [], number="777001")
    client = await kampung.login("village_operator", village.village)
    base = f"{village.village.url}/rumah-tangga"

    by_number = await client.get(base, params={"q": "777001"})
    by_name = await client.get(base, params={"q": "santoso 1"})
    by_nik = await client.get(base, params={"q": nik(2)})

    assert "777001" in by_number.text and "Budi Santoso 1" not in by_number.text
    assert "Budi Santoso 1" in by_name.text and "777001" not in by_name.text
    assert "777001" in by_nik.text


async def test_another_village_s_household_is_not_found(kampung, houses) -> None:
    mine, theirs = await houses(0), await houses(1)
    await theirs.family_of(1, 1)
    household_id = await theirs.household(1, [])
    client = await kampung.login("village_operator", mine.village)

    page = await client.get(f"{mine.village.url}/rumah-tangga/{household_id}")
    write = await client.post(f"{mine.village.url}/rumah-tangga/{household_id}/bubar")

    assert page.status_code == 404
    assert write.status_code == 404
    assert (await _only_household(kampung, theirs.code))["active"]


async def test_a_viewer_reads_but_is_offered_no_change(kampung, houses) -> None:
    village = await houses()
    _, (_, child) = await village.family_of(1, 2)
    household_id = await village.household(1, [child])
    client = await kampung.login("village_head", village.village)
    url = f"{village.village.url}/rumah-tangga/{household_id}"

    page = await client.get(url)
    refused = await client.post(f"{url}/bubar")

    assert page.status_code == 200
    assert "Budi Santoso 2" in page.text
    assert "/bubar" not in page.text and "/kepala" not in page.text
    assert refused.status_code == 403


async def test_the_resident_page_links_to_the_household(kampung, houses) -> None:
    village = await houses()
    _, (head, child) = await village.family_of(1, 2)
    _, (loner,) = await village.family_of(3, 1)
    household_id = await village.household(1, [child])
    number = await _only_number(kampung, village.code, household_id)
    client = await kampung.login("village_operator", village.village)
    base = village.village.url

    resident_page = await client.get(f"{base}/penduduk/{child}")
    line = await client.get(f"{base}/rumah-tangga/penduduk/{child}", headers={"hx-request": "true"})
    none = await client.get(f"{base}/rumah-tangga/penduduk/{loner}", headers={"hx-request": "true"})
    plain = await client.get(f"{base}/rumah-tangga/penduduk/{head}")

    assert f'hx-get="{base}/rumah-tangga/penduduk/{child}"' in resident_page.text
    assert f'<a href="{base}/rumah-tangga/{household_id}">{number}</a>' in line.text
    assert "Belum tercatat dalam rumah tangga." in none.text
    assert plain.status_code == 303
    assert plain.headers["location"] == f"{base}/rumah-tangga/{household_id}"


async def test_the_menu_offers_households(kampung, houses) -> None:
    village = await houses()
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/keluarga")

    assert f'href="{village.village.url}/rumah-tangga"' in page.text


async def test_looking_up_a_head_already_in_a_household_names_it(kampung, houses) -> None:
    village = await houses()
    await village.family_of(1, 2)
    household_id = await village.household(1, [])
    number = await _only_number(kampung, village.code, household_id)
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/rumah-tangga/baru?head_nik={nik(1)}")

    assert f"sudah menjadi anggota rumah tangga {number}" in page.text
    assert 'name="members"' not in page.text
