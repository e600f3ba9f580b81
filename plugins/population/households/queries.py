"""Reading households: one with its members and their KKs, a page of them with counts, and the
household a resident is in now. No HTTP here; every query is scoped to the caller's village by
the core."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins.population.households.tables import Household, HouseholdMember
from plugins.population.register.errors import NotInVillage
from plugins.population.tables import Family, Resident

HEAD_ROLE = 1
MEMBER_ROLE = 2
ALIVE = 1
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class Stay:
    """The household a resident is in now."""

    household_id: int
    number: str
    head_id: int
    head_name: str
    role: int


async def load_household(household_id: int) -> dict[str, Any]:
    """The household with this id, with its head's name and NIK; `NotInVillage` otherwise."""
    row = (
        await Household.select(
            Household.all_columns(),
            Household.head.name.as_alias("head_name"),
            Household.head.nik.as_alias("head_nik"),
        )
        .where(Household.id == household_id)
        .first()
    )
    if row is None:
        raise NotInVillage("Rumah tangga tidak ditemukan di desa ini.")
    return row


def _stay_columns() -> tuple[Any, ...]:
    return (
        HouseholdMember.id,
        HouseholdMember.resident,
        HouseholdMember.role,
        HouseholdMember.joined_on,
        HouseholdMember.left_on,
        HouseholdMember.resident.nik.as_alias("nik"),
        HouseholdMember.resident.name.as_alias("name"),
        HouseholdMember.resident.sex.as_alias("sex"),
        HouseholdMember.resident.status.as_alias("status"),
        HouseholdMember.resident.relationship.as_alias("relationship"),
        HouseholdMember.resident.family.as_alias("family"),
        HouseholdMember.resident.family.kk_number.as_alias("kk_number"),
        HouseholdMember.resident.village_code.as_alias("village_code"),
    )


def _member_order(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["role"], row["kk_number"] or "", row["relationship"] or 99, row["resident"])


async def members(household_id: int) -> list[dict[str, Any]]:
    """Those in the household now: the head first, then KK by KK in KK order."""
    rows = await HouseholdMember.select(*_stay_columns()).where(
        (HouseholdMember.household == household_id) & HouseholdMember.left_on.is_null()
    )
    return sorted(rows, key=_member_order)


async def former_members(household_id: int) -> list[dict[str, Any]]:
    """Those who left (or were in it when it was dissolved), the latest first."""
    rows = await (
        HouseholdMember.select(*_stay_columns())
        .where((HouseholdMember.household == household_id) & HouseholdMember.left_on.is_not_null())
        .order_by(HouseholdMember.left_on, ascending=False)
        .order_by(HouseholdMember.id, ascending=False)
    )
    return rows


def families_of(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The KKs the members belong to, each with its members, in the order members are listed."""
    found: dict[int | None, dict[str, Any]] = {}
    for row in rows:
        entry = found.setdefault(
            row["family"], {"id": row["family"], "kk_number": row["kk_number"] or "", "members": []}
        )
        entry["members"].append(row)
    return list(found.values())


async def stay_of(resident_id: int) -> Stay | None:
    """The household the resident is in now, or None."""
    row = (
        await HouseholdMember.select(
            HouseholdMember.household,
            HouseholdMember.role,
            HouseholdMember.household.number.as_alias("number"),
            HouseholdMember.household.head.as_alias("head_id"),
            HouseholdMember.household.head.name.as_alias("head_name"),
        )
        .where((HouseholdMember.resident == resident_id) & HouseholdMember.left_on.is_null())
        .first()
    )
    if row is None:
        return None
    return Stay(row["household"], row["number"], row["head_id"], row["head_name"], row["role"])


async def stays_of(resident_ids: list[int]) -> dict[int, Stay]:
    """The current household of each of these residents who has one, in one query."""
    if not resident_ids:
        return {}
    rows = await HouseholdMember.select(
        HouseholdMember.resident,
        HouseholdMember.household,
        HouseholdMember.role,
        HouseholdMember.household.number.as_alias("number"),
        HouseholdMember.household.head.as_alias("head_id"),
        HouseholdMember.household.head.name.as_alias("head_name"),
    ).where(HouseholdMember.resident.is_in(resident_ids) & HouseholdMember.left_on.is_null())
    return {
        r["resident"]: Stay(r["household"], r["number"], r["head_id"], r["head_name"], r["role"])
        for r in rows
    }


async def family_candidates(family_id: int | None) -> list[dict[str, Any]]:
    """The living members of a KK, each with the household they are in now (None when none)."""
    if family_id is None:
        return []
    rows = await (
        Resident.select(Resident.id, Resident.nik, Resident.name, Resident.relationship)
        .where((Resident.family == family_id) & (Resident.status == ALIVE))
        .order_by(Resident.relationship)
        .order_by(Resident.birth_date)
        .order_by(Resident.id)
    )
    stays = await stays_of([r["id"] for r in rows])
    return [{**r, "stay": stays.get(r["id"])} for r in rows]


async def family_place(family_id: int | None) -> dict[str, str] | None:
    """A KK's address, hamlet, RW and RT, as a household copies them."""
    if family_id is None:
        return None
    return (
        await Family.select(Family.address, Family.dusun, Family.rw, Family.rt)
        .where(Family.id == family_id)
        .first()
    )


@dataclass(frozen=True, slots=True)
class HouseholdPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


def _search(q: str, dissolved: bool) -> Any:
    where = Household.active == (not dissolved)
    words = " ".join(q.split())
    if not words:
        return where
    digits = words.replace(" ", "")
    if digits.isdigit():
        return where & (Household.number.like(f"%{digits}%") | (Household.head.nik == digits))
    pattern = "%" + words.lower().replace("%", "").replace("_", "") + "%"
    return where & Household.head.name_key.like(pattern)


async def household_page(q: str, page: int, *, dissolved: bool = False) -> HouseholdPage:
    """One page of households by number, each with its head and its counts of members and KKs.

    `q` is a household number (or part of one), the head's NIK, or part of the head's name."""
    where = _search(q, dissolved)
    total = await Household.count().where(where)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = await (
        Household.select(
            Household.id,
            Household.number,
            Household.head,
            Household.address,
            Household.dusun,
            Household.rw,
            Household.rt,
            Household.active,
            Household.village_code,
            Household.head.name.as_alias("head_name"),
            Household.head.nik.as_alias("head_nik"),
        )
        .where(where)
        .order_by(Household.number)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    counts = await _counts([r["id"] for r in rows])
    return HouseholdPage(
        [{**r, **counts.get(r["id"], {"members": 0, "families": 0})} for r in rows],
        total,
        page,
        pages,
    )


async def _counts(household_ids: list[int]) -> dict[int, dict[str, int]]:
    if not household_ids:
        return {}
    rows = await HouseholdMember.select(
        HouseholdMember.household, HouseholdMember.resident.family.as_alias("family")
    ).where(HouseholdMember.household.is_in(household_ids) & HouseholdMember.left_on.is_null())
    people: dict[int, int] = {}
    cards: dict[int, set[int]] = {}
    for row in rows:
        people[row["household"]] = people.get(row["household"], 0) + 1
        if row["family"] is not None:
            cards.setdefault(row["household"], set()).add(row["family"])
    return {
        hid: {"members": people.get(hid, 0), "families": len(cards.get(hid, ()))}
        for hid in household_ids
    }
