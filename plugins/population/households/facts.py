"""What `plugins.population.public` tells other plugins about households: the rows behind
`HouseholdFacts`, read in the caller's scope (a household of another village is not found)."""

from __future__ import annotations

from typing import Any

from plugins.population.households.queries import members
from plugins.population.households.tables import Household, HouseholdMember


async def _with_members(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    current = await members(row["id"])
    families = dict.fromkeys(m["family"] for m in current if m["family"] is not None)
    return {
        **row,
        "member_ids": tuple(m["resident"] for m in current),
        "family_ids": tuple(families),
    }


def _household() -> Any:
    return Household.select(
        Household.id,
        Household.village_code,
        Household.number,
        Household.head,
        Household.address,
        Household.dusun,
        Household.rw,
        Household.rt,
        Household.active,
    )


async def household_row_of(resident_id: int) -> dict[str, Any] | None:
    """The household the resident is in now, with its members' and KKs' ids."""
    stay = (
        await HouseholdMember.select(HouseholdMember.household)
        .where((HouseholdMember.resident == resident_id) & HouseholdMember.left_on.is_null())
        .first()
    )
    if stay is None:
        return None
    return await _with_members(await _household().where(Household.id == stay["household"]).first())


async def household_row_by_number(number: str) -> dict[str, Any] | None:
    """The household with this number in the current scope, active or dissolved."""
    row = await _household().where(Household.number == number.replace(" ", "")).first()
    return await _with_members(row)
