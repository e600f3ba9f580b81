"""Writing residents: create and edit, with the regency-wide NIK rule and optimistic concurrency.

Handlers and other parts of the plugin (one-door requests, imports) call these functions; each
audits what it changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.kernel import Kernel
from plugins.population.domain.identity import is_temporary_nik, temporary_nik
from plugins.population.register.errors import (
    CONFLICT,
    NIK_TAKEN,
    NikTaken,
    NotInVillage,
    VersionConflict,
    unique_guarded,
)
from plugins.population.register.families import ALIVE, HEAD, family_by_kk, family_members
from plugins.population.register.names import name_key
from plugins.population.register.resident_form import ResidentInput
from plugins.population.tables import Resident

AUDITED = (
    "nik",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "religion",
    "education",
    "occupation",
    "marital_status",
    "relationship",
    "citizenship",
    "blood_type",
    "disability",
    "father_nik",
    "father_name",
    "mother_nik",
    "mother_name",
    "phone",
    "dusun",
    "rw",
    "rt",
    "address",
    "family",
    "status",
)


def snapshot(row: dict[str, Any]) -> dict[str, Any]:
    """The audited fields of a resident, JSON-ready."""
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in row.items()
        if key in AUDITED
    }


async def load_resident(village_code: str, resident_id: int) -> dict[str, Any]:
    """The resident with this id in this village; `NotInVillage` for anyone else's."""
    row = (
        await Resident.select()
        .where((Resident.id == resident_id) & (Resident.village_code == village_code))
        .first()
    )
    if row is None:
        raise NotInVillage("Penduduk tidak ditemukan di desa ini.")
    return row


async def next_temporary_nik(village_code: str) -> str:
    """The village's next unused temporary NIK (`00` + village code + serial)."""
    last = (
        await Resident.select(Resident.nik)
        .where((Resident.village_code == village_code) & (Resident.nik_temporary == True))  # noqa: E712
        .order_by(Resident.nik, ascending=False)
        .first()
    )
    serial = int(last["nik"][-4:]) + 1 if last and is_temporary_nik(last["nik"]) else 1
    return temporary_nik(village_code, serial)


async def _family(village_code: str, kk_number: str) -> dict[str, Any] | None:
    if not kk_number:
        return None
    family = await family_by_kk(village_code, kk_number)
    if family is None:
        raise NotInVillage(
            "Nomor KK ini belum terdaftar di desa ini; buat KK baru terlebih dahulu.", "kk_number"
        )
    return family


async def _family_id(village_code: str, kk_number: str) -> int | None:
    family = await _family(village_code, kk_number)
    return None if family is None else int(family["id"])


PLACE = ("dusun", "rw", "rt", "address")
"""Where a resident lives; a new member of a family card given none lives where the card says."""
SPOUSES = frozenset({HEAD, 2, 3})
"""`RELATIONSHIP` codes of the couple on a card: the head, a husband (Suami), a wife (Istri)."""


async def family_defaults(village_code: str, kk_number: str, *, birth: bool) -> dict[str, str]:
    """What the form for a new member of this card starts with: the card's hamlet, RW, RT and
    address and, for a birth, the father's and the mother's NIK and name, taken from the head
    and the spouse on the card (the living ones first). Empty for an unknown card."""
    family = await family_by_kk(village_code, kk_number) if kk_number else None
    if family is None:
        return {}
    values = {key: str(family[key] or "") for key in PLACE}
    if birth:
        members = await family_members(village_code, int(family["id"]))
        couple = sorted(
            (m for m in members if m["relationship"] in SPOUSES),
            key=lambda m: (m["status"] != ALIVE, m["relationship"] != HEAD),
        )
        for parent, sex in (("father", 1), ("mother", 2)):
            found = next((m for m in couple if m["sex"] == sex), None)
            if found is not None:
                values[f"{parent}_nik"] = found["nik"]
                values[f"{parent}_name"] = found["name"]
    return values


async def create_resident(
    kernel: Kernel,
    village_code: str,
    actor: str,
    data: ResidentInput,
    *,
    now: dt.datetime | None = None,
) -> int:
    """Store a new living resident; raises `NikTaken` when the NIK is already living elsewhere."""
    now = now or dt.datetime.now(dt.UTC)
    family = await _family(village_code, data.kk_number)
    family_id = None if family is None else int(family["id"])
    columns = data.columns()
    if family is not None and not any(columns[key] for key in PLACE):
        columns.update({key: family[key] or "" for key in PLACE})
    if data.nik_temporary:
        columns["nik"] = await next_temporary_nik(village_code)
    row = Resident(
        **columns,
        village_code=village_code,
        family=family_id,
        name_key=name_key(data.name),
        status=1,
        version=1,
        created_at=now,
        updated_at=now,
    )

    async def insert() -> int:
        inserted = await Resident.insert(row).returning(Resident.id)
        return int(inserted[0]["id"])

    resident_id = await unique_guarded(kernel.engine, insert, NikTaken(NIK_TAKEN))
    after = snapshot({**columns, "family": family_id, "status": 1})
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity="resident",
        entity_id=resident_id,
        after=after,
    )
    return resident_id


async def update_resident(
    kernel: Kernel,
    village_code: str,
    actor: str,
    resident_id: int,
    version: int,
    data: ResidentInput,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Save an edit made on `version`; `VersionConflict` (nothing written) if it moved on."""
    before = await load_resident(village_code, resident_id)
    family_id = await _family_id(village_code, data.kk_number)
    columns = data.columns()
    if data.nik_temporary:
        columns["nik"] = (
            before["nik"] if before["nik_temporary"] else await next_temporary_nik(village_code)
        )
    changes = {
        **columns,
        "family": family_id,
        "name_key": name_key(data.name),
        "nik_needs_check": False if columns["nik"] != before["nik"] else before["nik_needs_check"],
        "version": version + 1,
        "updated_at": now or dt.datetime.now(dt.UTC),
    }

    async def write() -> list[dict[str, Any]]:
        return await (
            Resident.update({getattr(Resident, key): value for key, value in changes.items()})
            .where(
                (Resident.id == resident_id)
                & (Resident.village_code == village_code)
                & (Resident.version == version)
            )
            .returning(Resident.id)
        )

    updated = await unique_guarded(kernel.engine, write, NikTaken(NIK_TAKEN))
    if not updated:
        raise VersionConflict(CONFLICT)
    await kernel.audit(
        village_code,
        actor=actor,
        action="update",
        entity="resident",
        entity_id=resident_id,
        before=snapshot(before),
        after=snapshot({**before, **changes}),
    )
