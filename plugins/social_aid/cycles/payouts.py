"""Recording a payout: at the counter by scanning the slip and checking the KTP, door to door,
or from the paying agent's file. Each entitlement is paid once; a second record is refused with
the first one's details, even when two counters scan the same slip at the same moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from piccolo.query.functions.aggregate import Sum

from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_clock
from plugins.social_aid.cycles import cycles, ledger
from plugins.social_aid.cycles.lifecycle import DISBURSING
from plugins.social_aid.tables import Entitlement, EntitlementStop, LedgerEntry, Payout

ENTITY = "social_aid.payout"
CHANNELS = ("counter", "door", "import")


class PayoutRefused(ValueError):
    def __init__(self, message: str, field: str = "token") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Recorded:
    payout_id: int
    entitlement: dict[str, Any]


def _locked(query: Any) -> Any:
    return query.lock_rows() if Entitlement._meta.db.engine_type == "postgres" else query


async def entitlement_for(token: str) -> dict[str, Any] | None:
    return await Entitlement.select().where(Entitlement.token == token.strip()).first()


async def payout(payout_id: int) -> Recorded | None:
    """An earlier payout as a receipt, for a retried submission."""
    row = await Payout.select().where(Payout.id == payout_id).first()
    if row is None:
        return None
    entitlement = await Entitlement.select().where(Entitlement.id == row["entitlement"]).first()
    return Recorded(payout_id, entitlement) if entitlement else None


async def record(
    kernel: Kernel,
    village_code: str,
    token: str,
    *,
    channel: str,
    place: str,
    ktp_checked: bool,
    officer: str,
    now: datetime,
) -> Recorded:
    """Pay the entitlement the slip names, once."""
    if channel not in CHANNELS:
        raise PayoutRefused(_("Cara pembayaran tidak dikenal."), "channel")
    if channel != "import" and not ktp_checked:
        raise PayoutRefused(
            _("Cocokkan KTP-el penerima dengan undangan sebelum membayar."), "ktp_checked"
        )
    entitlement = await _locked(
        Entitlement.select().where(Entitlement.token == token.strip())
    ).first()
    if entitlement is None:
        raise PayoutRefused(_("Kode undangan tidak dikenal di desa ini."))
    first = (
        await Payout.select(Payout.paid_at, Payout.officer, Payout.place)
        .where(Payout.entitlement == entitlement["id"])
        .first()
    )
    if first is not None:
        raise PayoutRefused(
            _(
                "Sudah dibayar kepada {name} pada {paid_at} oleh {officer} di {place}; "
                "tidak dibayar lagi."
            ).format(
                name=entitlement["name"],
                paid_at=local_clock(first["paid_at"]),
                officer=first["officer"],
                place=first["place"] or "-",
            )
        )
    state = await cycles.payable(entitlement["cycle"])
    assert state is not None
    if state.status != DISBURSING:
        raise PayoutRefused(_("Siklus {title} tidak sedang dibayarkan.").format(title=state.title))
    stop = (
        await EntitlementStop.select(EntitlementStop.reason)
        .where(EntitlementStop.entitlement == entitlement["id"])
        .first()
    )
    if stop is not None:
        raise PayoutRefused(f"Hak {entitlement['name']} dihentikan: {stop['reason']}")
    # Every payout books its ledger line in the same transaction, on the cycle's own column: the
    # sum needs no join through the entitlements.
    paid_so_far = await LedgerEntry.select(Sum(LedgerEntry.amount)).where(
        (LedgerEntry.cycle == entitlement["cycle"])
        & (LedgerEntry.debit == ledger.paid(state.programme))
    )
    assert state.total is not None
    if int(paid_so_far[0]["sum"] or 0) + entitlement["amount"] > state.total:
        raise PayoutRefused(_("Pembayaran akan melebihi jumlah dana yang disetujui."))
    inserted = await Payout.insert(
        Payout(
            village_code=village_code,
            entitlement=entitlement["id"],
            amount=entitlement["amount"],
            channel=channel,
            place=place.strip()[:120],
            officer=officer,
            paid_at=now,
        )
    ).returning(Payout.id)
    payout_id = int(inserted[0]["id"])
    await ledger.book(
        village_code,
        entitlement["cycle"],
        entitlement["id"],
        debit=ledger.paid(state.programme),
        credit=ledger.due(entitlement["id"]),
        amount=entitlement["amount"],
        at=now,
        memo=f"Dibayar {channel}",
    )
    await kernel.audit(
        village_code,
        actor=officer,
        action="pay",
        entity=ENTITY,
        entity_id=payout_id,
        after={
            "entitlement": entitlement["id"],
            "amount": entitlement["amount"],
            "channel": channel,
        },
    )
    return Recorded(payout_id, entitlement)
