"""E-mail over SMTP, run in a thread so the worker's loop keeps running other jobs."""

from __future__ import annotations

import asyncio
import hashlib
import smtplib
from email.message import EmailMessage

from core.notify.message import Message
from core.notify.notifier import DeliveryFailed

__all__ = ["EmailNotifier"]

TIMEOUT_SECONDS = 30


class EmailNotifier:
    channel = "email"

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        username: str = "",
        password: str = "",
        starttls: bool = True,
    ) -> None:
        self.host = host
        self.port = port
        self.sender = sender
        self.username = username
        self.password = password
        self.starttls = starttls

    def address(self, message: Message) -> str:
        return message.email

    def _compose(self, message: Message) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.email
        mail["Subject"] = message.subject
        # The same reference gives the same Message-ID, which mail systems deduplicate on.
        digest = hashlib.sha256(message.reference.encode()).hexdigest()[:32]
        domain = self.sender.rpartition("@")[2] or "kampung"
        mail["Message-ID"] = f"<{digest}@{domain}>"
        mail.set_content(message.body)
        return mail

    def _send(self, mail: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_SECONDS) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password)
            smtp.send_message(mail)

    async def send(self, message: Message) -> None:
        try:
            await asyncio.to_thread(self._send, self._compose(message))
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryFailed(f"email via {self.host}:{self.port}: {exc}") from exc
