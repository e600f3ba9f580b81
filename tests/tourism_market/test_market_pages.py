"""The market as its users meet it over HTTP: manager, cashier, vendor, and a visitor."""

from __future__ import annotations

import base64
import io
import re
import zlib
from datetime import date
from typing import Any

from openpyxl import load_workbook

from core.signing import LocalSigner
from core.signing.verification import verify_pdf
from plugins.tourism_market.tables import Booth, JournalEntry, Market, Stall, Vendor

MARKET = {
    "name": "Pasar Bahulak",
    "schedule": "Minggu Legi dan Minggu Pahing",
    "opens_at": "06:00",
    "closes_at": "11:00",
    "token_value": "2.000",
    "denominations": "1",
    "parking_fee": "2000",
    "fee_mode": "percent",
    "fee_value": "10",
}
DAY = date(2026, 12, 6)


async def _market(kampung: Any, village: Any) -> tuple[Any, str]:
    manager = await kampung.login("market_manager", village)
    answer = await manager.post(village.url + "/pasar", data=MARKET)
    assert answer.status_code == 303, answer.text
    return manager, answer.headers["location"]


async def test_a_manager_sets_up_a_market_and_sees_its_dates_in_both_calendars(kampung) -> None:
    village = await kampung.village(0)
    manager, url = await _market(kampung, village)
    page = await manager.get(url)
    assert page.status_code == 200
    assert "Minggu Legi dan Minggu Pahing" in page.text
    assert "Ngahad" in page.text
    assert re.search(r"Minggu (Legi|Pahing), \d+ \w+ 20\d\d", page.text)


async def test_an_unreadable_schedule_is_refused_beside_the_field_and_kept(kampung) -> None:
    village = await kampung.village(0)
    manager = await kampung.login("market_manager", village)
    answer = await manager.post(village.url + "/pasar", data={**MARKET, "schedule": "Minggu Rebo"})
    assert answer.status_code == 422
    assert "&#39;rebo&#39; bukan nama pasaran" in answer.text
    assert 'value="Minggu Rebo"' in answer.text
    async with kampung.scope(village.code):
        assert await Market.count() == 0


async def test_a_cashier_sale_sent_twice_is_booked_once_with_one_receipt(kampung) -> None:
    village = await kampung.village(0)
    manager, url = await _market(kampung, village)
    await manager.post(f"{url}/loket", data={"booth_name": "Loket 1"})
    day_url = f"{url}/hari/{DAY.isoformat()}"
    assert (await manager.post(day_url, data={"action": "open"})).status_code == 303
    cashier = await kampung.login("market_cashier", village)
    async with kampung.scope(village.code):
        booth = (await Booth.select(Booth.id).first())["id"]
    opened = await cashier.post(
        f"{day_url}/shift",
        data={"booth": str(booth), "float_amount": "100000", "idempotency_key": "float-key-1"},
    )
    assert opened.status_code == 303
    till = opened.headers["location"]
    sale = {"tokens": "10", "idempotency_key": "sale-key-0001"}
    first = await cashier.post(f"{till}/jual", data=sale)
    again = await cashier.post(f"{till}/jual", data=sale)
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    page = await cashier.get(again.headers["location"])
    assert "Rp120.000" in page.text
    async with kampung.scope(village.code):
        assert await JournalEntry.count().where(JournalEntry.kind == "sell") == 1
    too_many = await cashier.post(
        f"{till}/kembali", data={"tokens": "11", "idempotency_key": "refund-key-1"}
    )
    assert too_many.status_code == 422
    assert "melebihi koin yang beredar" in too_many.text


