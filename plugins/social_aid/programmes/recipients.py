"""Who is on a programme's list: adding a recipient, stopping one, and who is active.

A recipient is active until a `RecipientStop` is written for them; nothing is edited, so the list
at any past moment can be told from the rows.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from plugins.population import public as population
from plugins.social_aid.tables import Recipient, RecipientStop

ENTITY = "social_aid.recipient"


class RecipientError(ValueError):
    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


async def stopped_ids() -> set[int]:
    return {row["recipient"] for row in await RecipientStop.select(RecipientStop.recipient)}


async def active(programme_id: int | None = None) -> list[dict[str, Any]]:
    """Active recipients (of one programme, or of all), by name."""
    query = Recipient.select(
        Recipient.all_columns(),
        Recipient.programme.code.as_alias("programme_code"),
        Recipient.programme.kind.as_alias("programme_kind"),
        Recipient.programme.target.as_alias("programme_target"),
    ).order_by(Recipient.name)
    if programme_id is not None:
        query = query.where(Recipient.programme == programme_id)
    stopped = await stopped_ids()
    return [row for row in await query if row["id"] not in stopped]


async def memberships(people: list[Any]) -> dict[int, frozenset[str]]:
    """Active programme codes by resident id; a family programme counts for each member."""
    by_person: dict[int, set[str]] = {}
    by_family: dict[int, set[str]] = {}
    for row in await active():
        if row["programme_target"] == "person" or row["family_id"] is None:
            by_person.setdefault(row["resident_id"], set()).add(row["programme_code"])
        else:
            by_family.setdefault(row["family_id"], set()).add(row["programme_code"])
    result: dict[int, frozenset[str]] = {}
    for person in people:
        codes = by_person.get(person.id, set()) | by_family.get(person.family_id or -1, set())
        if codes:
            result[person.id] = frozenset(codes)
    return result


def _members(family: population.FamilyFacts | None) -> int:
    if family is None:
        return 1
    return sum(1 for member in family.members if member.living) or 1


async def add(
    kernel: Kernel,
    village_code: str,
    programme: dict[str, Any],
    person: population.PersonFacts,
    *,
    source: str,
    since: dt.date,
    actor: str,
    now: datetime,
    deliberation: int | None = None,
) -> int:
    """Put a living resident (or their family) on the programme's list, once."""
    if not person.living:
        raise RecipientError(
            _("{name} berstatus {status_label}, bukan penduduk hidup.").format(
                name=person.name, status_label=person.status_label
            ),
            "nik",
        )
    family_target = programme["target"] != "person"
    if family_target and person.family_id is None:
        raise RecipientError(
            _("{name} tidak terdaftar dalam keluarga (KK).").format(name=person.name), "nik"
        )
    current = [
        r
        for r in await active(programme["id"])
        if (r["family_id"] == person.family_id if family_target else r["resident_id"] == person.id)
    ]
    if current:
        raise RecipientError(
            _("{name} sudah menjadi penerima program ini.").format(name=current[0]["name"]), "nik"
        )
    family = await population.family(person.family_id) if person.family_id else None
    head = family.head if family_target and family and family.head else person
    row = Recipient(
        village_code=village_code,
        programme=programme["id"],
        resident_id=head.id,
        family_id=person.family_id,
        nik=head.nik,
        kk_number=person.kk_number,
        name=head.name,
        birth_date=head.birth_date,
        dusun=head.dusun,
        members=_members(family),
        source=source,
        deliberation=deliberation,
        since=since,
        recorded_by=actor,
        recorded_at=now,
    )
    inserted = await Recipient.insert(row).returning(Recipient.id)
    recipient_id = int(inserted[0]["id"])
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=recipient_id,
        after={"programme": programme["code"], "resident": head.id, "source": source},
    )
    return recipient_id


async def stop(
    kernel: Kernel,
    village_code: str,
    recipient_id: int,
    *,
    kind: str,
    reason: str,
    actor: str,
    now: datetime,
    event_ref: str = "",
) -> bool:
    """End a recipient's place on the list; False when it had ended already."""
    if await RecipientStop.exists().where(RecipientStop.recipient == recipient_id):
        return False
    await RecipientStop.insert(
        RecipientStop(
            village_code=village_code,
            recipient=recipient_id,
            kind=kind,
            reason=reason,
            event_ref=event_ref,
            stopped_by=actor,
            stopped_at=now,
        )
    )
    await kernel.audit(
        village_code,
        actor=actor,
        action="stop",
        entity=ENTITY,
        entity_id=recipient_id,
        after={"kind": kind, "reason": reason, "event": event_ref},
    )
    return True
