"""Notifying residents: a `Notifier` per channel (log outbox, e-mail, WhatsApp/SMS gateway) chosen
in the `[notify]` config table, sent through the job queue and kept in the outbox table.

A plugin builds a `Message`, queues it with `send_later` from the transaction that caused it, and
declares `delivery_job("<plugin>")` in its `kampung_jobs`. See docs/notifications.md.
"""

from __future__ import annotations

from core.notify.config import CHANNELS, notifier_for
from core.notify.gateway import GatewayNotifier, international_number
from core.notify.log_outbox import LOGGER_NAME, LogOutbox
from core.notify.message import Message
from core.notify.notifier import DeliveryFailed, Notifier
from core.notify.outbox import OutboxStatus, deliver
from core.notify.queue import DELIVERY_JOB, delivery_job, send_later
from core.notify.smtp import EmailNotifier
from core.notify.tables import OutboxEntry

__all__ = [
    "CHANNELS",
    "DELIVERY_JOB",
    "LOGGER_NAME",
    "DeliveryFailed",
    "EmailNotifier",
    "GatewayNotifier",
    "LogOutbox",
    "Message",
    "Notifier",
    "OutboxEntry",
    "OutboxStatus",
    "deliver",
    "delivery_job",
    "international_number",
    "notifier_for",
    "send_later",
]
