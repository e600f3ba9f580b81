"""The village's own date: a market opens at 06:00 WIB, which is still yesterday in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from core.localtime import local_zone


def local_today(now: datetime, region_code: str) -> date:
    zone, _ = local_zone(region_code)
    aware = now if now.tzinfo else now.replace(tzinfo=UTC)
    return aware.astimezone(zone).date()
