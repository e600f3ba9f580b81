"""The rules of a household (rumah tangga): make one, take in a person or a whole KK, let one go,
change its head, dissolve it.

A household has one head, a living resident who is one of its members, and every living
resident is in at most one household at a time. A stay is never deleted: leaving closes it
(`left_on`), so a person's rows are their history. Each function writes inside the caller's
transaction (the request's), audits what it changed, and refuses with a `RegisterError` naming
the form field and, when a person is already elsewhere, the household they are in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from plugins.population.households.eligibility import refuse_if_elsewhere, resident_by_nik
from plugins.population.households.numbering import NUMBER_LENGTH, next_number
from plugins.population.households.queries import (
    ALIVE,
    HEAD_ROLE,
    MEMBER_ROLE,
    family_candidates,
    family_place,
    load_household,
    members,
)
from plugins.population.households.tables import Household, HouseholdMember
from plugins.population.register.errors import RegisterError, unique_guarded
from plugins.population.tables import Family, Resident

ENTITY = "household"
NUMBER_ATTEMPTS = 5
"""Generated numbers tried before giving up when other operators keep taking the next one."""


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _checked_number(number: str) -> str:
    digits = number.replace(" ", "")
    if not digits.isdigit() or len(digits) > NUMBER_LENGTH:
        raise RegisterError(
            _("Nomor rumah tangga hanya boleh berisi angka, paling banyak {n} digit.").format(
                n=NUMBER_LENGTH
            ),
            "number",
        )
    return digits


def _taken(number: str) -> RegisterError:
    return RegisterError(
        _("Nomor rumah tangga {number} sudah dipakai di desa ini.").format(number=number),
        "number",
    )


async def _place_of(head: dict[str, Any]) -> dict[str, str]:
    """The head's KK address (the resident's own when the KK has none or there is no KK)."""
    place = await family_place(head["family"])
    if place and any(place.values()):
        return place
    own = (
        await Resident.select(Resident.address, Resident.dusun, Resident.rw, Resident.rt)
        .where(Resident.id == head["id"])
        .first()
    )
    return own or {"address": "", "dusun": "", "rw": "", "rt": ""}


async def _join(
    household_id: int, resident_id: int, role: int, actor: str, today: dt.date, now: dt.datetime
) -> None:
    async def insert() -> None:
        await HouseholdMember.insert(
            HouseholdMember(
                household=household_id,
                resident=resident_id,
                role=role,
                joined_on=today,
                recorded_by=actor,
                recorded_at=now,
            )
        )

    refusal = RegisterError(
        _("Penduduk ini baru saja dimasukkan ke rumah tangga lain oleh petugas lain."), "nik"
    )
    await unique_guarded(Household._meta.db, insert, refusal)


async def _insert_household(
    village_code: str, number: str, head_id: int, place: dict[str, str], actor: str, now: Any
) -> tuple[int, str]:
    typed = bool(number)
    candidate = _checked_number(number) if typed else await next_number(village_code)
    for _attempt in range(NUMBER_ATTEMPTS):
        if await Household.exists().where(Household.number == candidate):
            if typed:
                raise _taken(candidate)
            candidate = await next_number(village_code)
            continue

        async def insert(number: str = candidate) -> int:
            rows = await Household.insert(
                Household(
                    number=number,
                    head=head_id,
                    address=place["address"],
                    dusun=place["dusun"],
                    rw=place["rw"],
                    rt=place["rt"],
                    active=True,
                    created_by=actor,
                    created_at=now,
                    updated_by=actor,
                    updated_at=now,
                )
            ).returning(Household.id)
            return int(rows[0]["id"])

        try:
            return await unique_guarded(Household._meta.db, insert, _taken(candidate)), candidate
        except RegisterError:
            if typed:
                raise
            candidate = await next_number(village_code)
    raise _taken(candidate)


async def create_household(
    kernel: Kernel,
    village_code: str,
    actor: str,
    head_nik: str,
    member_ids: Iterable[int],
    *,
    number: str = "",
    today: dt.date,
    now: dt.datetime | None = None,
) -> int:
    """A new household headed by the resident with `head_nik`, with the chosen members of the
    head's KK; its number is generated (see `numbering`) when `number` is empty."""
    moment = _now(now)
    head = await resident_by_nik(head_nik, "head_nik")
    await refuse_if_elsewhere([head], "head_nik")
    family = {c["id"]: c for c in await family_candidates(head["family"])}
    chosen = [i for i in dict.fromkeys(member_ids) if i != head["id"]]
    strangers = [i for i in chosen if i not in family]
    if strangers:
        raise RegisterError(
            _("Anggota yang dipilih harus penduduk hidup dalam KK kepala rumah tangga."),
            "members",
        )
    await refuse_if_elsewhere([family[i] for i in chosen], "members")
    household_id, issued = await _insert_household(
        village_code, number, head["id"], await _place_of(head), actor, moment
    )
    await _join(household_id, head["id"], HEAD_ROLE, actor, today, moment)
    for resident_id in chosen:
        await _join(household_id, resident_id, MEMBER_ROLE, actor, today, moment)
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=household_id,
        after={"number": issued, "head": head["id"], "members": [head["id"], *chosen]},
    )
    return household_id


