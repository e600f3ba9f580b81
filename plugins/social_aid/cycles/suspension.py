"""Population's death and move-out events suspend the person's aid in the same transaction.

The person's place on every list ends (a family's too, when they head it: recipient rows name the
head), and every unpaid entitlement of a cycle still running is suspended, its money back to the
fund. If this fails, the death is not recorded either: events run in the publisher's transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from core import DomainEvent, EventSubscriber
from core.kernel import Kernel
from plugins.social_aid.cycles import cycles
from plugins.social_aid.cycles.lifecycle import CANCELLED, CLOSED
from plugins.social_aid.programmes import recipients
from plugins.social_aid.tables import Entitlement, Recipient

DIED = "population.resident_died"
MOVED_OUT = "population.resident_moved_out"
REASONS = {DIED: "Penerima meninggal dunia", MOVED_OUT: "Penerima pindah keluar desa"}
KINDS = {DIED: "died", MOVED_OUT: "moved_out"}
ACTOR = "sistem:kependudukan"


async def suspend(event: DomainEvent, kernel: Kernel) -> None:
    resident_id = int(event.payload["resident_id"])
    reason = f"{REASONS[event.name]} ({event.payload.get('event_date', '')})"
    ref = f"{event.name}:{event.payload.get('event_id', '')}"
    now = datetime.now(UTC)
    stopped = await recipients.stopped_ids()
    rows = await Recipient.select().where(Recipient.resident_id == resident_id)
    for recipient in rows:
        if recipient["id"] not in stopped:
            await recipients.stop(
                kernel,
                event.village_code,
                recipient["id"],
                kind=KINDS[event.name],
                reason=reason,
                actor=ACTOR,
                now=now,
                event_ref=ref,
            )
        pending = await Entitlement.select(Entitlement.cycle).where(
            Entitlement.recipient == recipient["id"]
        )
        for cycle_id in {row["cycle"] for row in pending}:
            state = await cycles.load(cycle_id)
            if state is None or state.status in (CLOSED, CANCELLED):
                continue
            for entitlement in await cycles.entitlements(cycle_id):
                if (
                    entitlement["recipient"] == recipient["id"]
                    and entitlement["outcome"] == "pending"
                ):
                    await cycles.stop_entitlement(
                        event.village_code,
                        recipient["programme"],
                        entitlement,
                        kind="suspended",
                        reason=reason,
                        actor=ACTOR,
                        now=now,
                        event_ref=ref,
                    )


SUBSCRIBERS = [EventSubscriber(DIED, suspend), EventSubscriber(MOVED_OUT, suspend)]
