"""Recording life events: append the event, refresh the resident's status cache, audit, publish.

Other parts of the plugin (one-door requests done at the regency) call `record_event` too, so a
death registered there changes the register exactly as one recorded at the village counter.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from core import DomainEvent
from core.i18n import _
from core.kernel import Kernel
from plugins.population.domain.codes import LIFE_EVENT
from plugins.population.register.errors import NIK_TAKEN, NikTaken, RegisterError, unique_guarded
from plugins.population.register.residents import load_resident
from plugins.population.register.status import (
    CORRECTED_EVENT,
    DOMAIN_EVENTS,
    EventFact,
    derive_status,
)
from plugins.population.tables import LifeEvent, Resident


async def event_facts(village_code: str, resident_id: int) -> list[EventFact]:
    rows = await LifeEvent.select(
        LifeEvent.id, LifeEvent.kind, LifeEvent.event_date, LifeEvent.corrects
    ).where((LifeEvent.village_code == village_code) & (LifeEvent.resident == resident_id))
    return [EventFact(r["id"], r["kind"], r["event_date"], r["corrects"]) for r in rows]


async def _refresh_status(kernel: Kernel, village_code: str, resident_id: int) -> int:
    status = derive_status(await event_facts(village_code, resident_id))

    async def write() -> None:
        await Resident.update(
            {
                Resident.status: status,
                Resident.version: Resident.version + 1,
                Resident.updated_at: dt.datetime.now(dt.UTC),
            }
        ).where((Resident.id == resident_id) & (Resident.village_code == village_code))

    await unique_guarded(kernel.engine, write, NikTaken(NIK_TAKEN))
    return status


async def _insert(
    village_code: str,
    resident_id: int,
    kind: int,
    event_date: dt.date,
    report_date: dt.date,
    details: dict[str, Any],
    actor: str,
    corrects: int | None,
) -> int:
    row = LifeEvent(
        village_code=village_code,
        resident=resident_id,
        kind=kind,
        event_date=event_date,
        report_date=report_date,
        details=json.dumps(details),
        corrects=corrects,
        recorded_by=actor,
        recorded_at=dt.datetime.now(dt.UTC),
    )
    return int((await LifeEvent.insert(row).returning(LifeEvent.id))[0]["id"])


async def record_event(
    kernel: Kernel,
    village_code: str,
    actor: str,
    resident_id: int,
    kind: int,
    event_date: dt.date,
    report_date: dt.date,
    details: dict[str, Any] | None = None,
) -> int:
    """Append a life event of `kind` (`LIFE_EVENT` code) and publish its domain event."""
    if kind not in LIFE_EVENT.labels:
        raise RegisterError(_("Jenis peristiwa {kind} tidak dikenal.").format(kind=kind), "kind")
    if report_date < event_date:
        raise RegisterError(
            _("Tanggal lapor tidak boleh sebelum tanggal peristiwa."), "report_date"
        )
    resident = await load_resident(village_code, resident_id)
    details = details or {}
    event_id = await _insert(
        village_code, resident_id, kind, event_date, report_date, details, actor, None
    )
    before = resident["status"]
    status = await _refresh_status(kernel, village_code, resident_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="record",
        entity="life_event",
        entity_id=event_id,
        before={"resident": resident_id, "status": before},
        after={
            "resident": resident_id,
            "kind": kind,
            "event_date": event_date.isoformat(),
            "report_date": report_date.isoformat(),
            "details": details,
            "status": status,
        },
    )
    await kernel.publish(
        DomainEvent(
            DOMAIN_EVENTS[kind],
            village_code,
            {
                "resident_id": resident_id,
                "nik": resident["nik"],
                "event_id": event_id,
                "event_date": event_date.isoformat(),
            },
        )
    )
    return event_id


async def correct_event(
    kernel: Kernel,
    village_code: str,
    actor: str,
    event_id: int,
    reason: str,
    report_date: dt.date,
) -> int:
    """Cancel a recorded event by appending a correction; the status is derived again."""
    if not reason.strip():
        raise RegisterError(_("Alasan koreksi wajib diisi."), "reason")
    target = (
        await LifeEvent.select()
        .where((LifeEvent.id == event_id) & (LifeEvent.village_code == village_code))
        .first()
    )
    if target is None:
        raise RegisterError(_("Peristiwa tidak ditemukan di desa ini."))
    if target["corrects"] is not None:
        raise RegisterError(_("Koreksi tidak dapat dikoreksi lagi; catat peristiwa baru."))
    already = await LifeEvent.exists().where(
        (LifeEvent.village_code == village_code) & (LifeEvent.corrects == event_id)
    )
    if already:
        raise RegisterError(_("Peristiwa ini sudah dikoreksi."))
    resident_id = target["resident"]
    resident = await load_resident(village_code, resident_id)
    correction_id = await _insert(
        village_code,
        resident_id,
        target["kind"],
        target["event_date"],
        report_date,
        {"reason": reason.strip()},
        actor,
        event_id,
    )
    status = await _refresh_status(kernel, village_code, resident_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="correct",
        entity="life_event",
        entity_id=correction_id,
        before={"event": event_id, "status": resident["status"]},
        after={"corrects": event_id, "reason": reason.strip(), "status": status},
    )
    await kernel.publish(
        DomainEvent(
            CORRECTED_EVENT,
            village_code,
            {
                "resident_id": resident_id,
                "nik": resident["nik"],
                "event_id": correction_id,
                "corrects": event_id,
                "kind": target["kind"],
            },
        )
    )
    return correction_id


async def resident_events(village_code: str, resident_id: int) -> list[dict[str, Any]]:
    """A resident's event history, newest first, each marked when a correction cancelled it."""
    rows = await (
        LifeEvent.select()
        .where((LifeEvent.village_code == village_code) & (LifeEvent.resident == resident_id))
        .order_by(LifeEvent.id, ascending=False)
    )
    cancelled = {r["corrects"] for r in rows if r["corrects"] is not None}
    return [{**r, "cancelled": r["id"] in cancelled} for r in rows]