async def _open(household_id: int) -> dict[str, Any]:
    household = await load_household(household_id)
    if not household["active"]:
        raise RegisterError(_("Rumah tangga ini sudah dibubarkan; tidak bisa diubah lagi."))
    return household


async def _touch(household_id: int, actor: str, now: dt.datetime, **changes: Any) -> None:
    values: dict[Any, Any] = {Household.updated_by: actor, Household.updated_at: now}
    values.update({getattr(Household, key): value for key, value in changes.items()})
    await Household.update(values).where(Household.id == household_id)


async def add_member(
    kernel: Kernel,
    village_code: str,
    actor: str,
    household_id: int,
    nik: str,
    *,
    today: dt.date,
    now: dt.datetime | None = None,
) -> int:
    """Take one living resident of the village (by NIK) into the household; their id."""
    moment = _now(now)
    await _open(household_id)
    person = await resident_by_nik(nik, "nik")
    await refuse_if_elsewhere([person], "nik", household_id)
    await _join(household_id, person["id"], MEMBER_ROLE, actor, today, moment)
    await _touch(household_id, actor, moment)
    await kernel.audit(
        village_code,
        actor=actor,
        action="add_member",
        entity=ENTITY,
        entity_id=household_id,
        after={"resident": person["id"]},
    )
    return int(person["id"])


async def add_family(
    kernel: Kernel,
    village_code: str,
    actor: str,
    household_id: int,
    kk_number: str,
    *,
    today: dt.date,
    now: dt.datetime | None = None,
) -> list[int]:
    """Take every living member of an active KK of the village into the household; their ids.

    Members already in this household are passed over; one in another household refuses the
    whole KK, naming that household, so nobody is silently moved."""
    moment = _now(now)
    await _open(household_id)
    digits = kk_number.replace(" ", "")
    if not digits:
        raise RegisterError(_("Nomor KK wajib diisi."), "kk_number")
    family = (
        await Family.select(Family.id)
        .where((Family.kk_number == digits) & (Family.active == True))  # noqa: E712
        .first()
    )
    if family is None:
        raise RegisterError(
            _("Nomor KK {kk} tidak terdaftar sebagai KK aktif di desa ini.").format(kk=digits),
            "kk_number",
        )
    people = await family_candidates(family["id"])
    here = {p["id"] for p in people if p["stay"] and p["stay"].household_id == household_id}
    joining = [p for p in people if p["id"] not in here]
    if not joining:
        raise RegisterError(
            _("Tidak ada anggota hidup KK {kk} yang belum masuk rumah tangga ini.").format(
                kk=digits
            ),
            "kk_number",
        )
    await refuse_if_elsewhere(joining, "kk_number", household_id)
    for person in joining:
        await _join(household_id, person["id"], MEMBER_ROLE, actor, today, moment)
    await _touch(household_id, actor, moment)
    ids = [int(p["id"]) for p in joining]
    await kernel.audit(
        village_code,
        actor=actor,
        action="add_family",
        entity=ENTITY,
        entity_id=household_id,
        after={"kk_number": digits, "residents": ids},
    )
    return ids


