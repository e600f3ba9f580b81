"""Finding residents: by name prefix, NIK, RT, age band; paged 50 at a time; htmx gets the table."""

from __future__ import annotations

from core.localtime import local_today
from plugins.population.register.resident_form import read_resident
from plugins.population.register.residents import create_resident


async def _many(kampung, register, village, count: int) -> None:
    async with kampung.scope(village.code):
        for serial in range(1, count + 1):
            values = register.person(
                serial, name=f"Warga {serial:03d}", rt=str(1 + serial % 2), nik_checked="1"
            )
            data = read_resident(values, village_code=village.code, today=local_today()).data
            await create_resident(kampung.kernel, village.code, "test", data)


async def test_search_by_name_prefix_nik_and_rt_with_paging(kampung, register) -> None:
    village = await kampung.village()
    await _many(kampung, register, village, 60)
    await register.resident(village, 99, name="  siti   AMINAH ")
    client = await kampung.login("village_operator", village)
    api = f"{village.api}/penduduk"

    by_name = (await client.get(api, params={"q": "SITI am"})).json()
    assert [r["name"] for r in by_name["items"]] == ["siti AMINAH"]
    by_nik = (await client.get(api, params={"nik": "3527011405900007"})).json()
    assert [r["name"] for r in by_nik["items"]] == ["Warga 007"]
    rt_two = (await client.get(api, params={"rt": "2"})).json()
    assert rt_two["total"] == 30 + 1
    first = (await client.get(api, params={"q": "warga"})).json()
    second = (await client.get(api, params={"q": "warga", "page": 2})).json()
    assert (first["total"], first["pages"], len(first["items"]), len(second["items"])) == (
        60,
        2,
        50,
        10,
    )
    assert second["items"][-1]["name"] == "Warga 060"
    newest = (await client.get(api, params={"q": "warga", "sort": "name", "order": "desc"})).json()
    assert newest["items"][0]["name"] == "Warga 060"
    assert (await client.get(api, params={"age": "30-34"})).json()["total"] in {0, 61}


async def test_list_page_filters_and_swaps_only_the_table_for_htmx(kampung, register) -> None:
    village = await kampung.village()
    await _many(kampung, register, village, 3)
    client = await kampung.login("village_operator", village)

    page = await client.get(f"{village.url}/penduduk", params={"q": "warga 00", "sort": "nik"})
    assert page.status_code == 200
    assert "3527011405900002" in page.text
    assert 'id="data-table"' in page.text
    fragment = await client.get(
        f"{village.url}/penduduk", params={"q": "warga 002"}, headers={"hx-request": "true"}
    )
    assert "Warga 002" in fragment.text and "Warga 001" not in fragment.text
    assert "<html" not in fragment.text
    bad = await client.get(f"{village.url}/penduduk", params={"age_min": "abc"})
    assert bad.status_code == 200
    assert "Umur minimal harus angka" in bad.text
