"""Cycles without HTTP: opening one, its payout slots, and the lifecycle's actions with what each
does to the money: submit freezes the list, approval checks the budget under a lock, signs the
list and books it, close turns what nobody collected into "not collected"."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from piccolo.query.functions.aggregate import Sum

from core.db import remove_on_rollback
from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from core.signing import LocalSigner, SignerIdentity
from core.tenancy.context import Tenant
from plugins.population import public as population
from plugins.social_aid.cycles import document, ledger
from plugins.social_aid.cycles.lifecycle import (
    APPROVE_ACTION,
    CLOSE,
    CYCLE,
    DRAFT,
    SUBMIT,
)
from plugins.social_aid.eligibility.facts import DISABILITY_CODES
from plugins.social_aid.eligibility.register import welfare_by_kk
from plugins.social_aid.programmes import programmes, recipients
from plugins.social_aid.tables import (
    Cycle,
    CycleDocument,
    CycleStep,
    Entitlement,
    EntitlementStop,
    Payout,
    PayoutSlot,
    Programme,
)

ENTITY = "social_aid.cycle"
DOOR_TO_DOOR_AGE = 70
NOT_COLLECTED = "Tidak diambil sampai siklus ditutup."


class CycleError(ValueError):
    def __init__(self, message: str, field: str = "action") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class CycleState:
    row: dict[str, Any]
    status: str
    steps: list[dict[str, Any]]
    document: dict[str, Any] | None

    @property
    def submitted_by(self) -> str:
        return next((s["actor"] for s in reversed(self.steps) if s["action"] == SUBMIT), "")

    def details(self, action: str) -> dict[str, Any]:
        found = [s for s in self.steps if s["action"] == action]
        return json_dict(found[-1]["details"]) if found else {}


def storage(kernel: Kernel) -> Path:
    return kernel.settings.data_path / "social_aid"


def signer(kernel: Kernel) -> LocalSigner:
    """The instance's signing keys, the same ones every plugin's documents are signed with."""
    return LocalSigner(kernel.settings.data_path / "signing")


def _locked(query: Any) -> Any:
    """Row lock on PostgreSQL; SQLite's write transactions are serialised already."""
    return query.lock_rows() if Programme._meta.db.engine_type == "postgres" else query


_COLUMNS = (
    Cycle.all_columns(),
    Cycle.programme.code.as_alias("programme_code"),
    Cycle.programme.name.as_alias("programme_name"),
)


async def _state(row: dict[str, Any]) -> CycleState:
    steps = await CycleStep.select().where(CycleStep.cycle == row["id"]).order_by(CycleStep.id)
    doc = await CycleDocument.select().where(CycleDocument.cycle == row["id"]).first()
    return CycleState(row, CYCLE.derive(s["action"] for s in steps), steps, doc)


async def cycles() -> list[CycleState]:
    rows = await Cycle.select(*_COLUMNS).order_by(Cycle.id, ascending=False)
    return [await _state(row) for row in rows]


async def load(cycle_id: int) -> CycleState | None:
    row = await Cycle.select(*_COLUMNS).where(Cycle.id == cycle_id).first()
    return await _state(row) if row else None


@dataclass(frozen=True)
class Payable:
    """What a payout needs of its cycle, read in three narrow statements: `load` joins the
    programme and reads every step's details, a quarter of a payout's time at the counter."""

    programme: int
    title: str
    status: str
    total: int | None
    """The control total the approval signed; None before approval."""


async def payable(cycle_id: int) -> Payable | None:
    row = await Cycle.select(Cycle.programme, Cycle.title).where(Cycle.id == cycle_id).first()
    if row is None:
        return None
    steps = (
        await CycleStep.select(CycleStep.action)
        .where(CycleStep.cycle == cycle_id)
        .order_by(CycleStep.id)
    )
    document = (
        await CycleDocument.select(CycleDocument.total)
        .where(CycleDocument.cycle == cycle_id)
        .first()
    )
    status = CYCLE.derive(step["action"] for step in steps)
    total = int(document["total"]) if document else None
    return Payable(int(row["programme"]), row["title"], status, total)


async def open_cycle(
    kernel: Kernel, village_code: str, programme_id: int, actor: str, now: datetime
) -> int:
    programme = await programmes.programme(programme_id)
    if programme is None or programme["national"]:
        raise CycleError(_("Pilih program desa atau kabupaten yang dicairkan."), "programme")
    number = await Cycle.count().where(Cycle.programme == programme_id) + 1
    if number > programme["cycles"]:
        raise CycleError(
            _("Program {code} hanya {cycles} siklus.").format(
                code=programme["code"], cycles=programme["cycles"]
            ),
            "programme",
        )
    inserted = await Cycle.insert(
        Cycle(
            village_code=village_code,
            programme=programme_id,
            number=number,
            title=_("{code} siklus {number}").format(code=programme["code"], number=number),
            prepared_by=actor,
            created_at=now,
        )
    ).returning(Cycle.id)
    cycle_id = int(inserted[0]["id"])
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=cycle_id,
        after={"programme": programme["code"], "number": number},
    )
    return cycle_id


