"""The area pages under a village (`/wilayah`), over HTTP as an operator and a viewer use them."""

from __future__ import annotations

import csv
import io

from plugins.population.areas.names import DUSUN, RT, RW
from plugins.population.areas.places import all_areas


async def _areas(village) -> list[dict]:
    async with village.kampung.scope(village.code):
        return await all_areas()


async def test_the_tree_shows_heads_counts_and_the_unplaced_row(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    ward = await village.add(RW, "1", hamlet)
    await village.add(RT, "2", ward)
    await village.family("Krajan", "001", "002", men=2, women=1)
    await village.family("Pesisir", "003", "001", women=2)
    head = await village.resident(None, name="Abdul Karim")
    client = await kampung.login("village_operator", village.village)

    set_head = await client.post(
        f"{village.village.url}/wilayah/{hamlet}/kepala", data={"head_nik": head["nik"]}
    )
    page = await client.get(f"{village.village.url}/wilayah")

    assert set_head.status_code == 303, set_head.text
    assert page.status_code == 200
    assert f'href="{village.village.url}/wilayah/{hamlet}">Dusun Krajan</a>' in page.text
    assert "Abdul Karim" in page.text
    assert "Belum terdaftar di wilayah" in page.text
    assert '<td data-label="Penduduk" class="number">3</td>' in page.text
    assert '<td data-label="Penduduk" class="number">6</td>' in page.text
    # An RW row is set in under its hamlet by its class, with no "· " read out before its name.
    assert '<tr class="indent-1">' in page.text and "· <a" not in page.text


async def test_an_operator_adds_a_hamlet_an_rw_and_an_rt(kampung, register) -> None:
    village = await register()
    client = await kampung.login("village_operator", village.village)
    base = f"{village.village.url}/wilayah"

    added = await client.post(
        base, data={"level": "dusun", "name": "Krajan", "idempotency_key": "k" * 20}
    )
    again = await client.post(
        base, data={"level": "dusun", "name": "Krajan", "idempotency_key": "k" * 20}
    )
    (hamlet,) = await _areas(village)
    ward = await client.post(
        base, data={"level": "rw", "parent": hamlet["id"], "child_name": "1", "back": hamlet["id"]}
    )
    wards = [a for a in await _areas(village) if a["level"] == "rw"]
    unit = await client.post(
        base,
        data={"level": "rt", "parent": wards[0]["id"], "rt_name": "3", "back": hamlet["id"]},
    )

    assert added.status_code == again.status_code == 303
    assert added.headers["location"] == again.headers["location"] == f"{base}/{hamlet['id']}"
    assert ward.status_code == unit.status_code == 303
    page = await client.get(f"{base}/{hamlet['id']}")
    assert "RW 001" in page.text and "RT 003" in page.text
    assert len(await _areas(village)) == 3


async def test_a_bad_area_comes_back_with_the_message_and_what_was_typed(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    client = await kampung.login("village_operator", village.village)
    base = f"{village.village.url}/wilayah"

    duplicate = await client.post(base, data={"level": "dusun", "name": "krajan"})
    empty = await client.post(base, data={"level": "dusun", "name": "  "})
    loose_rt = await client.post(
        base, data={"level": "rt", "parent": "", "rt_name": "7", "back": hamlet}
    )

    assert duplicate.status_code == empty.status_code == loose_rt.status_code == 422
    assert "Dusun krajan sudah ada di desa ini." in duplicate.text
    assert 'value="krajan"' in duplicate.text
    assert "Nama dusun wajib diisi." in empty.text
    assert "RT harus berada di dalam RW: pilih RW-nya." in loose_rt.text
    assert 'name="rt_name" value="7"' in loose_rt.text
    assert len(await _areas(village)) == 1


async def test_a_head_not_living_in_the_village_is_refused_on_the_page(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    dead = await village.resident(None, name="Moh Hasan", status=2)
    client = await kampung.login("village_operator", village.village)

    response = await client.post(
        f"{village.village.url}/wilayah/{hamlet}/kepala", data={"head_nik": dead["nik"]}
    )

    assert response.status_code == 422
    assert "tidak lagi berstatus hidup di desa ini" in response.text
    assert f'value="{dead["nik"]}"' in response.text


async def test_removing_an_area_in_use_says_how_many_kk_use_it(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    await village.family("Krajan", men=1)
    unused = await village.add(DUSUN, "Barat")
    client = await kampung.login("village_operator", village.village)
    base = f"{village.village.url}/wilayah"

    refused = await client.post(f"{base}/{hamlet}/hapus")
    removed = await client.post(f"{base}/{unused}/hapus")

    assert refused.status_code == 422
    assert "Dusun Krajan masih dipakai 1 KK" in refused.text
    assert removed.status_code == 303 and removed.headers["location"] == base
    assert [a["id"] for a in await _areas(village)] == [hamlet]


async def test_renaming_on_the_page_keeps_the_families_in_the_hamlet(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    await village.family("Krajan", men=2)
    client = await kampung.login("village_operator", village.village)

    response = await client.post(
        f"{village.village.url}/wilayah/{hamlet}/nama", data={"name": "Krajan Lor"}
    )

    assert response.status_code == 303
    found = await village.statistics()
    assert (found.rows[0].area["name"], found.rows[0].tally.residents) == ("Krajan Lor", 2)


async def test_the_import_button_adds_the_families_areas_once(kampung, register) -> None:
    village = await register()
    await village.family("Krajan", "001", "002")
    client = await kampung.login("village_operator", village.village)

    first = await client.post(f"{village.village.url}/wilayah/impor")
    count = len(await _areas(village))
    second = await client.post(f"{village.village.url}/wilayah/impor")

    assert first.status_code == second.status_code == 303
    assert count == len(await _areas(village)) == 3


async def test_the_csv_lists_every_area_and_adds_up(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "=Krajan")
    await village.add(RW, "1", hamlet)
    await village.family("=krajan", "001", "", men=1, women=1)
    await village.family("Lain", women=1)
    client = await kampung.login("village_secretary", village.village)

    response = await client.get(f"{village.village.url}/wilayah/statistik.csv")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == [
        "Dusun",
        "RW",
        "RT",
        "Kepala/Ketua",
        "Penduduk",
        "Laki-laki",
        "Perempuan",
        "KK",
    ]
    assert rows[1] == ["'=Krajan", "", "", "", "2", "1", "1", "1"]
    assert rows[2] == ["'=Krajan", "001", "", "", "2", "1", "1", "1"]
    assert rows[3] == ["'=Krajan", "001", "RT belum terdaftar", "", "2", "1", "1", "1"]
    assert rows[-2] == ["Belum terdaftar di wilayah", "", "", "", "1", "0", "1", "1"]
    assert rows[-1] == ["Jumlah", "", "", "", "3", "1", "2", "2"]


async def test_a_viewer_reads_but_does_not_change(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    client = await kampung.login("village_secretary", village.village)

    page = await client.get(f"{village.village.url}/wilayah")
    detail = await client.get(f"{village.village.url}/wilayah/{hamlet}")
    write = await client.post(f"{village.village.url}/wilayah", data={"name": "Barat"})

    assert page.status_code == detail.status_code == 200
    assert "Tambah dusun" not in page.text and "Impor dari data keluarga" not in page.text
    assert "/hapus" not in detail.text
    assert write.status_code == 403
    assert len(await _areas(village)) == 1


async def test_another_village_s_areas_never_show(kampung, register) -> None:
    village, other = await register(0), await register(1)
    theirs = await other.add(DUSUN, "Dusun Seberang")
    await other.family("Dusun Seberang", men=4)
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/wilayah")
    foreign = await client.get(f"{village.village.url}/wilayah/{theirs}")
    rename = await client.post(
        f"{village.village.url}/wilayah/{theirs}/nama", data={"name": "Diambil"}
    )
    download = await client.get(f"{village.village.url}/wilayah/statistik.csv")

    assert "Dusun Seberang" not in page.text
    assert foreign.status_code == rename.status_code == 404
    assert "Seberang" not in download.text
    assert [a["name"] for a in await _areas(other)] == ["Dusun Seberang"]


async def test_the_suggestions_list_the_recorded_areas(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    await village.add(RW, "4", hamlet)
    client = await kampung.login("village_operator", village.village)

    response = await client.get(
        f"{village.village.url}/wilayah/saran", headers={"hx-request": "true"}
    )

    assert '<datalist id="wilayah-dusun"><option value="Krajan"></datalist>' in response.text
    assert '<option value="004">' in response.text


async def test_the_recap_links_to_the_areas(kampung, register) -> None:
    village = await register()
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/rekap")

    assert f'<a href="{village.village.url}/wilayah">Penduduk per dusun, RW dan RT</a>' in page.text


async def test_a_removal_sent_twice_answers_the_same(kampung, register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Barat")
    client = await kampung.login("village_operator", village.village)
    url = f"{village.village.url}/wilayah/{hamlet}/hapus"

    first = await client.post(url, data={"idempotency_key": "r" * 20})
    second = await client.post(url, data={"idempotency_key": "r" * 20})

    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert await _areas(village) == []
