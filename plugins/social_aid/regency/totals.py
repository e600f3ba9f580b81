"""Totals per programme and village in the scope: recipients, planned (approved control totals),
paid and not collected, all whole rupiah."""

from __future__ import annotations

from dataclasses import dataclass

from plugins.social_aid.programmes import recipients
from plugins.social_aid.tables import CycleDocument, Entitlement, EntitlementStop, Payout


@dataclass
class Total:
    village_code: str
    programme: str
    recipients: int = 0
    planned: int = 0
    paid: int = 0
    not_collected: int = 0


async def totals() -> list[Total]:
    found: dict[tuple[str, str], Total] = {}

    def at(village: str, programme: str) -> Total:
        return found.setdefault((village, programme), Total(village, programme))

    for row in await recipients.active():
        at(row["village_code"], row["programme_code"]).recipients += 1
    for row in await CycleDocument.select(
        CycleDocument.village_code,
        CycleDocument.total,
        CycleDocument.cycle.programme.code.as_alias("code"),
    ):
        at(row["village_code"], row["code"]).planned += row["total"]
    for row in await Payout.select(
        Payout.village_code,
        Payout.amount,
        Payout.entitlement.cycle.programme.code.as_alias("code"),
    ):
        at(row["village_code"], row["code"]).paid += row["amount"]
    stops = await EntitlementStop.select(EntitlementStop.entitlement).where(
        EntitlementStop.kind == "not_collected"
    )
    if stops:
        ids = [s["entitlement"] for s in stops]
        for row in await Entitlement.select(
            Entitlement.village_code,
            Entitlement.amount,
            Entitlement.cycle.programme.code.as_alias("code"),
        ).where(Entitlement.id.is_in(ids)):
            at(row["village_code"], row["code"]).not_collected += row["amount"]
    return sorted(found.values(), key=lambda t: (t.programme, t.village_code))
