"""The PPID's queue: open requests first, the nearest deadline on top, late ones flagged."""

from __future__ import annotations

from typing import Any

from plugins.public_info.ppid.lifecycle import OBJECTED, PENDING
from plugins.public_info.tables import InfoRequest

OPEN = (*PENDING, OBJECTED)
QUEUE_LIMIT = 200


async def open_requests() -> list[dict[str, Any]]:
    return (
        await InfoRequest.select()
        .where(InfoRequest.status.is_in(list(OPEN)))
        .order_by(InfoRequest.due_on)
        .order_by(InfoRequest.id)
        .limit(QUEUE_LIMIT)
    )


async def closed_requests() -> list[dict[str, Any]]:
    return (
        await InfoRequest.select()
        .where(InfoRequest.status.not_in(list(OPEN)))
        .order_by(InfoRequest.id, ascending=False)
        .limit(QUEUE_LIMIT)
    )
