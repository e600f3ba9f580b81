"""The PPID's tile on the village dashboard: open requests, and how many are late."""

from __future__ import annotations

from datetime import UTC, datetime

from ppid_desk import Desk

from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.public_info.ppid.widgets import open_requests_widget


async def test_the_tile_counts_open_and_late_requests(kampung) -> None:
    village = await kampung.village()
    desk = Desk(kampung)
    await desk.file_at(village, datetime(2026, 3, 16, 2, tzinfo=UTC))
    await desk.file_at(village, datetime.now(UTC), address="10.3.3.3")
    row = await Village.select().where(Village.code == village.code).first()
    async with kampung.scope(village.code):
        tile = await open_requests_widget(village_tenant(row), kampung.kernel)
    assert tile.value == "2"
    assert "1 melewati batas waktu" in str(tile.body_html)
    assert tile.url == f"{village.url}/ppid"
