"""Demo households for a village the importer has filled: most KKs are a household of their
own, and a few houses hold two KKs (a married child's family living with the parents)."""

from __future__ import annotations

from core import DemoContext
from core.localtime import local_today
from plugins.population.households.households import add_family, create_household
from plugins.population.households.queries import family_candidates
from plugins.population.register.errors import RegisterError
from plugins.population.tables import Family, Resident

ACTOR = "demo"
HOUSEHOLDS = 30
"""How many KKs get a household; every fifth takes in the next KK as a second one."""
HEAD = 1
ALIVE = 1


async def demo_households(context: DemoContext) -> None:
    code = context.village.code
    today = local_today()
    cards = await (
        Family.select(Family.id, Family.kk_number)
        .where(Family.active == True)  # noqa: E712
        .order_by(Family.id)
        .limit(HOUSEHOLDS)
    )
    index = 0
    while index < len(cards):
        card = cards[index]
        index += 1
        head = (
            await Resident.select(Resident.nik)
            .where(
                (Resident.family == card["id"])
                & (Resident.relationship == HEAD)
                & (Resident.status == ALIVE)
            )
            .first()
        )
        if head is None:
            continue
        members = [c["id"] for c in await family_candidates(card["id"]) if c["stay"] is None]
        try:
            household_id = await create_household(
                context.kernel, code, ACTOR, head["nik"], members, today=today
            )
            if index % 5 == 0 and index < len(cards):
                await add_family(
                    context.kernel,
                    code,
                    ACTOR,
                    household_id,
                    cards[index]["kk_number"],
                    today=today,
                )
                index += 1
        except RegisterError:
            continue
