"""A village's register as rules see it: population's people, the plugin's welfare records and
programme memberships, put together once per evaluation."""

from __future__ import annotations

from typing import Any

from plugins.population import public as population
from plugins.social_aid.eligibility.facts import Register, Welfare
from plugins.social_aid.programmes import recipients
from plugins.social_aid.tables import WelfareRecord


async def welfare_by_kk() -> dict[str, Welfare]:
    """The newest welfare record of each KK in scope."""
    found: dict[str, Welfare] = {}
    rows = (
        await WelfareRecord.select().order_by(WelfareRecord.recorded_at).order_by(WelfareRecord.id)
    )
    for row in rows:
        found[row["kk_number"]] = Welfare(
            decile=row["decile"],
            chronic_illness=row["chronic_illness"],
            lost_livelihood=row["lost_livelihood"],
            bps_criteria=row["bps_criteria"],
        )
    return found


async def load() -> Register:
    """The living residents of the current village with everything the facts need."""
    people: list[Any] = []
    async for batch in population.people_in_batches(living_only=True):
        people.extend(batch)
    return Register(
        people=people,
        welfare=await welfare_by_kk(),
        programmes=await recipients.memberships(people),
    )
