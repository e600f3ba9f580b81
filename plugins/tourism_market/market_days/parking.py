"""Parking at the gate: vehicles counted with the fee of the day, the money booked in the ledger."""

from __future__ import annotations

from datetime import datetime

from core.i18n import _
from plugins.tourism_market.ledger.operations import Till, record_parking
from plugins.tourism_market.ledger.postings import Booked, LedgerError
from plugins.tourism_market.market_days.days import require_open
from plugins.tourism_market.tables import Market, MarketDay, ParkingTally


async def park(market_day_id: int, vehicles: int, actor: str, now: datetime, key: str) -> Booked:
    """Record `vehicles` parked at the market's fee; a retried send records them once."""
    if isinstance(vehicles, bool) or not isinstance(vehicles, int) or not 0 < vehicles <= 10_000:
        raise LedgerError(_("Jumlah kendaraan harus bilangan bulat 1 sampai 10.000."))
    await require_open(market_day_id)
    day = await MarketDay.select(MarketDay.market).where(MarketDay.id == market_day_id).first()
    market = await Market.select(Market.parking_fee).where(Market.id == day["market"]).first()
    fee = int(market["parking_fee"])
    till = Till(day["market"], market_day_id, None, actor, now)
    booked = await record_parking(till, vehicles, fee, key)
    if booked.created:
        await ParkingTally.insert(
            ParkingTally(
                market_day=market_day_id,
                vehicles=vehicles,
                fee=fee,
                entry=booked.entry_id,
                actor=actor,
                at=now,
            )
        )
    return booked


async def parking_summary(market_day_id: int) -> tuple[int, int]:
    """(vehicles, rupiah) parked on the day."""
    rows = await ParkingTally.select(ParkingTally.vehicles, ParkingTally.fee).where(
        ParkingTally.market_day == market_day_id
    )
    return sum(r["vehicles"] for r in rows), sum(r["vehicles"] * r["fee"] for r in rows)
