"""A market's year in figures, its chart and CSV, and the regency's overview of every market."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.market_days import days
from plugins.tourism_market.reports.figures import year_figures
from plugins.tourism_market.tables import Vendor
from tests.tourism_market.markets import NOW, key, open_market_day, raw_shift


async def _trading_day(kampung, village: str) -> dict[str, int]:
    ids = await open_market_day(kampung, village)
    till = await raw_shift(kampung, village, ids)
    async with kampung.scope(village):
        vendor = (
            await Vendor.insert(
                Vendor(
                    market=ids["market"],
                    name="Bu Sri",
                    stall_name="Pecel Ndeso",
                    category="makanan",
                    created_at=NOW,
                )
            ).returning(Vendor.id)
        )[0]["id"]
        await ops.sell_tokens(till, 100, key())
        await ops.refund_tokens(till, 10, key())
        await ops.redeem_tokens(till, vendor, "Bu Sri", 50, key())
        await days.count_visitors(ids["day"], 40, "gerbang", NOW)
    return ids


async def test_a_year_adds_up_its_market_days_by_month(kampung) -> None:
    village = await kampung.village(0)
    ids = await _trading_day(kampung, village.code)
    async with kampung.scope(village.code):
        figures = await year_figures(ids["market"], 2026)
        assert (await year_figures(ids["market"], 2025)).total.days == 0
    december = figures.months[11]
    assert (december.days, december.visitors) == (1, 40)
    assert december.turnover == 90 * 2000
    assert december.fees == 50 * 2000 // 10
    assert december.tokens_out == 40 * 2000
    assert figures.top_vendors == [("Pecel Ndeso", 100_000)]
    assert figures.days[0].label == date(2026, 12, 6).isoformat()


async def test_a_correction_takes_its_entry_back_out_of_the_year(kampung) -> None:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        vendor = (
            await Vendor.insert(
                Vendor(market=ids["market"], name="Pak Min", stall_name="Dawet", created_at=NOW)
            ).returning(Vendor.id)
        )[0]["id"]
        await ops.sell_tokens(till, 60, key())
        wrong_sale = await ops.sell_tokens(till, 25, key())
        wrong_redemption = await ops.redeem_tokens(till, vendor, "Pak Min", 30, key())
        await ops.reverse(till, wrong_sale.entry_id, key(), "salah ketik")
        await ops.reverse(till, wrong_redemption.entry_id, key(), "salah pedagang")
        total = (await year_figures(ids["market"], 2026)).total
        top = (await year_figures(ids["market"], 2026)).top_vendors
    assert (total.sold, total.redeemed, total.fees) == (60 * 2000, 0, 0)
    assert top == []


async def test_the_year_page_draws_the_chart_and_offers_the_csv(kampung) -> None:
    village = await kampung.village(0)
    ids = await _trading_day(kampung, village.code)
    client = await kampung.login("village_head", village)
    page = await client.get(
        f"{village.url}/pasar/{ids['market']}/laporan", params={"tahun": "2026"}
    )
    assert page.status_code == 200
    assert "<svg" in page.text and "Desember" in page.text
    sheet = await client.get(f"{village.url}/pasar/{ids['market']}/laporan.csv?tahun=2026")
    assert sheet.status_code == 200
    assert "Desember,1,40,180000,10000,80000" in sheet.text


async def test_the_regency_sees_every_village_market_and_a_village_user_does_not(kampung) -> None:
    first, second = await kampung.village(0), await kampung.village(1)
    await _trading_day(kampung, first.code)
    await _trading_day(kampung, second.code)
    regency = await kampung.login("regency_officer", "35.27")
    page = await regency.get("/kabupaten/pasar-wisata", params={"tahun": "2026"})
    assert page.status_code == 200
    assert first.name in page.text and second.name in page.text
    assert page.text.count("Rp180.000") == 2
    assert "Rp360.000" in page.text.split("Jumlah kabupaten", 1)[1]
    sheet = await regency.get("/kabupaten/pasar-wisata.xlsx", params={"tahun": "2026"})
    assert sheet.status_code == 200
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(sheet.content)).active]
    assert rows[0][:3] == ["Desa", "Pasar", "Hari pasar"]
    assert rows[-1] == ["Jumlah kabupaten", None, 2, 80, 360_000, 20_000]
    village_user = await kampung.login("market_manager", first)
    assert (await village_user.get("/kabupaten/pasar-wisata")).status_code in (403, 404)
