"""A recipient of a regency programme who moves to another village of the regency goes onto that
village's share of the programme, in time for its next cycle.

The old village's place ends when its register records the move out (`cycles.suspension`: the
place is stopped as `moved_out`, unpaid entitlements return to the fund). The new village's
register then records the arrival (a NIK is living in one village at a time), and population
publishes `population.resident_moved_in` in that village's transaction. Only the regency's scope
sees both villages, so the arrival enqueues a job that runs there: it finds the person's places
on shares of regency programmes that ended by a move, and lists the person on the new village's
share of each, once. A village's own programme (BLT Dana Desa) is not carried over: the new
village's deliberation decides on its own funds.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from core import DomainEvent, EventSubscriber
from core.jobs import Job, enqueue
from core.kernel import Kernel
from plugins.population import public as population
from plugins.social_aid.programmes import recipients
from plugins.social_aid.tables import Programme, Recipient, RecipientStop

MOVED_IN = "population.resident_moved_in"
JOB = "social_aid.follow_move"
SOURCE = "moved_in"
ACTOR = "sistem:kependudukan"


async def on_arrival(event: DomainEvent, kernel: Kernel) -> None:
    """Queue the follow-up in the regency's scope; the same arrival queues it once."""
    await enqueue(
        kernel,
        JOB,
        {
            "resident_id": int(event.payload["resident_id"]),
            "village_code": event.village_code,
            "event_date": str(event.payload.get("event_date", "")),
        },
        village_code=kernel.settings.regency_code,
        actor=ACTOR,
        dedupe_key=f"{event.village_code}:{event.payload.get('event_id', '')}",
    )


async def follow_move(kernel: Kernel, payload: dict[str, Any]) -> None:
    """List the arrived person on the new village's shares of the regency programmes they left."""
    person = await population.person(int(payload["resident_id"]))
    arrived_in = str(payload["village_code"])
    if person is None or not person.living or person.village_code != arrived_in:
        return
    since = _date(payload.get("event_date")) or datetime.now(UTC).date()
    for share in await _shares_left_by_moving(person.nik, arrived_in):
        try:
            await recipients.add(
                kernel,
                arrived_in,
                share,
                person,
                source=SOURCE,
                since=since,
                actor=ACTOR,
                now=datetime.now(UTC),
            )
        except recipients.RecipientError:
            continue  # already listed there, or no family card yet: the operator decides


async def _shares_left_by_moving(nik: str, arrived_in: str) -> list[dict[str, Any]]:
    """The new village's shares of every regency programme whose list the person left by moving
    out of another village."""
    left = await Recipient.select(
        Recipient.id, Recipient.programme.regency_key.as_alias("regency_key")
    ).where(
        (Recipient.nik == nik)
        & (Recipient.village_code != arrived_in)
        & (Recipient.programme.regency_key != "")
    )
    moved = {
        row["recipient"]
        for row in await RecipientStop.select(RecipientStop.recipient).where(
            RecipientStop.recipient.is_in([row["id"] for row in left] or [0])
            & (RecipientStop.kind == "moved_out")
        )
    }
    keys = sorted({row["regency_key"] for row in left if row["id"] in moved})
    if not keys:
        return []
    return await Programme.select().where(
        Programme.regency_key.is_in(keys) & (Programme.village_code == arrived_in)
    )


def _date(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None


SUBSCRIBERS = [EventSubscriber(MOVED_IN, on_arrival)]
JOBS = [Job(JOB, follow_move)]
