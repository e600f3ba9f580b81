"""The one thing every channel does: hand a message to a resident's contact, or say it cannot."""

from __future__ import annotations

from typing import Protocol

from core.notify.message import Message

__all__ = ["DeliveryFailed", "Notifier"]


class DeliveryFailed(RuntimeError):
    """The channel refused or did not answer; the job retries later with the same reference."""


class Notifier(Protocol):
    """A way to reach residents: the log outbox, e-mail, or a WhatsApp/SMS gateway."""

    channel: str
    """The configured name (`log`, `email`, `whatsapp`, `sms`), recorded with each message."""

    def address(self, message: Message) -> str:
        """The contact this channel sends to ("" when the resident has none for it)."""
        ...

    async def send(self, message: Message) -> None:
        """Send to `address(message)`; raise `DeliveryFailed` for a retry. Called once per
        attempt of the delivery job, so it must pass `message.reference` on where the channel
        can deduplicate."""
        ...
