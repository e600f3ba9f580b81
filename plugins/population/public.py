"""Population's public read API: the only door through which other plugins read the register.

Social aid, health, the tourism market and public information import this module and nothing
else of population (`tests/core/test_public_api.py` holds them to it). Everything here reads;
writes stay inside population, which tells others what changed through the domain events named
in `EVENTS`.

Each function runs inside the caller's transaction and sees only the rows of the tenant scope the
caller already set (the village of the request, or `core.db.tenant_transaction` in a command or a
test); a person or family of another village is `None`, even asked for by its id or NIK.
`village_counts` is the one exception: it counts the village it is given, whatever the caller's
scope, so a public page with no scope can show the numbers. Answers are frozen dataclasses with
codes resolved to their Dukcapil labels, so a consumer never needs population's tables or code
lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from piccolo.query.functions.aggregate import Count

from core.db import read_in_village
from core.localtime import local_today
from plugins.population.domain.codes import (
    BASIC_STATUS,
    DISABILITY,
    EDUCATION,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
    CodeList,
)
from plugins.population.households.facts import household_row_by_number, household_row_of
from plugins.population.register.search import (
    ALL_STATUSES,
    ResidentFilter,
    filter_conditions,
    sort_key,
)
from plugins.population.register.status import (
    ALIVE,
    AWAY,
    BIRTH,
    CORRECTED_EVENT,
    DEAD,
    DEATH,
    DOMAIN_EVENTS,
    GONE_MISSING,
    LEFT,
    MISSING,
    MOVE_IN,
    MOVE_OUT,
    MOVED,
)
from plugins.population.services.status_events import REQUEST_STATUS_CHANGED
from plugins.population.tables import Family, Resident

__all__ = [
    "EVENTS",
    "EventInfo",
    "FamilyFacts",
    "HouseholdFacts",
    "PersonFacts",
    "PopulationCounts",
    "born_between",
    "family",
    "family_by_kk",
    "find_people",
    "household_by_number",
    "household_of",
    "people",
    "people_in_batches",
    "person",
    "person_by_nik",
    "village_counts",
]

STATUS_NAMES = {
    ALIVE: "hidup",
    DEAD: "meninggal",
    MOVED: "pindah",
    GONE_MISSING: "hilang",
    AWAY: "pergi",
    9: "tidak_valid",
}
"""`PersonFacts.status` for each basic-status code: a stable word a consumer can compare with."""

SEX_LETTERS = {1: "L", 2: "P"}
HEAD_OF_FAMILY = 1
"""`RELATIONSHIP` code of the head of the family (Kepala Keluarga), listed first in a family."""


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """One resident as other plugins see them: the register's facts, codes with their labels."""

    id: int
    village_code: str
    nik: str
    nik_temporary: bool
    """The NIK is a temporary one the village made up until Dukcapil issues the real one."""
    kk_number: str
    """The family card number, "" when the resident belongs to no family."""
    family_id: int | None
    name: str
    sex: str
    """"L" (laki-laki) or "P" (perempuan)."""
    sex_label: str
    birth_date: dt.date | None
    birth_place: str
    status: str
    """"hidup", "meninggal", "pindah", "hilang", "pergi" or "tidak_valid"."""
    status_label: str
    relationship: int | None
    relationship_label: str
    religion: int | None
    religion_label: str
    education: int | None
    education_label: str
    occupation: int | None
    occupation_label: str
    marital_status: int | None
    marital_status_label: str
    disability: int | None
    disability_label: str
    father_nik: str
    father_name: str
    mother_nik: str
    mother_name: str
    dusun: str
    rw: str
    rt: str
    address: str
    phone: str

    @property
    def living(self) -> bool:
        return self.status == "hidup"

    def age_on(self, day: dt.date) -> int | None:
        """Whole years of age on `day`; None when the birth date is not known."""
        if self.birth_date is None:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday

    def age_months_on(self, day: dt.date) -> int | None:
        """Whole months of age on `day` (a posyandu's measure); None without a birth date."""
        if self.birth_date is None:
            return None
        months = (day.year - self.birth_date.year) * 12 + day.month - self.birth_date.month
        return months - (day.day < self.birth_date.day)