async def test_the_market_is_not_found_where_the_plugin_is_off(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    client = await kampung.login("village_admin", village)
    assert (await client.get(village.url + "/pasar")).status_code == 404


async def test_another_villages_market_stays_hidden(kampung) -> None:
    mine, theirs = await kampung.village(0), await kampung.village(1)
    _, url = await _market(kampung, theirs)
    market_id = url.rsplit("/", 1)[1]
    client = await kampung.login("market_manager", mine)
    assert (await client.get(f"{mine.url}/pasar/{market_id}")).status_code == 404
    assert "Pasar Bahulak" not in (await client.get(mine.url + "/pasar")).text


async def test_a_vendor_sees_only_their_own_takings(kampung) -> None:
    village = await kampung.village(0)
    manager, url = await _market(kampung, village)
    vendor_user = await kampung.user("market_vendor", village.code)
    for name, username in (("Bu Sri", vendor_user), ("Pak Jumadi", "")):
        answer = await manager.post(
            f"{url}/pedagang",
            data={
                "name": name,
                "stall_name": f"Lapak {name}",
                "category": "makanan",
                "phone": "0812 3456 7890",
                "username": username,
            },
        )
        assert answer.status_code == 303, answer.text
    client = await kampung.login_as(vendor_user)
    page = await client.get(village.url + "/pasar/lapak-saya")
    assert page.status_code == 200
    assert "Lapak Bu Sri" in page.text and "Lapak Pak Jumadi" not in page.text
    assert (await client.get(url)).status_code == 403


async def test_the_public_page_shows_dates_stalls_and_prices_but_no_names(kampung) -> None:
    village = await kampung.village(0)
    manager, url = await _market(kampung, village)
    await manager.post(
        f"{url}/pedagang",
        data={
            "name": "Bu Sri Rahayu",
            "stall_name": "Pecel Ndeso",
            "category": "makanan",
            "phone": "081234567890",
        },
    )
    async with kampung.scope(village.code):
        vendor = (await Vendor.select(Vendor.id).first())["id"]
    await manager.post(f"{url}/pedagang/{vendor}/aksi", data={"action": "approve"})
    await manager.post(f"{url}/lapak", data={"number": "7"})
    async with kampung.scope(village.code):
        stall = (await Stall.select(Stall.id).first())["id"]
    assigned = await manager.post(
        f"{url}/lapak/tugaskan",
        data={
            "stall": str(stall),
            "vendor": str(vendor),
            "starts_on": "2020-01-01",
            "ends_on": "2099-12-31",
        },
    )
    assert assigned.status_code == 303, assigned.text
    await manager.post(
        f"{url}/pedagang/{vendor}/harga", data={"item": "Nasi pecel", "price_tokens": "5"}
    )
    page = await kampung.client().get(f"/pasar-wisata/{village.slug}")
    assert page.status_code == 200
    assert "Pecel Ndeso" in page.text and "Nasi pecel: 5" in page.text
    assert "Bu Sri Rahayu" not in page.text and "081234567890" not in page.text


async def test_the_day_report_downloads_as_xlsx_and_pdf_with_the_days_figures(kampung) -> None:
    village = await kampung.village(0)
    manager, url = await _market(kampung, village)
    day_url = f"{url}/hari/{DAY.isoformat()}"
    await manager.post(day_url, data={"action": "open", "idempotency_key": "open-key-0001"})
    await manager.post(
        f"{day_url}/pengunjung", data={"visitors": "25", "idempotency_key": "tally-key-001"}
    )
    sheet = await manager.get(f"{day_url}/laporan/xlsx")
    assert sheet.status_code == 200
    book = load_workbook(io.BytesIO(sheet.content))
    assert ["Pengunjung", "25"] in [[c.value for c in row] for row in book["Ringkasan"].iter_rows()]
    paper = await manager.get(f"{day_url}/laporan/pdf")
    assert paper.status_code == 200 and paper.content.startswith(b"%PDF")
    assert "DRAF" in _pdf_text(paper.content)  # an open day's report is a draft, unsigned
    assert not (await verify_pdf(paper.content, [_trust_root(kampung)])).valid
    cashier = await kampung.login("market_cashier", village)
    assert (await cashier.get(f"{day_url}/laporan/pdf")).status_code == 403

    closed = await manager.post(day_url, data={"action": "close", "idempotency_key": "close-01"})
    assert closed.status_code == 303, closed.text
    signed = await manager.get(f"{day_url}/laporan/pdf")
    report = await verify_pdf(signed.content, [_trust_root(kampung)])
    assert report.genuine and report.signer_name
    assert "DRAF" not in _pdf_text(signed.content)


def _pdf_text(pdf: bytes) -> str:
    """The text drawn in a ReportLab PDF: its page streams, ASCII85 then Flate encoded."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, flags=re.DOTALL):
        try:
            shown.append(zlib.decompress(base64.a85decode(stream.strip(), adobe=True)))
        except (ValueError, zlib.error):
            continue
    return b"".join(shown).decode("latin-1")


def _trust_root(kampung: Any) -> Any:
    return LocalSigner(kampung.kernel.settings.data_path / "signing").trust_root()
