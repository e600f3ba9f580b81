"""The mutation book and the recap balance: start + births − deaths + in − out = end."""

from __future__ import annotations

import datetime as dt

from plugins.population.register.events import record_event


async def test_mutation_book_and_recap_for_the_month(kampung, register) -> None:
    village = await kampung.village()
    today = dt.date.today()
    alive = await register.resident(village, 1, name="Pak Hidup")
    dead = await register.resident(village, 2, name="Mbah Wafat")
    async with kampung.scope(village.code):
        await record_event(
            kampung.kernel, village.code, "test", dead, 2, today, today, {"cause": 1}
        )
    client = await kampung.login("village_secretary", village)
    month = f"{today:%Y-%m}"

    book = await client.get(f"{village.url}/mutasi", params={"bulan": month})
    recap = await client.get(f"{village.url}/rekap", params={"bulan": month})

    assert book.status_code == 200
    assert "Mbah Wafat" in book.text and "Pak Hidup" not in book.text
    assert recap.status_code == 200
    cells = recap.text.split('<table class="recap">')[1].split("</table>")[0]
    assert "<td>2</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>" in cells
    assert alive


async def test_dashboard_shows_register_widgets(kampung, register) -> None:
    village = await kampung.village()
    await register.resident(village, 1)
    client = await kampung.login("village_operator", village)

    dashboard = await client.get(village.url + "/")

    assert "Kartu Keluarga" in dashboard.text
    assert f'href="{village.url}/penduduk"' in dashboard.text
