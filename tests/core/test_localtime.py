"""Times people read are on the regency's clock, named WIB, WITA or WIT, never UTC."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from core import localtime
from core.config import ConfigError
from core.config.settings import load_settings
from core.localtime import local_clock, local_day


@pytest.fixture(autouse=True)
def _restore_the_clock() -> Iterator[None]:
    before = localtime.zone().key
    yield
    localtime.configure(before)


@pytest.mark.parametrize(
    ("regency", "zone", "shown"),
    [
        ("35.27", "Asia/Jakarta", "02-12-2026 05:06 WIB"),  # Sampang, Jawa Timur
        ("64.02", "Asia/Makassar", "02-12-2026 06:06 WITA"),  # Kutai Kartanegara, Kaltim
        ("94.01", "Asia/Jayapura", "02-12-2026 07:06 WIT"),  # a regency in Papua
    ],
)
def test_the_instance_keeps_its_provinces_clock_unless_configured(
    regency: str, zone: str, shown: str
) -> None:
    settings = load_settings(environ={}, regency_code=regency, secret_key="k" * 32)
    assert settings.time_zone == zone
    localtime.configure(settings.time_zone)
    assert local_clock(datetime(2026, 12, 1, 22, 6, tzinfo=UTC)) == shown
    assert local_clock(datetime(2026, 12, 1, 22, 6)) == shown  # naive means UTC


def test_one_configured_zone_rules_every_time_and_every_day() -> None:
    settings = load_settings(
        environ={}, regency_code="35.27", secret_key="k" * 32, time_zone="Asia/Makassar"
    )
    localtime.configure(settings.time_zone)
    late = datetime(2026, 12, 1, 16, 30, tzinfo=UTC)  # 00:30 WITA the next day
    assert local_clock(late) == "02-12-2026 00:30 WITA"
    assert local_day(late).isoformat() == "2026-12-02"


def test_a_zone_that_does_not_exist_is_refused_in_one_line() -> None:
    with pytest.raises(ConfigError, match="time_zone 'Asia/Surabaya' is not a time zone"):
        load_settings(environ={}, secret_key="k" * 32, time_zone="Asia/Surabaya")


async def test_the_trail_search_shows_local_time(kampung) -> None:
    admin = await kampung.login("regency_admin")
    await admin.get("/kabupaten/jejak-akses")  # reading the trail is itself recorded
    page = await admin.get("/kabupaten/jejak-akses")
    assert page.status_code == 200
    assert " WIB" in page.text
    assert " UTC" not in page.text