@dataclass(frozen=True, slots=True)
class FamilyFacts:
    """A family card (KK) with its members, the head first."""

    id: int
    village_code: str
    kk_number: str
    address: str
    dusun: str
    rw: str
    rt: str
    active: bool
    """False once the card is no longer in use (its members moved to other cards)."""
    members: tuple[PersonFacts, ...]
    """Everyone on the card whatever their status (see `PersonFacts.status`), head first."""

    @property
    def head(self) -> PersonFacts | None:
        return next((m for m in self.members if m.relationship == HEAD_OF_FAMILY), None)


@dataclass(frozen=True, slots=True)
class PopulationCounts:
    """A village's totals, safe for a public page: numbers only, no person can be picked out."""

    residents: int
    """Living residents."""
    male: int
    female: int
    families: int
    """Family cards in use."""
    by_dusun: dict[str, int]
    """Living residents per hamlet; "" holds those recorded without one."""


@dataclass(frozen=True, slots=True)
class EventInfo:
    """A domain event population publishes: what it means and the keys of its payload."""

    description: str
    payload: tuple[str, ...]


_LIFE_EVENT_PAYLOAD = ("resident_id", "nik", "event_id", "event_date")
_LIFE_EVENT_MEANING = {
    BIRTH: "A birth was recorded: a new living resident.",
    DEATH: "A death was recorded: the resident is no longer living.",
    MOVE_OUT: "The resident moved out of the village.",
    MISSING: "The resident was reported missing.",
    MOVE_IN: "A resident moved into the village (or came back) and is living here.",
    LEFT: "The resident left the village for a while (pergi) without moving out.",
}

EVENTS: dict[str, EventInfo] = {
    **{
        DOMAIN_EVENTS[kind]: EventInfo(meaning, _LIFE_EVENT_PAYLOAD)
        for kind, meaning in _LIFE_EVENT_MEANING.items()
    },
    CORRECTED_EVENT: EventInfo(
        "A recorded life event was cancelled by a correction; the resident's status was derived "
        "again (read it with `person`). `corrects` is the cancelled event's id, `kind` its kind.",
        ("resident_id", "nik", "event_id", "corrects", "kind"),
    ),
    REQUEST_STATUS_CHANGED: EventInfo(
        "A one-door service request changed status (an operator, the regency office or the "
        "citizen acted). `kind` is the service code and `kind_title` its name, `to_status_label` "
        "the new status in words, `reason` the reason given ('' when none), `resident_id` the "
        "person it is for (None before they are in the register), `channel` `loket` or `online`.",
        (
            "request_id",
            "kind",
            "kind_title",
            "action",
            "from_status",
            "to_status",
            "to_status_label",
            "reason",
            "resident_id",
            "applicant_nik",
            "channel",
        ),
    ),
}
"""Every domain event population publishes, by name. `event_date` is an ISO date (YYYY-MM-DD),
`resident_id`, `event_id`, `request_id` and `corrects` are ids, `kind` a `LIFE_EVENT` code (a
service code for a request)."""

_COLUMNS = (
    Resident.id,
    Resident.village_code,
    Resident.nik,
    Resident.nik_temporary,
    Resident.family,
    Resident.name,
    Resident.sex,
    Resident.birth_date,
    Resident.birth_place,
    Resident.status,
    Resident.relationship,
    Resident.religion,
    Resident.education,
    Resident.occupation,
    Resident.marital_status,
    Resident.disability,
    Resident.father_nik,
    Resident.father_name,
    Resident.mother_nik,
    Resident.mother_name,
    Resident.dusun,
    Resident.rw,
    Resident.rt,
    Resident.address,
    Resident.phone,
)
_CODED: tuple[tuple[str, CodeList], ...] = (
    ("relationship", RELATIONSHIP),
    ("religion", RELIGION),
    ("education", EDUCATION),
    ("occupation", OCCUPATION),
    ("marital_status", MARITAL_STATUS),
    ("disability", DISABILITY),
)


