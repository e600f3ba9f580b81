"""The mutation book and the recap balance: start + births − deaths + in − out = end."""

from __future__ import annotations

import re

from core.localtime import local_today
from plugins.population.register.events import record_event
from plugins.population.register.status import MOVE_OUT


async def test_mutation_book_and_recap_for_the_month(kampung, register) -> None:
    village = await kampung.village()
    today = local_today()
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
    table = re.search(r'(?s)<table class="recap[^"]*">.*?</table>', recap.text).group(0)
    cells = [c.strip() for c in re.findall(r"(?s)<td[^>]*>(.*?)</td>", table)]
    assert cells == ["2", "0", "1", "0", "0", "0", "1"]
    assert alive


async def test_dashboard_shows_register_widgets(kampung, register) -> None:
    village = await kampung.village()
    await register.resident(village, 1)
    client = await kampung.login("village_operator", village)

    dashboard = await client.get(village.url + "/")

    assert "Kartu Keluarga" in dashboard.text
    assert f'href="{village.url}/penduduk"' in dashboard.text


async def test_the_mutation_book_names_a_moves_classification_not_its_code(
    kampung, register
) -> None:
    village = await kampung.village()
    today = local_today()
    leaving = await register.resident(village, 3, name="Bu Pindah")
    async with kampung.scope(village.code):
        details = {"destination_kind": "kabupaten", "destination": "Kab. Pamekasan"}
        await record_event(
            kampung.kernel, village.code, "test", leaving, MOVE_OUT, today, today, details
        )
    client = await kampung.login("village_secretary", village)
    book = await client.get(f"{village.url}/mutasi", params={"bulan": f"{today:%Y-%m}"})
    assert "Klasifikasi pindah: Kabupaten/kota lain dalam satu provinsi" in book.text
    assert ": kabupaten" not in book.text
