"""Family cards (KK): create one, give it a new number, move members, split it, change its head.

A family has exactly one living head (SHDK 1); every function here keeps that true or refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from plugins.population.domain.identity import check_kk
from plugins.population.register.errors import (
    KK_TAKEN,
    KkTaken,
    NotInVillage,
    RegisterError,
    unique_guarded,
)
from plugins.population.tables import Family, Resident

HEAD = 1
ALIVE = 1


@dataclass(frozen=True, slots=True)
class FamilyInput:
    kk_number: str
    address: str = ""
    dusun: str = ""
    rw: str = ""
    rt: str = ""


def checked_kk(number: str, today: dt.date | None = None) -> str:
    """The 16 digits of a valid KK number; a refusal naming the field otherwise."""
    check = check_kk(number, today=today)
    if check.errors or check.number is None:
        raise RegisterError(" ".join(check.errors), "kk_number")
    return check.number


async def family_by_kk(village_code: str, kk_number: str) -> dict[str, Any] | None:
    return (
        await Family.select()
        .where(
            (Family.village_code == village_code)
            & (Family.kk_number == kk_number)
            & (Family.active == True)  # noqa: E712
        )
        .first()
    )


async def load_family(village_code: str, family_id: int) -> dict[str, Any]:
    row = (
        await Family.select()
        .where((Family.id == family_id) & (Family.village_code == village_code))
        .first()
    )
    if row is None:
        raise NotInVillage("Keluarga tidak ditemukan di desa ini.")
    return row


async def family_members(village_code: str, family_id: int) -> list[dict[str, Any]]:
    """Members in KK order: the head first, then by relationship and age."""
    rows = await (
        Resident.select(
            Resident.id,
            Resident.nik,
            Resident.name,
            Resident.sex,
            Resident.birth_date,
            Resident.relationship,
            Resident.status,
        )
        .where((Resident.village_code == village_code) & (Resident.family == family_id))
        .order_by(Resident.relationship)
        .order_by(Resident.birth_date)
    )
    return rows


async def _audit(
    kernel: Kernel, code: str, actor: str, action: str, entity_id: object, **kw: Any
) -> None:
    await kernel.audit(code, actor=actor, action=action, entity="family", entity_id=entity_id, **kw)


async def create_family(
    kernel: Kernel,
    village_code: str,
    actor: str,
    data: FamilyInput,
    *,
    now: dt.datetime | None = None,
) -> int:
    """A new active KK in this village; `KkTaken` when the number is active in the regency."""
    number = checked_kk(data.kk_number)
    row = Family(
        village_code=village_code,
        kk_number=number,
        address=data.address,
        dusun=data.dusun,
        rw=data.rw,
        rt=data.rt,
        active=True,
        created_at=now or dt.datetime.now(dt.UTC),
        version=1,
    )

    async def insert() -> int:
        return int((await Family.insert(row).returning(Family.id))[0]["id"])

    family_id = await unique_guarded(kernel.engine, insert, KkTaken(KK_TAKEN))
    await _audit(
        kernel,
        village_code,
        actor,
        "create",
        family_id,
        after={"kk_number": number, "address": data.address},
    )
    return family_id


async def set_kk_number(
    kernel: Kernel, village_code: str, actor: str, family_id: int, kk_number: str
) -> None:
    """Give a family its new KK number (e.g. after the civil registry issued a changed KK)."""
    family = await load_family(village_code, family_id)
    number = checked_kk(kk_number)

    async def write() -> None:
        await Family.update({Family.kk_number: number, Family.version: Family.version + 1}).where(
            (Family.id == family_id) & (Family.village_code == village_code)
        )

    await unique_guarded(kernel.engine, write, KkTaken(KK_TAKEN))
    await _audit(
        kernel,
        village_code,
        actor,
        "update",
        family_id,
        before={"kk_number": family["kk_number"]},
        after={"kk_number": number},
    )


async def living_head(village_code: str, family_id: int) -> dict[str, Any] | None:
    return (
        await Resident.select(Resident.id, Resident.name)
        .where(
            (Resident.village_code == village_code)
            & (Resident.family == family_id)
            & (Resident.relationship == HEAD)
            & (Resident.status == ALIVE)
        )
        .first()
    )


async def _set_member(
    code: str, resident_id: int, family_id: int | None, relationship: int
) -> None:
    await Resident.update(
        {
            Resident.family: family_id,
            Resident.relationship: relationship,
            Resident.version: Resident.version + 1,
            Resident.updated_at: dt.datetime.now(dt.UTC),
        }
    ).where((Resident.id == resident_id) & (Resident.village_code == code))


async def move_member(
    kernel: Kernel,
    village_code: str,
    actor: str,
    resident_id: int,
    family_id: int,
    relationship: int,
) -> None:
    """Put a resident of this village into a family of this village (adding or moving them)."""
    from plugins.population.register.residents import load_resident

    resident = await load_resident(village_code, resident_id)
    family = await load_family(village_code, family_id)
    if not family["active"]:
        raise RegisterError(_("KK ini sudah tidak aktif."), "kk_number")
    head = await living_head(village_code, family_id)
    if relationship == HEAD and head is not None and head["id"] != resident_id:
        raise RegisterError(
            _("KK ini sudah punya kepala keluarga ({name}); gunakan Ganti kepala keluarga.").format(
                name=head["name"]
            ),
            "relationship",
        )
    await _set_member(village_code, resident_id, family_id, relationship)
    await kernel.audit(
        village_code,
        actor=actor,
        action="move_member",
        entity="resident",
        entity_id=resident_id,
        before={"family": resident["family"], "relationship": resident["relationship"]},
        after={"family": family_id, "relationship": relationship},
    )


async def change_head(
    kernel: Kernel,
    village_code: str,
    actor: str,
    family_id: int,
    new_head_id: int,
    old_head_relationship: int,
) -> None:
    """Make a member the head; the former living head takes `old_head_relationship`."""
    await load_family(village_code, family_id)
    members = {m["id"]: m for m in await family_members(village_code, family_id)}
    if new_head_id not in members:
        raise RegisterError(_("Kepala keluarga baru harus anggota KK ini."), "new_head")
    if members[new_head_id]["status"] != ALIVE:
        raise RegisterError(_("Kepala keluarga baru harus penduduk yang masih hidup."), "new_head")
    if old_head_relationship == HEAD:
        raise RegisterError(
            _("Pilih hubungan keluarga yang baru bagi kepala keluarga lama."),
            "old_head_relationship",
        )
    former = [
        m["id"] for m in members.values() if m["relationship"] == HEAD and m["id"] != new_head_id
    ]
    for resident_id in former:
        if members[resident_id]["status"] == ALIVE:
            await _set_member(village_code, resident_id, family_id, old_head_relationship)
    await _set_member(village_code, new_head_id, family_id, HEAD)
    await _audit(
        kernel,
        village_code,
        actor,
        "change_head",
        family_id,
        before={"heads": former},
        after={"head": new_head_id},
    )


async def split_family(
    kernel: Kernel,
    village_code: str,
    actor: str,
    family_id: int,
    member_ids: Sequence[int],
    new_kk_number: str,
    head_id: int,
) -> int:
    """Move the chosen members to a new KK with its own head; the old KK must keep a head."""
    family = await load_family(village_code, family_id)
    members = {m["id"]: m for m in await family_members(village_code, family_id)}
    chosen = [i for i in dict.fromkeys(member_ids) if i in members]
    if not chosen or len(chosen) != len(set(member_ids)):
        raise RegisterError(_("Pilih anggota KK ini yang pindah ke KK baru."), "members")
    if head_id not in chosen:
        raise RegisterError(
            _("Kepala keluarga KK baru harus salah satu anggota yang dipilih."), "head"
        )
    staying = [m for i, m in members.items() if i not in chosen and m["status"] == ALIVE]
    if staying and not any(m["relationship"] == HEAD for m in staying):
        raise RegisterError(
            "Kepala keluarga KK lama ikut pindah; ganti kepala keluarga KK lama terlebih dahulu.",
            "members",
        )
    new_id = await create_family(
        kernel,
        village_code,
        actor,
        FamilyInput(new_kk_number, family["address"], family["dusun"], family["rw"], family["rt"]),
    )
    for resident_id in chosen:
        relationship = HEAD if resident_id == head_id else members[resident_id]["relationship"] or 9
        if relationship == HEAD and resident_id != head_id:
            relationship = 9
        await _set_member(village_code, resident_id, new_id, relationship)
    await _audit(
        kernel,
        village_code,
        actor,
        "split",
        family_id,
        after={"new_family": new_id, "members": chosen, "head": head_id},
    )
    return new_id
