"""A birth recorded in the register enrols the newborn, in the same transaction.

The subscriber runs inside population's transaction: if enrolment fails, the birth is not
recorded either, so the register and the posyandu never disagree about who was born. The
newborn goes to the posyandu of their hamlet when there is one, and the mother's open pregnancy
is closed with the child linked.
"""

from __future__ import annotations

import datetime as dt

from core import DomainEvent
from core.kernel import Kernel
from plugins.health import residents
from plugins.health.children.children import BIRTH, enrol
from plugins.health.pregnancy import pregnancies
from plugins.health.tables import Posyandu


async def posyandu_of_hamlet(dusun: str) -> int | None:
    if not dusun:
        return None
    wanted = dusun.casefold()
    rows = await Posyandu.select(Posyandu.id, Posyandu.dusun).order_by(Posyandu.id)
    return next((r["id"] for r in rows if r["dusun"].casefold() == wanted), None)


async def on_birth(event: DomainEvent, kernel: Kernel) -> None:
    person = await residents.person(int(event.payload["resident_id"]))
    if person is None or person.birth_date is None:
        return
    today = dt.date.fromisoformat(str(event.payload.get("event_date") or person.birth_date))
    if person.birth_date < residents.oldest_birth_date(today):
        return
    at = dt.datetime.now(dt.UTC)
    await enrol(person, await posyandu_of_hamlet(person.dusun), at, by=BIRTH)
    if person.mother_nik:
        mother = await residents.person_by_nik(person.mother_nik)
        if mother is not None:
            await pregnancies.close_with_birth(mother.id, person.id, person.birth_date)
