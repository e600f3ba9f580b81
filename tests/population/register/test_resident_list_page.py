"""The resident list as an operator uses it: the count follows a live search, filters fold away on a
phone, and the resident page shows dates as DD-MM-YYYY and codes by their labels."""

from __future__ import annotations

import datetime as dt

from lxml import html

from plugins.population.register.events import record_event


def _by_id(page: str, element_id: str) -> html.HtmlElement:
    found = html.fromstring(page).get_element_by_id(element_id)
    assert found is not None, element_id
    return found


async def test_a_live_search_swaps_the_count_with_the_table(kampung, register) -> None:
    village = await kampung.village()
    for serial in range(1, 4):
        await register.resident(village, serial, name=f"Warga {serial}")
    client = await kampung.login("village_operator", village)

    page = await client.get(f"{village.url}/penduduk")
    form = _by_id(page.text, "resident-search")
    swapped = form.get("hx-select")
    assert swapped == form.get("hx-target")
    nothing = await client.get(
        f"{village.url}/penduduk", params={"q": "zzz"}, headers={"hx-request": "true"}
    )

    results = _by_id(nothing.text, swapped.removeprefix("#"))
    text = results.text_content()
    assert "0 penduduk ditemukan" in text
    assert "Tidak ada penduduk yang cocok dengan pencarian." in text
    assert "3 penduduk ditemukan" in _by_id(page.text, swapped.removeprefix("#")).text_content()


async def test_the_filters_fold_unless_one_is_set_and_the_search_box_stays_out(
    kampung, register
) -> None:
    village = await kampung.village()
    await register.resident(village, 1)
    client = await kampung.login("village_operator", village)

    plain = await client.get(f"{village.url}/penduduk", params={"q": "budi"})
    narrowed = await client.get(f"{village.url}/penduduk", params={"dusun": "Krajan"})
    refused = await client.get(f"{village.url}/penduduk", params={"age_min": "abc"})

    folded = _by_id(plain.text, "resident-filters")
    assert folded.tag == "details" and folded.get("open") is None
    assert folded.get("data-open-wide") is not None
    assert {field.get("name") for field in folded.iter("input", "select")} >= {
        "nik", "kk", "dusun", "rw", "rt", "age", "age_min", "age_max", "status",
    }  # fmt: skip
    box = _by_id(plain.text, "f-q")
    assert box.get("form") == "resident-search" and box.get("value") == "budi"
    assert "resident-filters" not in [a.get("id") for a in box.iterancestors()]
    assert _by_id(narrowed.text, "resident-filters").get("open") is not None
    assert "(1 aktif)" in _by_id(narrowed.text, "resident-filters").text_content()
    assert _by_id(refused.text, "resident-filters").get("open") is not None


async def test_the_resident_page_shows_dates_as_dd_mm_yyyy_and_codes_as_labels(
    kampung, register
) -> None:
    village = await kampung.village()
    resident = await register.resident(village, 1, birth_date="2000-05-05", religion="1")
    client = await kampung.login("village_operator", village)

    listing = await client.get(f"{village.url}/penduduk")
    page = await client.get(f"{village.url}/penduduk/{resident}")

    assert "05-05-2000" in listing.text
    details = _by_id(page.text, "main").text_content()
    assert "05-05-2000" in details and "2000-05-05" not in details
    assert "Islam" in details and "Laki-laki" in details


async def test_the_resident_page_shows_event_details_by_their_labels(kampung, register) -> None:
    village = await kampung.village()
    resident = await register.resident(village, 1)
    day = dt.date(2026, 1, 5)
    details = {"destination_kind": "kabupaten", "destination": "Jl. Raya 12, Pamekasan"}
    async with kampung.scope(village.code):
        await record_event(kampung.kernel, village.code, "test", resident, 3, day, day, details)
    client = await kampung.login("village_operator", village)

    page = await client.get(f"{village.url}/penduduk/{resident}")

    details_shown = _by_id(page.text, "main").text_content()
    assert "Klasifikasi pindah: Kabupaten/kota lain dalam satu provinsi" in details_shown
    assert "Alamat tujuan: Jl. Raya 12, Pamekasan" in details_shown
    assert "kabupaten" not in details_shown
    assert "05-01-2026" in details_shown