async def remove_member(
    kernel: Kernel,
    village_code: str,
    actor: str,
    household_id: int,
    resident_id: int,
    *,
    today: dt.date,
    now: dt.datetime | None = None,
) -> None:
    """Close a member's stay; the head stays until another member is made head."""
    moment = _now(now)
    household = await _open(household_id)
    current = {m["resident"]: m for m in await members(household_id)}
    if resident_id not in current:
        raise RegisterError(_("Penduduk ini bukan anggota rumah tangga ini."), "resident")
    if resident_id == household["head"]:
        raise RegisterError(
            _(
                "Kepala rumah tangga tidak bisa dikeluarkan; ganti kepala rumah tangga lebih "
                "dahulu atau bubarkan rumah tangga."
            ),
            "resident",
        )
    await HouseholdMember.update({HouseholdMember.left_on: today}).where(
        HouseholdMember.id == current[resident_id]["id"]
    )
    await _touch(household_id, actor, moment)
    await kernel.audit(
        village_code,
        actor=actor,
        action="remove_member",
        entity=ENTITY,
        entity_id=household_id,
        before={"resident": resident_id},
    )


async def change_head(
    kernel: Kernel,
    village_code: str,
    actor: str,
    household_id: int,
    new_head_id: int,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Make a living member the head; the household's address follows the new head's KK."""
    moment = _now(now)
    household = await _open(household_id)
    current = {m["resident"]: m for m in await members(household_id)}
    if new_head_id not in current:
        raise RegisterError(
            _("Kepala rumah tangga baru harus anggota rumah tangga ini."), "new_head"
        )
    if current[new_head_id]["status"] != ALIVE:
        raise RegisterError(
            _("Kepala rumah tangga baru harus penduduk yang masih hidup."), "new_head"
        )
    if new_head_id == household["head"]:
        raise RegisterError(_("Penduduk ini sudah menjadi kepala rumah tangga."), "new_head")
    await HouseholdMember.update({HouseholdMember.role: MEMBER_ROLE}).where(
        (HouseholdMember.household == household_id) & HouseholdMember.left_on.is_null()
    )
    await HouseholdMember.update({HouseholdMember.role: HEAD_ROLE}).where(
        HouseholdMember.id == current[new_head_id]["id"]
    )
    place = await _place_of({"id": new_head_id, "family": current[new_head_id]["family"]})
    await _touch(household_id, actor, moment, head=new_head_id, **place)
    await kernel.audit(
        village_code,
        actor=actor,
        action="change_head",
        entity=ENTITY,
        entity_id=household_id,
        before={"head": household["head"], "address": household["address"]},
        after={"head": new_head_id, "address": place["address"]},
    )


async def dissolve(
    kernel: Kernel,
    village_code: str,
    actor: str,
    household_id: int,
    *,
    today: dt.date,
    now: dt.datetime | None = None,
) -> None:
    """End the household: every stay is closed today and the household is no longer active.
    Its number stays taken, so it is never given to another household."""
    moment = _now(now)
    await _open(household_id)
    leaving = [m["resident"] for m in await members(household_id)]
    await HouseholdMember.update({HouseholdMember.left_on: today}).where(
        (HouseholdMember.household == household_id) & HouseholdMember.left_on.is_null()
    )
    await _touch(household_id, actor, moment, active=False)
    await kernel.audit(
        village_code,
        actor=actor,
        action="dissolve",
        entity=ENTITY,
        entity_id=household_id,
        before={"members": leaving},
        after={"active": False},
    )
