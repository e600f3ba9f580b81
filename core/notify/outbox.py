"""Delivering a message once: through the configured notifier, recorded in the outbox.

`deliver` runs inside the delivery job's attempt, in the job's village transaction: the outbox
row and the job's "done" mark commit together. A retry, or a second job for the same reference,
finds the row and sends nothing again; an attempt whose send failed leaves no row.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Literal

from core.notify.log_outbox import LOGGER_NAME
from core.notify.message import Message
from core.notify.notifier import Notifier
from core.notify.tables import OutboxEntry

__all__ = ["OutboxStatus", "deliver"]

OutboxStatus = Literal["terkirim", "dicatat", "tanpa_kontak"]
log = logging.getLogger(LOGGER_NAME)


async def deliver(notifier: Notifier, village_code: str, message: Message) -> OutboxStatus:
    """Send `message` unless its reference was sent already; the outbox status."""
    found = (
        await OutboxEntry.select(OutboxEntry.status)
        .where(OutboxEntry.reference == message.reference)
        .first()
    )
    if found is not None:
        return found["status"]  # type: ignore[no-any-return]
    address = notifier.address(message)
    status: OutboxStatus
    if not address:
        status = "tanpa_kontak"
        # Most residents left no contact: the outbox row says so; the log keeps no personal text.
        log.debug("not sent (%s): no contact for %s", notifier.channel, message.reference)
    else:
        await notifier.send(message)
        status = "dicatat" if notifier.channel == "log" else "terkirim"
    await OutboxEntry.insert(
        OutboxEntry(
            village_code=village_code,
            reference=message.reference,
            channel=notifier.channel,
            recipient=address,
            subject=message.subject[:200],
            body=message.body,
            status=status,
            created_at=datetime.now(UTC),
        )
    )
    return status
