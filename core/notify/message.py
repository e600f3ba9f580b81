"""What is sent: one message to one person, with the contacts a notifier may pick from."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Message"]


@dataclass(frozen=True, slots=True)
class Message:
    """A notice to one resident, e.g. that their request was returned and why."""

    reference: str
    """Unique within the village for this notice: a retry or a repeated event with the same
    reference sends nothing more, and gateways receive it as their idempotency key."""
    subject: str
    """A short title (the e-mail subject; text channels put it before the body)."""
    body: str
    """The text, in the language the resident reads (Indonesian)."""
    phone: str = ""
    """The resident's mobile number as the register holds it (`08…` or `+62…`); "" if none."""
    email: str = ""
    """The resident's e-mail address; "" if none."""

    def to_payload(self) -> dict[str, Any]:
        """The message as a job's JSON payload."""
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Message:
        return cls(**{key: str(payload.get(key, "")) for key in cls.__dataclass_fields__})
