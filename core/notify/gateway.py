"""WhatsApp or SMS through an HTTP gateway: one JSON POST per message.

Indonesian WhatsApp/SMS gateways (and a small adapter in front of any other) take a number and a
text; this sends `{"to", "message", "reference"}` with a bearer token, and the reference again as
the `Idempotency-Key` header so a gateway that saw it already does not send twice.
"""

from __future__ import annotations

import httpx

from core.notify.message import Message
from core.notify.notifier import DeliveryFailed

__all__ = ["GatewayNotifier", "international_number"]

TIMEOUT_SECONDS = 15.0


def international_number(phone: str) -> str:
    """`0812-3456-789` as gateways want it: `628123456789`; "" for what is not a number."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits if len(digits) >= 9 else ""


class GatewayNotifier:
    def __init__(
        self,
        channel: str,
        url: str,
        token: str,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.channel = channel
        self.url = url
        self.token = token
        self.transport = transport
        """For tests: the gateway is outside the machine."""

    def address(self, message: Message) -> str:
        return international_number(message.phone)

    async def send(self, message: Message) -> None:
        body = {
            "to": self.address(message),
            "message": f"{message.subject}\n{message.body}",
            "reference": message.reference,
        }
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": message.reference}
        try:
            async with httpx.AsyncClient(
                transport=self.transport, timeout=TIMEOUT_SECONDS
            ) as client:
                response = await client.post(self.url, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryFailed(f"{self.channel} gateway {self.url}: {exc}") from exc
        if response.status_code >= 300:
            raise DeliveryFailed(
                f"{self.channel} gateway {self.url} answered {response.status_code}: "
                f"{response.text[:200]}"
            )
