"""What a finished request changes in the register, in the same transaction as the step.

When the regency office marks a request ready (``selesai``) the village's register must agree
with the document just issued: a KK request puts the new KK number on the family, a birth
certificate adds the child if the village has not yet, a death certificate records the death and
a move letter the move. Deaths, moves and births are published as the same domain events the
register publishes, so other plugins (social aid) react the same way whichever door it came in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core import DomainEvent
from core.kernel import Kernel
from core.localtime import local_day
from plugins.population.domain.identity import check_kk, temporary_nik
from plugins.population.tables import Family, LifeEvent, Resident

__all__ = ["apply_completion", "document_number_error", "name_key"]

BORN, DIED, MOVED_OUT = 1, 2, 3
ALIVE, DEAD, MOVED = 1, 2, 3
KK_KINDS = frozenset({"kk_baru", "kk_perubahan"})


def name_key(name: str) -> str:
    """A name as the register indexes it: lower case, single spaces."""
    return " ".join(name.lower().split())[:120]


def document_number_error(kind: str, number: str) -> str | None:
    """A KK request's document is the new KK, so its number must be a valid KK number."""
    if kind not in KK_KINDS:
        return None
    check = check_kk(number.strip())
    return check.errors[0] if check.errors else None


async def apply_completion(
    kernel: Kernel,
    request: dict[str, Any],
    details: dict[str, str],
    number: str,
    actor: str,
    now: dt.datetime,
) -> None:
    """Bring the register in line with the document ``number`` issued for ``request``."""
    kind = request["kind"]
    village = request["village_code"]
    today = local_day(now)
    resident = None
    if request["resident"] is not None:
        resident = (
            await Resident.select()
            .where((Resident.id == request["resident"]) & (Resident.village_code == village))
            .first()
        )
    if kind in KK_KINDS and resident is not None:
        await _set_kk_number(village, resident, number.strip(), now)
    elif kind == "akta_kelahiran" and resident is not None:
        await _add_newborn(kernel, village, resident, details, actor, now, today)
    elif kind == "akta_kematian" and resident is not None and resident["status"] == ALIVE:
        day = _date(details.get("tanggal_kematian"), today)
        await _record(kernel, resident, DIED, DEAD, day, today, actor, now, {"akta": number})
    elif kind == "pindah_keluar" and resident is not None and resident["status"] == ALIVE:
        details_out = {"skpwni": number, "tujuan": details.get("alamat_tujuan", "")}
        await _record(kernel, resident, MOVED_OUT, MOVED, today, today, actor, now, details_out)


def _date(value: str | None, fallback: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return fallback


async def _set_kk_number(
    village: str, resident: dict[str, Any], number: str, now: dt.datetime
) -> None:
    if resident["family"] is None:
        created = await Family.insert(
            Family(village_code=village, kk_number=number, created_at=now)
        ).returning(Family.id)
        await Resident.update(
            {
                Resident.family: created[0]["id"],
                Resident.updated_at: now,
                Resident.version: Resident.version + 1,
            }
        ).where((Resident.id == resident["id"]) & (Resident.village_code == village))
        return
    await Family.update({Family.kk_number: number, Family.version: Family.version + 1}).where(
        (Family.id == resident["family"]) & (Family.village_code == village)
    )


async def _add_newborn(
    kernel: Kernel,
    village: str,
    parent: dict[str, Any],
    details: dict[str, str],
    actor: str,
    now: dt.datetime,
    today: dt.date,
) -> None:
    key = name_key(details.get("nama_anak", ""))
    if not key:
        return
    existing = await Resident.count().where(
        (Resident.village_code == village)
        & (Resident.family == parent["family"])
        & (Resident.name_key == key)
    )
    if existing:
        return
    prefix = temporary_nik(village, 1)[:12]
    serial = await Resident.count().where(
        (Resident.village_code == village) & (Resident.nik.like(prefix + "%"))
    )
    nik = temporary_nik(village, serial + 1)
    child = Resident(
        village_code=village,
        family=parent["family"],
        nik=nik,
        nik_temporary=True,
        name=" ".join(details.get("nama_anak", "").split())[:120],
        name_key=key,
        sex=int(details.get("jenis_kelamin_anak") or 1),
        birth_date=_date(details.get("tanggal_lahir_anak"), today),
        relationship=4,
        father_nik=parent["nik"] if parent["sex"] == 1 else "",
        mother_nik=parent["nik"] if parent["sex"] == 2 else "",
        dusun=parent["dusun"],
        rw=parent["rw"],
        rt=parent["rt"],
        address=parent["address"],
        created_at=now,
        updated_at=now,
    )
    created = await Resident.insert(child).returning(Resident.id)
    row = {"id": created[0]["id"], "nik": nik, "village_code": village, "status": ALIVE}
    born = _date(details.get("tanggal_lahir_anak"), today)
    await _record(kernel, row, BORN, ALIVE, born, today, actor, now, {}, set_status=False)


async def _record(
    kernel: Kernel,
    resident: dict[str, Any],
    kind: int,
    status: int,
    event_date: dt.date,
    report_date: dt.date,
    actor: str,
    now: dt.datetime,
    details: dict[str, str],
    *,
    set_status: bool = True,
) -> None:
    village = resident["village_code"]
    created = await LifeEvent.insert(
        LifeEvent(
            village_code=village,
            resident=resident["id"],
            kind=kind,
            event_date=event_date,
            report_date=report_date,
            details=details,
            recorded_by=actor,
            recorded_at=now,
        )
    ).returning(LifeEvent.id)
    if set_status:
        await Resident.update(
            {
                Resident.status: status,
                Resident.updated_at: now,
                Resident.version: Resident.version + 1,
            }
        ).where((Resident.id == resident["id"]) & (Resident.village_code == village))
    await kernel.audit(
        village,
        actor=actor,
        action="record",
        entity="life_event",
        entity_id=created[0]["id"],
        after={"resident": resident["id"], "kind": kind, "event_date": event_date.isoformat()},
    )
    name = {BORN: "population.resident_born", DIED: "population.resident_died"}.get(
        kind, "population.resident_moved_out"
    )
    payload = {
        "resident_id": resident["id"],
        "nik": resident["nik"],
        "event_id": created[0]["id"],
        "event_date": event_date.isoformat(),
    }
    await kernel.publish(DomainEvent(name, village, payload))
