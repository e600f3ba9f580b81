"""The demo's years of results, the public read API other plugins use, and the dashboard tiles."""

from __future__ import annotations

from decimal import Decimal

from core import DemoContext
from core.db.jsonvalue import json_dict
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.village_index import plugin
from plugins.village_index.index.editions import edition
from plugins.village_index.index.scoring import status_of
from plugins.village_index.public import village_history, village_status
from plugins.village_index.tables import MinistryResult

IDM = edition("idm2016")


async def demo(kampung, village) -> None:
    row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=7)
    async with kampung.scope(village.code):
        await plugin.kampung_demo_data(context)


async def test_the_demo_gives_five_ministry_years_and_a_verified_survey(kampung) -> None:
    village = await kampung.village(0)
    await demo(kampung, village)
    history = await village_history(village.code)
    assert [(h.year, h.source) for h in history] == [
        (2019, "kementerian"),
        (2020, "kementerian"),
        (2021, "kementerian"),
        (2022, "kementerian"),
        (2023, "kementerian"),
        (2024, "survei"),
    ]
    assert history[-1].index_title == "Indeks Desa"
    client = await kampung.login("village_head", village)
    page = await client.get(village.url + "/indeks-desa")
    assert page.status_code == 200
    assert "Dari tahun ke tahun" in page.text and "Draf" in page.text
    assert 'class="kc-chart kc-line"' in page.text


async def test_demo_figures_agree_with_their_dimensions_and_differ_per_village(kampung) -> None:
    first, second = await kampung.village(0), await kampung.village(1)
    await demo(kampung, first)
    await demo(kampung, second)
    async with kampung.scope():
        rows = await MinistryResult.select()
    for row in rows:
        dims = [Decimal(v) for v in json_dict(row["dimensions"]).values()]
        mean = (sum(dims) / 3).quantize(Decimal("0.0001"))
        assert abs(mean * 10000 - row["score_units"]) <= 1
        assert row["status_key"] == status_of(IDM, Decimal(row["score_units"]) / 10000).key
    walks = {
        code: [r["score_units"] for r in rows if r["village_code"] == code]
        for code in (first.code, second.code)
    }
    assert walks[first.code] != walks[second.code]


async def test_village_status_reads_one_village_without_widening_the_callers_scope(kampung) -> None:
    mine, other = await kampung.village(0), await kampung.village(1)
    await demo(kampung, mine)
    await demo(kampung, other)
    async with kampung.scope(other.code):
        status = await village_status(mine.code)
        codes = {
            r["village_code"] for r in await MinistryResult.select(MinistryResult.village_code)
        }
    assert status is not None and status.village_code == mine.code and status.year == 2024
    assert status.status_key in {"sangat_tertinggal", "tertinggal", "berkembang", "maju", "mandiri"}
    assert codes == {other.code}


async def test_a_village_without_results_has_no_status(kampung) -> None:
    village = await kampung.village(0)
    assert await village_status(village.code) is None


async def test_dashboards_show_the_village_status_and_the_regency_share(kampung) -> None:
    village = await kampung.village(0)
    await demo(kampung, village)
    head = await kampung.login("village_head", village)
    dashboard = await head.get(village.url)
    assert "Indeks Desa" in dashboard.text and "2024: " in dashboard.text
    regency = await kampung.login("regency_officer")
    page = await regency.get("/kabupaten")
    assert "Desa maju dan mandiri tahun 2024; 0 survei menunggu verifikasi." in page.text


async def test_the_regency_page_works_on_demo_data_with_a_draft_in_a_later_year(kampung) -> None:
    village = await kampung.village(0)
    await demo(kampung, village)
    regency = await kampung.login("regency_officer")
    page = await regency.get("/kabupaten/indeks-desa")
    assert page.status_code == 200
    assert "Peringkat desa 2024" in page.text
    assert (await regency.get("/kabupaten/indeks-desa?tahun=2025")).status_code == 200
