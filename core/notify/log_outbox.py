"""The log outbox: messages written to the log instead of sent, for the demo and for instances
without a gateway yet. Every message is also kept in the outbox table (see `core.notify.outbox`).
"""

from __future__ import annotations

import logging
import sys

from core.notify.message import Message

__all__ = ["LOGGER_NAME", "LogOutbox"]

LOGGER_NAME = "kampung.notify"
log = logging.getLogger(LOGGER_NAME)


def _make_visible() -> None:
    """Whoever runs `kampung demo` should see the messages in the terminal even though nothing
    configured logging; an instance that configures logging keeps its own handlers."""
    if log.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s kampung.notify: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


class LogOutbox:
    """A notifier that logs each message with the number or address it would have gone to."""

    channel = "log"

    def __init__(self) -> None:
        _make_visible()

    def address(self, message: Message) -> str:
        return message.phone or message.email

    async def send(self, message: Message) -> None:
        log.info("ke %s: %s | %s", self.address(message), message.subject, message.body)
