"""Creating referrals and taking their actions; the status is what the steps replay to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.i18n import N_, _
from core.workflow import WorkflowError
from plugins.health.referrals.lifecycle import OPEN_STATES, REFERRAL
from plugins.health.tables import Referral, ReferralStep

STUNTED, WASTED, TWO_T, BELOW_RED, KEK, HIGH_RISK = (
    "stunting",
    "wasting",
    "2t",
    "bgm",
    "kek",
    "risiko_tinggi",
)
REASONS = {
    STUNTED: N_("Pendek (stunting)"),
    WASTED: N_("Gizi kurang/buruk (wasting)"),
    TWO_T: N_("Dua kali tidak naik (2T)"),
    BELOW_RED: N_("Berat di bawah garis merah (< −3 SD)"),
    KEK: N_("Ibu hamil KEK (LiLA < 23,5 cm)"),
    HIGH_RISK: N_("Kehamilan risiko tinggi"),
}


class ReferralError(WorkflowError):
    """An action refused (its message is shown as it is) or its payload incomplete."""

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or {}


@dataclass(frozen=True, slots=True)
class Subject:
    child_id: int | None = None
    pregnancy_id: int | None = None


async def open_referral(subject: Subject, reason: str) -> int | None:
    """The open referral of this subject for this reason, so the data never refers twice."""
    query = Referral.select(Referral.id).where(
        (Referral.reason == reason) & Referral.status.is_in(sorted(OPEN_STATES))
    )
    if subject.child_id is not None:
        query = query.where(Referral.child == subject.child_id)
    else:
        query = query.where(Referral.pregnancy == subject.pregnancy_id)
    row = await query.first()
    return row["id"] if row else None


async def refer(
    subject: Subject, reason: str, evidence: dict[str, Any], actor: str, at: dt.datetime
) -> int:
    """Send a referral (or return the open one for the same reason)."""
    if reason not in REASONS:
        raise ReferralError(_("Alasan rujukan tidak dikenal."))
    earlier = await open_referral(subject, reason)
    if earlier is not None:
        return earlier
    rows = await Referral.insert(
        Referral(
            child=subject.child_id,
            pregnancy=subject.pregnancy_id,
            reason=reason,
            evidence=evidence,
            status=REFERRAL.initial,
            created_at=at,
        )
    ).returning(Referral.id)
    referral_id = int(rows[0]["id"])
    await ReferralStep.insert(
        ReferralStep(
            referral=referral_id,
            action="kirim",
            from_status="",
            to_status=REFERRAL.initial,
            actor=actor,
            at=at,
        )
    )
    return referral_id


async def steps(referral_id: int) -> list[dict[str, Any]]:
    return (
        await ReferralStep.select()
        .where(ReferralStep.referral == referral_id)
        .order_by(ReferralStep.id)
    )


async def status_of(referral_id: int) -> str:
    """The status the history replays to (the column is only a cache of it)."""
    return REFERRAL.derive(s["action"] for s in (await steps(referral_id))[1:])


async def act(
    referral_id: int,
    action: str,
    note: str,
    actor: str,
    at: dt.datetime,
    allowed: set[str],
) -> str:
    """Take `action`; `allowed` are the permissions the actor holds here."""
    state = await status_of(referral_id)
    needed = REFERRAL.permission_for(action)
    if needed is not None and needed not in allowed:
        raise ReferralError(_("Anda tidak berhak mengambil tindakan ini."))
    target = REFERRAL.next_state(state, action)
    errors = REFERRAL.validate_payload(action, {"note": note})
    if errors:
        raise ReferralError(next(iter(errors.values())), errors)
    await ReferralStep.insert(
        ReferralStep(
            referral=referral_id,
            action=action,
            from_status=state,
            to_status=target,
            actor=actor,
            note=note.strip()[:500],
            at=at,
        )
    )
    await Referral.update({Referral.status: target}).where(Referral.id == referral_id)
    return target


async def referral(referral_id: int) -> dict[str, Any] | None:
    return await Referral.select().where(Referral.id == referral_id).first()
