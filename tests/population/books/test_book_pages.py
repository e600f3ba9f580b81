"""The books as pages: the index, each book filtered by hamlet/RW/RT and paged, kept to its
village, and written to the access trail."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime

from core.localtime import local_today
from plugins.population.books.rows import PAGE_SIZE
from plugins.population.register.events import record_event
from plugins.population.tables import Resident


async def test_index_links_every_population_book_and_each_opens(kampung, books_village) -> None:
    village = await books_village()
    client = await kampung.login("village_secretary", village.village)
    base = village.village.url

    index = await client.get(f"{base}/buku")

    assert index.status_code == 200
    for path in ("/buku/induk", "/mutasi", "/rekap", "/buku/sementara", "/buku/ktp-kk"):
        assert f'href="{base}{path}"' in index.text, path
        assert (await client.get(base + path)).status_code == 200, path
    assert "Buku Penduduk Sementara" in index.text and "Buku KTP dan KK" in index.text


async def test_menu_offers_the_books_to_staff(kampung, books_village) -> None:
    village = await books_village()
    client = await kampung.login("village_operator", village.village)

    dashboard = await client.get(village.village.url + "/")

    assert f'href="{village.village.url}/buku"' in dashboard.text


async def test_induk_lists_living_residents_with_labels_and_hides_the_dead(
    kampung, books_village
) -> None:
    village = await books_village()
    await village.resident(1, name="Siti Hidup")
    dead = await village.resident(2, name="Mbah Wafat")
    today = local_today()
    async with kampung.scope(village.village.code):
        await record_event(
            kampung.kernel, village.village.code, "t", dead, 2, today, today, {"cause": 1}
        )
    client = await kampung.login("village_head", village.village)

    page = await client.get(f"{village.village.url}/buku/induk")

    assert page.status_code == 200
    assert "Siti Hidup" in page.text and "Mbah Wafat" not in page.text
    assert "3527015405900001" in page.text and "14-05-1990" in page.text
    assert "Mengurus Rumah Tangga" in page.text and "SLTA/Sederajat" in page.text


async def test_books_filter_by_hamlet_rw_and_rt(kampung, books_village) -> None:
    village = await books_village()
    await village.resident(1, name="Warga Krajan", rt="1")
    await village.resident(2, name="Warga Rt Tiga", rt="3")
    await village.resident(3, name="Warga Temor", dusun="Temor", rt="1")
    client = await kampung.login("village_operator", village.village)
    url = f"{village.village.url}/buku/ktp-kk"

    page = await client.get(url, params={"dusun": "Krajan", "rw": "2", "rt": "1"})

    assert "Warga Krajan" in page.text
    assert "Warga Rt Tiga" not in page.text and "Warga Temor" not in page.text


async def test_a_bad_rt_is_named_and_kept_in_the_form(kampung, books_village) -> None:
    village = await books_village()
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/buku/induk", params={"rt": "satu"})

    assert page.status_code == 200
    assert "RT harus berupa angka, paling banyak 3 digit" in page.text
    assert 'value="satu"' in page.text


async def test_book_pages_run_on_across_pages(kampung, books_village) -> None:
    village = await books_village()
    now = datetime.now(UTC)
    code = village.village.code
    async with kampung.scope(code):
        await Resident.insert(
            *[
                Resident(
                    village_code=code,
                    nik=f"35270141019{n:05d}",
                    name=f"WARGA {n:03d}",
                    name_key=f"warga {n:03d}",
                    sex=1,
                    dusun="Krajan",
                    created_at=now,
                    updated_at=now,
                )
                for n in range(PAGE_SIZE + 3)
            ]
        )
    client = await kampung.login("village_operator", village.village)

    second = await client.get(f"{village.village.url}/buku/induk", params={"page": "2"})

    assert second.status_code == 200
    assert "WARGA 050" in second.text and "WARGA 049" not in second.text
    assert f">{PAGE_SIZE + 1}</td>" in second.text
    assert "Halaman 2 dari 2" in second.text


async def test_sementara_lists_newcomers_with_origin_and_dates(kampung, books_village) -> None:
    village = await books_village()
    kk = "3527010101260001"
    await village.family(kk)
    await village.resident(1, name="Pak Tuan Rumah", kk_number=kk, sex="1", nik="3527011405900001")
    arrived = local_today() - dt.timedelta(days=3)
    await village.newcomer(
        2,
        arrived,
        "Desa Torjun, Sampang",
        "Bekerja",
        name="Bu Pendatang",
        kk_number=kk,
        relationship="9",
    )
    await village.resident(3, name="Warga Asli")
    client = await kampung.login("village_operator", village.village)

    page = await client.get(f"{village.village.url}/buku/sementara")

    assert "Bu Pendatang" in page.text and "Warga Asli" not in page.text
    assert "Desa Torjun, Sampang" in page.text and "Bekerja" in page.text
    assert arrived.strftime("%d-%m-%Y") in page.text
    assert "Pak Tuan Rumah, Jl. Mawar 12" in page.text


async def test_a_village_sees_only_its_own_book(kampung, books_village) -> None:
    ours = await books_village(0)
    theirs = await books_village(1)
    await ours.resident(1, name="Warga Kami")
    await theirs.resident(2, name="Warga Tetangga")
    client = await kampung.login("village_operator", ours.village)

    page = await client.get(f"{ours.village.url}/buku/induk")
    foreign = await client.get(f"{theirs.village.url}/buku/induk")
    foreign_pdf = await client.get(f"{theirs.village.url}/buku/induk.pdf")

    assert "Warga Kami" in page.text and "Warga Tetangga" not in page.text
    assert foreign.status_code in (403, 404) and foreign_pdf.status_code in (403, 404)


async def test_a_book_page_is_written_to_the_access_trail(kampung, books_village) -> None:
    village = await books_village()
    resident = await village.resident(1)
    client = await kampung.login("village_operator", village.village)

    await client.get(f"{village.village.url}/buku/induk", params={"dusun": "Krajan"})

    [entry] = await village.disclosures("population.book.page")
    assert f"|resident:{resident}|" in entry["subjects"]
    assert entry["total"] == 1 and entry["query"]["dusun"] == "Krajan"
