"""Times people read are on the regency's clock, named WIB, WITA or WIT, never UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.localtime import local_clock


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("35.27", "02-12-2026 05:06 WIB"),  # Sampang, Jawa Timur
        ("64.02", "02-12-2026 06:06 WITA"),  # Kutai Kartanegara, Kalimantan Timur
        ("94.01.01.2001", "02-12-2026 07:06 WIT"),  # a village in Papua
    ],
)
def test_a_stored_moment_is_shown_on_the_regions_clock(code: str, shown: str) -> None:
    assert local_clock(datetime(2026, 12, 1, 22, 6, tzinfo=UTC), code) == shown
    assert local_clock(datetime(2026, 12, 1, 22, 6), code) == shown  # naive means UTC


async def test_the_trail_search_shows_local_time(kampung) -> None:
    admin = await kampung.login("regency_admin")
    await admin.get("/kabupaten/jejak-akses")  # reading the trail is itself recorded
    page = await admin.get("/kabupaten/jejak-akses")
    assert page.status_code == 200
    assert " WIB" in page.text
    assert " UTC" not in page.text
