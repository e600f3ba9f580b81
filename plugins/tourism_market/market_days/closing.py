"""Closing a market day: refused while a shift is not yet approved, then the day's figures."""

from __future__ import annotations

from datetime import datetime

from core.i18n import _
from plugins.tourism_market.ledger.reconciliation import Reconciliation, reconcile
from plugins.tourism_market.market_days.days import MarketDayError, act
from plugins.tourism_market.shifts.shifts import APPROVED, day_shifts
from plugins.tourism_market.tables import MarketDay


async def close_day(market_day_id: int, actor: str, now: datetime) -> Reconciliation:
    """Close the day once every shift is counted and approved; its reconciliation."""
    pending = [row for row in await day_shifts(market_day_id) if row["status"] != APPROVED]
    if pending:
        names = ", ".join(f"{row['booth_name']} ({row['cashier']})" for row in pending)
        raise MarketDayError(
            _("Pasar belum dapat ditutup: shift belum disetujui di {names}.").format(names=names)
        )
    day = await MarketDay.select(MarketDay.market).where(MarketDay.id == market_day_id).first()
    report = await reconcile(int(day["market"]), market_day_id)
    if not report.holds:
        failing = "; ".join(check.label for check in report.checks if not check.holds)
        raise MarketDayError(_("Pembukuan tidak seimbang: {failing}.").format(failing=failing))
    await act(market_day_id, "close", actor, now)
    return report