async def slots(cycle_id: int) -> list[dict[str, Any]]:
    return (
        await PayoutSlot.select().where(PayoutSlot.cycle == cycle_id).order_by(PayoutSlot.starts_at)
    )


async def add_slot(
    kernel: Kernel,
    village_code: str,
    state: CycleState,
    place: str,
    dusun: str,
    starts_at: datetime,
    ends_at: datetime,
    actor: str,
) -> int:
    if state.status != DRAFT:
        raise CycleError(_("Jadwal hanya dapat diubah selama siklus masih draf."), "place")
    if not place.strip():
        raise CycleError(_("Tempat pembayaran wajib diisi."), "place")
    if ends_at <= starts_at:
        raise CycleError(_("Jam selesai harus setelah jam mulai."), "ends_at")
    inserted = await PayoutSlot.insert(
        PayoutSlot(
            village_code=village_code,
            cycle=state.row["id"],
            place=place.strip()[:120],
            dusun=dusun.strip()[:60],
            starts_at=starts_at,
            ends_at=ends_at,
        )
    ).returning(PayoutSlot.id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="add_slot",
        entity=ENTITY,
        entity_id=state.row["id"],
        after={"place": place.strip(), "dusun": dusun.strip(), "starts_at": starts_at.isoformat()},
    )
    return int(inserted[0]["id"])


async def entitlements(cycle_id: int) -> list[dict[str, Any]]:
    """The cycle's entitlements with their outcome: `paid`, `suspended`, `not_collected`, or
    `pending`."""
    rows = (
        await Entitlement.select(
            Entitlement.all_columns(),
            Entitlement.slot.place.as_alias("slot_place"),
            Entitlement.slot.starts_at.as_alias("slot_starts_at"),
            Entitlement.slot.ends_at.as_alias("slot_ends_at"),
        )
        .where(Entitlement.cycle == cycle_id)
        .order_by(Entitlement.name)
    )
    ids = [r["id"] for r in rows]
    paid = (
        {p["entitlement"]: p for p in await Payout.select().where(Payout.entitlement.is_in(ids))}
        if ids
        else {}
    )
    stops = (
        {
            s["entitlement"]: s
            for s in await EntitlementStop.select().where(EntitlementStop.entitlement.is_in(ids))
        }
        if ids
        else {}
    )
    for row in rows:
        row["payout"] = paid.get(row["id"])
        row["stop"] = stops.get(row["id"])
        row["outcome"] = (
            "paid" if row["payout"] else row["stop"]["kind"] if row["stop"] else "pending"
        )
    return rows


async def _freeze(village_code: str, state: CycleState, today: date) -> int:
    """Submit: one entitlement per active, living recipient, amount and collection fixed now."""
    programme = await programmes.programme(state.row["programme"])
    assert programme is not None
    listed = await recipients.active(programme["id"])
    living = await population.people(r["resident_id"] for r in listed)
    welfare = await welfare_by_kk()
    by_dusun: dict[str, int] = {}
    for slot in await slots(state.row["id"]):
        by_dusun.setdefault(slot["dusun"], slot["id"])
    frozen = 0
    for recipient in listed:
        person = living.get(recipient["resident_id"])
        if person is None or not person.living:
            continue
        members = recipient["members"]
        if programme["target"] != "person" and recipient["family_id"]:
            family = await population.family(recipient["family_id"])
            if family is not None:
                members = sum(1 for m in family.members if m.living) or 1
        age = person.age_on(today) or 0
        sick = welfare.get(person.kk_number or "", None)
        at_home = (
            age >= DOOR_TO_DOOR_AGE
            or (person.disability or 0) in DISABILITY_CODES
            or bool(sick and sick.chronic_illness)
        )
        await Entitlement.insert(
            Entitlement(
                village_code=village_code,
                cycle=state.row["id"],
                recipient=recipient["id"],
                resident_id=person.id,
                nik=person.nik,
                name=person.name,
                dusun=person.dusun,
                amount=programmes.amount_for(programme, members),
                slot=by_dusun.get(person.dusun, by_dusun.get("")),
                door_to_door=at_home,
                token=secrets.token_urlsafe(18)[:24],
            )
        )
        frozen += 1
    if frozen == 0:
        raise CycleError(_("Tidak ada penerima aktif yang masih hidup untuk siklus ini."))
    return frozen


async def committed(programme_id: int) -> int:
    """Rupiah the programme's approved cycles in this village fixed (their control totals)."""
    rows = await CycleDocument.select(Sum(CycleDocument.total)).where(
        CycleDocument.cycle.programme == programme_id
    )
    return int(rows[0]["sum"] or 0)


