"""The instance's one clock: every time people read and every default date is on it.

Times are stored in UTC; a villager reads 22:06 UTC as the wrong evening, and a report dated by
the UTC day is yesterday's before 07:00 WIB. The instance keeps one configured time zone
(`time_zone`, by default the zone of the regency's province: Asia/Jakarta for WIB, Asia/Makassar
for WITA, Asia/Jayapura for WIT), set by the kernel when it is built.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

_WITA = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
_WIT = frozenset({"81", "82", "91", "92", "93", "94", "95", "96", "97"})
_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

_zone = ZoneInfo("Asia/Jakarta")


def province_zone(region_code: str) -> str:
    """The IANA zone a province keeps (any code within it): the default `time_zone`."""
    province = region_code[:2]
    if province in _WIT:
        return "Asia/Jayapura"
    if province in _WITA:
        return "Asia/Makassar"
    return "Asia/Jakarta"


def configure(time_zone: str) -> None:
    """Make `time_zone` the clock of everything shown (called when the kernel is built)."""
    global _zone
    _zone = ZoneInfo(time_zone)


def zone() -> ZoneInfo:
    return _zone


def zone_name() -> str:
    """WIB, WITA or WIT as Indonesians write it; another zone's own abbreviation elsewhere."""
    return _ABBREVIATIONS.get(_zone.key) or datetime.now(_zone).strftime("%Z")


def local_now() -> datetime:
    return datetime.now(_zone)


def local_today() -> date:
    """Today on the instance's clock: the default of every date a form proposes."""
    return local_now().date()


def local_time(moment: datetime) -> datetime:
    """A stored moment (naive means UTC) on the instance's clock."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(_zone)


def local_day(moment: datetime) -> date:
    """The day a stored moment falls on here: a request filed at 06:30 WIB is not yesterday's."""
    return local_time(moment).date()


def local_clock(moment: datetime) -> str:
    """`02-12-2026 05:06 WIB`: a stored moment as people here read it."""
    return f"{local_time(moment):%d-%m-%Y %H:%M} {zone_name()}"