def _select(where: Any) -> Any:
    """Residents matching `where`, with the family card number joined in. `Resident` is a tenant
    table: the core limits the query to the caller's scope, and refuses it when none is set."""
    query = Resident.select(*_COLUMNS, Resident.family.kk_number.as_alias("kk_number"))
    return query.where(where)


def _label(codes: CodeList, code: int | None) -> str:
    return codes.labels.get(code, "") if code is not None else ""


def _facts(row: dict[str, Any]) -> PersonFacts:
    coded: dict[str, Any] = {}
    for key, codes in _CODED:
        coded[key] = row[key]
        coded[f"{key}_label"] = _label(codes, row[key])
    return PersonFacts(
        id=row["id"],
        village_code=row["village_code"],
        nik=row["nik"],
        nik_temporary=bool(row["nik_temporary"]),
        kk_number=row["kk_number"] or "",
        family_id=row["family"],
        name=row["name"],
        sex=SEX_LETTERS.get(row["sex"], ""),
        sex_label=_label(SEX, row["sex"]),
        birth_date=row["birth_date"],
        birth_place=row["birth_place"],
        status=STATUS_NAMES.get(row["status"], ""),
        status_label=_label(BASIC_STATUS, row["status"]),
        father_nik=row["father_nik"],
        father_name=row["father_name"],
        mother_nik=row["mother_nik"],
        mother_name=row["mother_name"],
        dusun=row["dusun"],
        rw=row["rw"],
        rt=row["rt"],
        address=row["address"],
        phone=row["phone"],
        **coded,
    )


async def person(person_id: int) -> PersonFacts | None:
    """The resident with this id in the current scope, whatever their status."""
    row = await _select(Resident.id == person_id).first()
    return _facts(row) if row else None


async def person_by_nik(nik: str) -> PersonFacts | None:
    """The resident holding this NIK in the current scope; the living one when a NIK was reused
    (a NIK belongs to one living resident regency-wide; old records of the dead may keep it)."""
    rows = await _select(Resident.nik == nik.replace(" ", "")).order_by(Resident.id)
    facts = [_facts(row) for row in rows]
    return next((f for f in facts if f.living), facts[-1] if facts else None)


async def people(ids: Iterable[int]) -> dict[int, PersonFacts]:
    """The residents with these ids in the current scope, by id, in one query; ids of other
    villages or of nobody are simply absent. For a whole village use `people_in_batches`."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await _select(Resident.id.is_in(wanted))
    return {row["id"]: _facts(row) for row in rows}


async def find_people(text: str, *, limit: int = 20, living_only: bool = True) -> list[PersonFacts]:
    """Residents of the current village for `text`, ordered by name: with the register's own
    index-backed search, those having for each word typed a word of their name that starts with
    it (case and spacing ignored), or, when `text` is digits, those whose NIK is or ends with
    it (at least the last 4 digits; fewer find nobody)."""
    query = " ".join(text.split())
    if not query or limit < 1:
        return []
    digits = query.replace(" ", "")
    status = str(ALIVE) if living_only else ALL_STATUSES
    wanted = (
        ResidentFilter(nik=digits, status=status)
        if digits.isdigit()
        else ResidentFilter(q=query, status=status)
    )
    where = filter_conditions(Resident.required_scope(), wanted, local_today())
    if where is None:
        return []
    rows = await _select(where).order_by(sort_key(wanted), Resident.id).limit(limit)
    return [_facts(row) for row in rows]


def _head_first(member: PersonFacts) -> tuple[Any, ...]:
    relationship = member.relationship if member.relationship is not None else 99
    born = member.birth_date or dt.date.max
    return (relationship != HEAD_OF_FAMILY, relationship, born, member.id)


async def _family(where: Any) -> FamilyFacts | None:
    row = (
        await Family.select()
        .where(where)
        .order_by(Family.active, ascending=False)
        .order_by(Family.id, ascending=False)
        .first()
    )
    if row is None:
        return None
    members = [_facts(r) for r in await _select(Resident.family == row["id"])]
    return FamilyFacts(
        id=row["id"],
        village_code=row["village_code"],
        kk_number=row["kk_number"],
        address=row["address"],
        dusun=row["dusun"],
        rw=row["rw"],
        rt=row["rt"],
        active=bool(row["active"]),
        members=tuple(sorted(members, key=_head_first)),
    )


async def family(family_id: int) -> FamilyFacts | None:
    """The family card with this id in the current scope, with its members (two queries)."""
    return await _family(Family.id == family_id)


async def family_by_kk(kk: str) -> FamilyFacts | None:
    """The family card with this number in the current scope; the card in use when an old,
    closed card carried the same number."""
    return await _family(Family.kk_number == kk.replace(" ", ""))


async def people_in_batches(
    *, living_only: bool = True, batch: int = 1000
) -> AsyncIterator[list[PersonFacts]]:
    """Every resident of the current scope, `batch` at a time in id order, for rule evaluation
    over a whole village. Keyset-paged (`id > last`), so the thousandth batch costs what the
    first did and memory stays at one batch."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    last = 0
    while True:
        where = Resident.id > last
        if living_only:
            where = where & (Resident.status == ALIVE)
        rows = await _select(where).order_by(Resident.id).limit(batch)
        if not rows:
            return
        yield [_facts(row) for row in rows]
        if len(rows) < batch:
            return
        last = rows[-1]["id"]


