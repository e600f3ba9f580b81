"""Markets, days and shifts made through the plugin's own rules, for the market's tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from piccolo.engine.sqlite import TransactionType

from core.db import set_tenant_scope
from plugins.tourism_market.ledger.operations import Till
from plugins.tourism_market.ledger.postings import Booked, LedgerError
from plugins.tourism_market.market_days import days
from plugins.tourism_market.market_days.markets import MarketTerms, create_market
from plugins.tourism_market.tables import Booth, Shift

NOW = datetime(2026, 12, 6, 6, 30, tzinfo=UTC)
_keys = itertools.count(1)


def key(prefix: str = "k") -> str:
    """A fresh idempotency key, as a till generates one per operation."""
    return f"{prefix}-{next(_keys):08d}"


BAHULAK = MarketTerms(
    name="Pasar Bahulak",
    schedule="Minggu Legi dan Minggu Pahing",
    token_value=2000,
    parking_fee=2000,
    fee_mode="percent",
    fee_value=10,
)


async def open_market_day(
    kampung: Any, village: str, terms: MarketTerms = BAHULAK
) -> dict[str, int]:
    """A market with 6 Dec 2026 (Minggu Pahing) open and one booth: ids by name."""
    async with kampung.scope(village):
        market_id = await create_market(terms, NOW)
        day_id = await days.ensure_day(market_id, NOW.date(), NOW)
        await days.act(day_id, "open", "manajer", NOW)
        booth = await Booth.insert(Booth(market=market_id, name="Loket 1")).returning(Booth.id)
    return {"market": market_id, "day": day_id, "booth": booth[0]["id"]}


async def raw_shift(
    kampung: Any, village: str, ids: dict[str, int], cashier: str = "kasir"
) -> Till:
    """A shift row without the shift rules, for ledger tests that need only a drawer."""
    async with kampung.scope(village):
        rows = await Shift.insert(
            Shift(
                market_day=ids["day"],
                booth=ids["booth"],
                cashier=cashier,
                float_amount=0,
                opened_at=NOW,
            )
        ).returning(Shift.id)
    return Till(ids["market"], ids["day"], rows[0]["id"], cashier, NOW)


async def send_alone(kampung: Any, village: str, send: Any) -> Booked | None:
    """One till send in its own transaction, begun as a POST request begins it (on SQLite
    `BEGIN IMMEDIATE`, so writers queue instead of deadlocking)."""
    engine = kampung.kernel.engine
    kind = TransactionType.immediate if engine.engine_type == "sqlite" else None
    try:
        async with engine.transaction(**({"transaction_type": kind} if kind else {})):
            await set_tenant_scope(engine, village)
            return await send()
    except LedgerError:
        return None
