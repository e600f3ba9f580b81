"""Statistics pages of a village, a district and the regency: charts, tables, CSV, walls."""

from __future__ import annotations

import csv
import io

from plugins.population.importing.importer import Target
from plugins.population.importing.runs import import_register
from plugins.population.synthetic.village import write_village_csv


async def _residents(kampung, village, tmp_path, count=80):
    path = tmp_path / f"{village.code}.csv"
    write_village_csv(path, village.code, count, seed=11)
    async with kampung.scope(village.code):
        report, _ = await import_register(kampung.kernel, path, Target(village.code), actor="t")
    return report


async def test_village_statistics_show_charts_with_tables(kampung, tmp_path):
    village = await kampung.village()
    report = await _residents(kampung, village, tmp_path)
    client = await kampung.login("village_head", village)
    page = await client.get(village.url + "/statistik")
    assert page.status_code == 200
    assert page.text.count("<svg") >= 7 and "<table>" in page.text
    assert "Piramida penduduk" in page.text and "Peristiwa kependudukan per bulan" in page.text
    pyramid = await client.get(village.url + "/statistik/piramida.csv")
    rows = list(csv.reader(io.StringIO(pyramid.text)))
    assert rows[0] == ["Kelompok umur", "Laki-laki", "Perempuan"] and len(rows) == 17
    counted = sum(int(male) + int(female) for _, male, female in rows[1:])
    assert counted == report.residents_created
    religion = await client.get(village.url + "/statistik/agama.csv")
    assert religion.status_code == 200 and religion.text.startswith("Agama,Jumlah")


async def test_district_and_regency_statistics_cover_their_villages(kampung, tmp_path):
    village = await kampung.village()
    report = await _residents(kampung, village, tmp_path)
    officer = await kampung.login("regency_officer")
    regency = await officer.get("/kabupaten/statistik/agama.csv")
    assert sum(int(r[1]) for r in list(csv.reader(io.StringIO(regency.text)))[1:]) == (
        report.residents_created
    )
    assert (await officer.get("/kabupaten/statistik")).status_code == 200
    slug = await kampung.district_slug(village.district_code)
    viewer = await kampung.login("district_viewer", village.district_code)
    page = await viewer.get(f"/kecamatan/{slug}/statistik")
    assert page.status_code == 200 and "<svg" in page.text
    csv_page = await viewer.get(f"/kecamatan/{slug}/statistik/pekerjaan.csv")
    assert csv_page.status_code == 200


async def test_village_staff_cannot_see_another_villages_statistics(kampung):
    village = await kampung.village()
    other = await kampung.village(1)
    client = await kampung.login("village_operator", village)
    assert (await client.get(other.url + "/statistik")).status_code in (403, 404)
    assert (await client.get(other.url + "/statistik/agama.csv")).status_code in (403, 404)
    assert (await client.get(village.url + "/statistik/tidak-ada.csv")).status_code == 404


async def test_regency_counts_are_kept_for_minutes_while_a_village_counts_live(kampung, tmp_path):
    """A regency view groups every resident of the regency: the next views within
    FRESH_SECONDS reuse the count (the page says so), while the village's own page is live."""
    village = await kampung.village()
    first = await _residents(kampung, village, tmp_path, count=40)
    officer = await kampung.login("regency_officer")

    async def regency_total() -> int:
        answer = await officer.get("/kabupaten/statistik/agama.csv")
        return sum(int(row[1]) for row in list(csv.reader(io.StringIO(answer.text)))[1:])

    assert await regency_total() == first.residents_created
    other = await kampung.village(1)
    second = await _residents(kampung, other, tmp_path, count=40)
    assert second.residents_created > 0
    assert await regency_total() == first.residents_created
    page = await officer.get("/kabupaten/statistik")
    assert "paling lama setiap 5 menit" in page.text

    head = await kampung.login("village_head", other)
    live = await head.get(other.url + "/statistik/agama.csv")
    counted = sum(int(row[1]) for row in list(csv.reader(io.StringIO(live.text)))[1:])
    assert counted == second.residents_created


async def test_the_regency_counts_once_and_each_language_draws_its_own_words(
    kampung, tmp_path, monkeypatch
):
    from plugins.population.statistics import pages

    village = await kampung.village()
    await _residents(kampung, village, tmp_path, count=20)
    counted = []
    original = pages.count

    async def counting(today):
        counted.append(today)
        return await original(today)

    monkeypatch.setattr(pages, "count", counting)
    client = await kampung.login("regency_officer")
    client.cookies.set("kampung_lang", "id")
    indonesian = await client.get("/kabupaten/statistik")
    client.cookies.set("kampung_lang", "en")
    english = await client.get("/kabupaten/statistik")

    assert "Piramida penduduk" in indonesian.text and "Population pyramid" in english.text
    assert len(counted) == 1