async def born_between(
    start: dt.date, end: dt.date, *, living_only: bool = True
) -> list[PersonFacts]:
    """Residents of the current scope born from `start` to `end`, both included, oldest first
    (e.g. the under-fives a posyandu weighs)."""
    where = (Resident.birth_date >= start) & (Resident.birth_date <= end)
    if living_only:
        where = where & (Resident.status == ALIVE)
    rows = await _select(where).order_by(Resident.birth_date, Resident.id)
    return [_facts(row) for row in rows]


async def village_counts(village_code: str) -> PopulationCounts:
    """One village's totals, for any page, a public one with no scope included.

    Read through `core.db.read_in_village`: the caller's scope (none for a visitor) is never
    widened, and nothing but numbers leaves the village.
    """
    return await read_in_village(Resident._meta.db, village_code, _counts)


async def _counts() -> PopulationCounts:
    living = Resident.status == ALIVE
    by_sex = await Resident.select(Resident.sex, Count()).where(living).group_by(Resident.sex)
    by_dusun = (
        await Resident.select(Resident.dusun, Count())
        .where(living)
        .group_by(Resident.dusun)
        .order_by(Resident.dusun)
    )
    families = await Family.count().where(Family.active == True)  # noqa: E712
    sexes = {row["sex"]: row["count"] for row in by_sex}
    return PopulationCounts(
        residents=sum(sexes.values()),
        male=sexes.get(1, 0),
        female=sexes.get(2, 0),
        families=families,
        by_dusun={row["dusun"]: row["count"] for row in by_dusun},
    )


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    """A household (rumah tangga): the people of one house, on one or more family cards, under
    one head; what the social registry (DTKS/DTSEN) counts."""

    id: int
    village_code: str
    number: str
    """Nomor rumah tangga, unique in its village."""
    head_id: int
    """The resident who heads it (Kepala Rumah Tangga), one of `member_ids`."""
    member_ids: tuple[int, ...]
    """Everyone in it now, the head first, whatever their status; read them with `people`."""
    family_ids: tuple[int, ...]
    """The family cards (KK) its members are on; read them with `family`."""
    address: str
    dusun: str
    rw: str
    rt: str
    active: bool
    """False once dissolved: it then has no members."""


def _household_facts(row: dict[str, Any] | None) -> HouseholdFacts | None:
    if row is None:
        return None
    return HouseholdFacts(
        id=row["id"],
        village_code=row["village_code"],
        number=row["number"],
        head_id=row["head"],
        member_ids=row["member_ids"],
        family_ids=row["family_ids"],
        address=row["address"],
        dusun=row["dusun"],
        rw=row["rw"],
        rt=row["rt"],
        active=bool(row["active"]),
    )


async def household_of(resident_id: int) -> HouseholdFacts | None:
    """The household the resident is in now, in the current scope; None when in none."""
    return _household_facts(await household_row_of(resident_id))


async def household_by_number(number: str) -> HouseholdFacts | None:
    """The household with this number in the current village, active or dissolved."""
    return _household_facts(await household_row_by_number(number))
