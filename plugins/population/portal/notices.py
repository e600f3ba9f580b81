"""Telling the family when one of its requests changes status, by the instance's notify channel.

The services publish `population.request_status_changed`; this subscriber writes the message
(Indonesian: the request kind, its new status, and the reason when it was returned) and queues it
through `core.notify`, so the request that moved it never waits for a gateway. The message goes to
the applicant's phone in the register, else to the phone of the resident the request is about;
with neither it is recorded in the outbox as undeliverable.
"""

from __future__ import annotations

from typing import Any

from core import DomainEvent, EventSubscriber, hookimpl
from core.jobs import Job
from core.kernel import Kernel
from core.notify import Message, delivery_job, send_later
from plugins.population.services.kinds import kind_title
from plugins.population.services.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import Resident, ServiceStep

__all__ = [
    "EVENT",
    "kampung_jobs",
    "notify_status_change",
    "status_message",
    "subscribers",
]

PLUGIN = "population"
EVENT = "population.request_status_changed"
RETURNED = "dikembalikan"
QUIET_STATES = frozenset({"dinilai"})
"""A rating is the family's own last word: nothing to tell them."""


def status_message(payload: dict[str, Any], reference: str, phone: str) -> Message:
    """The notice for one status change, as the family reads it."""
    request_id = payload["request_id"]
    kind = payload.get("kind_title") or kind_title(str(payload.get("kind", "")))
    label = payload.get("to_status_label") or REQUEST_LIFECYCLE.label(payload["to_status"])
    reason = str(payload.get("reason") or "").strip()
    body = f"Status permohonan {kind} Anda (#{request_id}) sekarang: {label}."
    if reason:
        body += f" Alasan: {reason}."
    if payload["to_status"] == RETURNED:
        body += " Silakan perbaiki dan kirim ulang lewat layanan mandiri warga."
    return Message(
        reference=reference,
        subject=f"Permohonan #{request_id} {kind}: {label}",
        body=body,
        phone=phone,
    )


async def _phone(payload: dict[str, Any]) -> str:
    """The applicant's phone if they are in the register with one, else the subject's."""
    candidates = []
    if payload.get("applicant_nik"):
        candidates.append(Resident.nik == payload["applicant_nik"])
    if payload.get("resident_id"):
        candidates.append(Resident.id == payload["resident_id"])
    for where in candidates:
        row = await Resident.select(Resident.phone).where(where).first()
        if row is not None and row["phone"].strip():
            return str(row["phone"]).strip()
    return ""


async def _reference(payload: dict[str, Any]) -> str:
    """Unique per status change of the request: the same change published twice is one
    message, a request returned twice gets two."""
    steps = await ServiceStep.count().where(ServiceStep.request == payload["request_id"])
    return (
        f"population.request:{payload['request_id']}:{steps}:"
        f"{payload.get('action', '')}:{payload['to_status']}"
    )


async def notify_status_change(event: DomainEvent, kernel: Kernel) -> None:
    """Queue the family's notice in the publisher's transaction (it exists only if that
    commits); the delivery job sends it."""
    payload = event.payload
    if payload.get("to_status") in QUIET_STATES:
        return
    message = status_message(payload, await _reference(payload), await _phone(payload))
    await send_later(kernel, PLUGIN, message, village_code=event.village_code)


def subscribers() -> list[EventSubscriber]:
    return [EventSubscriber(EVENT, notify_status_change)]


@hookimpl
def kampung_jobs() -> list[Job]:
    return [delivery_job(PLUGIN)]
