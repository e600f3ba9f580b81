"""A member who dies or moves out of the village leaves their household on the event's date.

The register publishes the life event inside the transaction that records it, with the village's
scope in force, so the household changes in that same transaction. A head who leaves a household
with other members stays its head until the operator names another one (the household's page
shows the head's new status): who leads the house is for the family to say, not for a rule. A
head who was the last member ends the household, as dissolving it would.
"""

from __future__ import annotations

import datetime as dt

from core import DomainEvent, EventSubscriber
from core.kernel import Kernel
from plugins.population.households.households import ENTITY, dissolve
from plugins.population.households.tables import Household, HouseholdMember
from plugins.population.register.status import DEATH, DOMAIN_EVENTS, MOVE_OUT

__all__ = ["LEAVING_EVENTS", "leave_household", "subscribers"]

LEAVING_EVENTS = (DOMAIN_EVENTS[DEATH], DOMAIN_EVENTS[MOVE_OUT])
ACTOR = "sistem:peristiwa"
"""Who the audit trail names: the life event, recorded by the operator named on it."""


async def leave_household(event: DomainEvent, kernel: Kernel) -> None:
    resident_id = int(event.payload["resident_id"])
    left_on = dt.date.fromisoformat(str(event.payload["event_date"]))
    stay = (
        await HouseholdMember.select(HouseholdMember.id, HouseholdMember.household)
        .where((HouseholdMember.resident == resident_id) & HouseholdMember.left_on.is_null())
        .first()
    )
    if stay is None:
        return
    household_id = int(stay["household"])
    household = await Household.select(Household.head).where(Household.id == household_id).first()
    others = await HouseholdMember.count().where(
        (HouseholdMember.household == household_id)
        & HouseholdMember.left_on.is_null()
        & (HouseholdMember.resident != resident_id)
    )
    if household is not None and household["head"] == resident_id:
        if others == 0:
            await dissolve(kernel, event.village_code, ACTOR, household_id, today=left_on)
        return
    await HouseholdMember.update({HouseholdMember.left_on: left_on}).where(
        HouseholdMember.id == stay["id"]
    )
    await kernel.audit(
        event.village_code,
        actor=ACTOR,
        action="remove_member",
        entity=ENTITY,
        entity_id=household_id,
        before={"resident": resident_id},
        after={"left_on": left_on.isoformat(), "event": event.name},
    )


def subscribers() -> list[EventSubscriber]:
    return [EventSubscriber(name, leave_household) for name in LEAVING_EVENTS]