async def _approve(
    kernel: Kernel,
    tenant: Tenant,
    state: CycleState,
    identity: SignerIdentity,
    actor: str,
    now: datetime,
) -> dict[str, Any]:
    """Lock the programme, check the budget, sign the list, book it; the control totals."""
    if actor == state.submitted_by:
        raise CycleError(
            _("Penyusun daftar tidak boleh menyetujuinya sendiri; minta penyetuju lain.")
        )
    programme = await _locked(
        Programme.select().where(Programme.id == state.row["programme"])
    ).first()
    due = [e for e in await entitlements(state.row["id"]) if e["outcome"] == "pending"]
    total = sum(e["amount"] for e in due)
    if not due:
        raise CycleError(_("Semua hak pada siklus ini sudah dihentikan; batalkan siklusnya."))
    already = await committed(programme["id"])
    if already + total > programme["budget"]:
        raise CycleError(
            _(
                "Pagu tidak cukup: sudah terpakai {already}, siklus ini {total}, pagu {budget}."
            ).format(
                already=document.rupiah(already),
                total=document.rupiah(total),
                budget=document.rupiah(programme["budget"]),
            )
        )
    payout_list = document.PayoutList(
        village=tenant.display_name,
        programme=f"{programme['code']} · {programme['name']}",
        cycle=state.row["title"],
        lines=[
            document.Line(e["name"], document.mask(e["nik"]), e["dusun"], e["amount"]) for e in due
        ],
    )
    signed = await signer(kernel).sign(
        document.render(payout_list),
        signer=identity,
        reason=f"Persetujuan daftar bayar {state.row['title']}",
        location=tenant.display_name,
    )
    folder = storage(kernel) / tenant.code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cycle-{state.row['id']}-{secrets.token_hex(4)}.pdf"
    path.write_bytes(signed)
    remove_on_rollback(path)
    digest = hashlib.sha256(signed).hexdigest()
    await CycleDocument.insert(
        CycleDocument(
            village_code=tenant.code,
            cycle=state.row["id"],
            path=str(path),
            sha256=digest,
            recipients=len(due),
            total=total,
            signed_by=actor,
            signed_at=now,
        )
    )
    for entitlement in due:
        await ledger.book(
            tenant.code,
            state.row["id"],
            entitlement["id"],
            debit=ledger.due(entitlement["id"]),
            credit=ledger.fund(programme["id"]),
            amount=entitlement["amount"],
            at=now,
            memo=f"Hak {state.row['title']}",
        )
    return {"count": len(due), "total": total, "sha256": digest}


async def _close(
    kernel: Kernel, village_code: str, state: CycleState, reason: str, actor: str, now: datetime
) -> dict[str, Any]:
    unpaid = [e for e in await entitlements(state.row["id"]) if e["outcome"] == "pending"]
    for entitlement in unpaid:
        await stop_entitlement(
            village_code,
            state.row["programme"],
            entitlement,
            kind="not_collected",
            reason=reason or NOT_COLLECTED,
            actor=actor,
            now=now,
        )
    return {"not_collected": len(unpaid), "reason": reason or NOT_COLLECTED}


async def stop_entitlement(
    village_code: str,
    programme_id: int,
    entitlement: dict[str, Any],
    *,
    kind: str,
    reason: str,
    actor: str,
    now: datetime,
    event_ref: str = "",
) -> None:
    """Stop one unpaid entitlement; money already booked to it goes back to the fund."""
    await EntitlementStop.insert(
        EntitlementStop(
            village_code=village_code,
            entitlement=entitlement["id"],
            kind=kind,
            reason=reason,
            event_ref=event_ref,
            stopped_by=actor,
            stopped_at=now,
        )
    )
    if await ledger.booked(entitlement["id"]):
        await ledger.book(
            village_code,
            entitlement["cycle"],
            entitlement["id"],
            debit=ledger.fund(programme_id),
            credit=ledger.due(entitlement["id"]),
            amount=entitlement["amount"],
            at=now,
            memo=reason[:120],
        )


async def act(
    kernel: Kernel,
    tenant: Tenant,
    state: CycleState,
    action: str,
    payload: dict[str, str],
    *,
    actor: str,
    identity: SignerIdentity,
    now: datetime,
) -> str:
    """Take one lifecycle action and record it in the cycle's history."""
    new_status = CYCLE.next_state(state.status, action)
    errors = CYCLE.validate_payload(action, payload)
    if errors:
        field, message = next(iter(errors.items()))
        raise CycleError(message, field)
    details: dict[str, Any] = {k: v.strip() for k, v in payload.items() if k == "reason"}
    if action == SUBMIT:
        details["entitlements"] = await _freeze(tenant.code, state, now.date())
    elif action == APPROVE_ACTION:
        details.update(await _approve(kernel, tenant, state, identity, actor, now))
    elif action == CLOSE:
        details.update(
            await _close(kernel, tenant.code, state, details.get("reason", ""), actor, now)
        )
    await CycleStep.insert(
        CycleStep(
            village_code=tenant.code,
            cycle=state.row["id"],
            action=action,
            actor=actor,
            at=now,
            details=details,
        )
    )
    await kernel.audit(
        tenant.code,
        actor=actor,
        action=action,
        entity=ENTITY,
        entity_id=state.row["id"],
        before={"status": state.status},
        after={"status": new_status, **details},
    )
    return new_status
