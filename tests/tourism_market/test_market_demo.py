"""The demo's Pasar Bahulak: 70 vendors, eight closed market days with Rp13–75 million of tokens
sold each, one small shortage, books that reconcile, and a special edition ahead."""

from __future__ import annotations

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.tourism_market import demo
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.market_days import days
from plugins.tourism_market.tables import JournalEntry, Market, MarketDay, Vendor

USERS = {"market_manager": "manajer", "market_cashier": "kasir", "market_vendor": "pedagang"}


async def test_the_demo_market_has_eight_closed_days_that_reconcile(kampung) -> None:
    village = await kampung.village(0)
    row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(kampung.kernel, village_tenant(row), seed=7, users=USERS)
    async with kampung.scope(village.code):
        await demo.fill(context)
        market = (await Market.select(Market.id).first())["id"]
        assert await Vendor.count() == 70
        assert await Vendor.count().where(Vendor.username == "pedagang") == 1
        closed, specials = [], 0
        for day in await MarketDay.select().order_by(MarketDay.day):
            status = await days.day_status(day["id"])
            specials += bool(day["special"])
            if status == "closed":
                report = await reconcile(market, day["id"])
                assert report.holds
                assert 13_000_000 <= report.flow(ops.SELL).rupiah < 75_000_000
                closed.append(day["day"])
        assert len(closed) == 8 and specials == 1
        assert await JournalEntry.count().where(JournalEntry.kind == ops.SHORTAGE) == 1
        assert (await reconcile(market)).holds


async def test_the_demo_fills_only_the_village_with_market_roles(kampung) -> None:
    village = await kampung.village(1)
    row = await Village.select().where(Village.code == village.code).first()
    async with kampung.scope(village.code):
        await demo.fill(DemoContext(kampung.kernel, village_tenant(row), seed=8, users={}))
        assert await Market.count() == 0
