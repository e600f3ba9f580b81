"""The booth sells a QR voucher and shows it; a vendor's voucher is taken back once, a second scan
is refused with the first use's receipt, and the page says so in Indonesian."""

from __future__ import annotations

import re

from plugins.tourism_market.tables import JournalEntry, Vendor
from tests.tourism_market.markets import NOW, open_market_day


async def _till(kampung, village) -> tuple[object, str, int]:
    ids = await open_market_day(kampung, village.code)
    cashier = await kampung.login("market_cashier", village)
    day = f"{village.url}/pasar/{ids['market']}/hari/{NOW.date().isoformat()}"
    opened = await cashier.post(
        day + "/shift",
        data={"booth": str(ids["booth"]), "float_amount": "100000", "idempotency_key": "shift-v-1"},
    )
    assert opened.status_code == 303, opened.text[:2000]
    return cashier, opened.headers["location"], ids["market"]


async def test_a_voucher_is_sold_shown_with_its_qr_and_used_once(kampung) -> None:
    village = await kampung.village(0)
    cashier, till, market = await _till(kampung, village)
    sold = await cashier.post(
        till + "/voucher", data={"tokens": "15", "idempotency_key": "voucher-sale-1"}
    )
    assert sold.status_code == 303
    again = await cashier.post(
        till + "/voucher", data={"tokens": "15", "idempotency_key": "voucher-sale-1"}
    )
    assert again.headers["location"] == sold.headers["location"], "a double tap sells one"
    page = await cashier.get(sold.headers["location"])
    assert page.status_code == 200 and "<svg" in page.text and "Rp30.000" in page.text
    code = re.search(r"PBV-\d+-[0-9A-F]{10}", page.text)[0]
    async with kampung.scope(village.code):
        vendor = (
            await Vendor.insert(
                Vendor(market=market, name="Bu Sri", stall_name="Pecel", category="makanan",
                       created_at=NOW)
            ).returning(Vendor.id)
        )[0]["id"]  # fmt: skip
    used = await cashier.post(till + "/voucher/pakai", data={"code": code, "vendor": str(vendor)})
    assert used.status_code == 303
    twice = await cashier.post(till + "/voucher/pakai", data={"code": code})
    assert twice.status_code == 422 and "Voucher sudah dipakai" in twice.text
    assert f'value="{code}"' in twice.text, "the form keeps what was typed"
    forged = await cashier.post(till + "/voucher/pakai", data={"code": code[:-1] + "X"})
    assert forged.status_code == 422 and "Kode voucher tidak sah" in forged.text
    async with kampung.scope(village.code):
        kinds = [r["kind"] for r in await JournalEntry.select(JournalEntry.kind)]
    assert kinds.count("sell") == 1 and kinds.count("redeem") == 1 and "refund" not in kinds


async def test_another_villages_cashier_cannot_see_the_voucher(kampung) -> None:
    village, other = await kampung.village(0), await kampung.village(1)
    cashier, till, _market = await _till(kampung, village)
    sold = await cashier.post(
        till + "/voucher", data={"tokens": "5", "idempotency_key": "voucher-sale-2"}
    )
    path = sold.headers["location"].replace(village.url, other.url)
    stranger = await kampung.login("market_cashier", other)
    assert (await stranger.get(path)).status_code == 404
