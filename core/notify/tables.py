"""The outbox: every notice the instance sent, logged or could not deliver, per village."""

from __future__ import annotations

from piccolo.columns import Text, Timestamptz, Varchar

from core.db.tenant import TenantTable

__all__ = ["OutboxEntry"]


class OutboxEntry(TenantTable, tablename="core_notification"):
    """One message; `reference` is unique in its village, so a retried delivery finds its row
    and sends nothing again."""

    reference = Varchar(length=200)
    channel = Varchar(length=20)
    recipient = Varchar(length=200, default="")
    subject = Varchar(length=200, default="")
    body = Text(default="")
    status = Varchar(length=20)
    """`terkirim` (handed to the gateway or mail server), `dicatat` (log outbox) or
    `tanpa_kontak` (the resident has no contact for the channel)."""
    created_at = Timestamptz()
