"""The regency's own clock: WIB, WITA or WIT by province, for what people read as a time of day.

Times are stored in UTC; a villager reads 22:06 UTC as the wrong evening, so pages show the
regency's local time with its zone's name.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

_WITA = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
_WIT = frozenset({"81", "82", "91", "92", "93", "94", "95", "96", "97"})


def local_zone(region_code: str) -> tuple[timezone, str]:
    """The UTC offset and name of the zone a region (any code within a province) keeps."""
    province = region_code[:2]
    if province in _WIT:
        return timezone(timedelta(hours=9)), "WIT"
    if province in _WITA:
        return timezone(timedelta(hours=8)), "WITA"
    return timezone(timedelta(hours=7)), "WIB"


def local_clock(moment: datetime, region_code: str) -> str:
    """`01-12-2026 05:06 WIB`: a stored moment (naive means UTC) as the region reads it."""
    zone, name = local_zone(region_code)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return f"{aware.astimezone(zone):%d-%m-%Y %H:%M} {name}"
