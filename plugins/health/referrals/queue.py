"""The referral list a page shows, with the resident's name and the village of each row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.tenancy.tables import Village
from plugins.health.referrals.lifecycle import OPEN_STATES
from plugins.health.residents import people
from plugins.health.tables import Child, Pregnancy, Referral


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    village_code: str
    reason: str
    status: str
    created_at: dt.datetime
    name: str
    village_slug: str
    village_name: str


async def rows(*, open_only: bool, posyandu: set[int] | None = None) -> list[QueueRow]:
    """The newest referrals; with `posyandu`, only those of children of these posyandu (and
    pregnancies), as a cadre may open them."""
    query = Referral.select().order_by(Referral.created_at, ascending=False).limit(200)
    if open_only:
        query = query.where(Referral.status.is_in(sorted(OPEN_STATES)))
    if posyandu is not None:
        children = await Child.select(Child.id).where(Child.posyandu.is_in(sorted(posyandu)))
        ids = [c["id"] for c in children] or [0]
        query = query.where(Referral.child.is_null() | Referral.child.is_in(ids))
    found = await query
    child_ids = [r["child"] for r in found if r["child"] is not None]
    pregnancy_ids = [r["pregnancy"] for r in found if r["pregnancy"] is not None]
    residents_of: dict[tuple[str, int], int] = {}
    if child_ids:
        for c in await Child.select(Child.id, Child.resident_id).where(Child.id.is_in(child_ids)):
            residents_of[("c", c["id"])] = c["resident_id"]
    if pregnancy_ids:
        for p in await Pregnancy.select(Pregnancy.id, Pregnancy.resident_id).where(
            Pregnancy.id.is_in(pregnancy_ids)
        ):
            residents_of[("p", p["id"])] = p["resident_id"]
    facts = await people(residents_of.values())
    codes = sorted({r["village_code"] for r in found})
    villages = {
        v["code"]: (v["slug"], v["name"])
        for v in await Village.select(Village.code, Village.slug, Village.name).where(
            Village.code.is_in(codes or [""])
        )
    }

    def name(r: dict[str, object]) -> str:
        key = ("c", r["child"]) if r["child"] is not None else ("p", r["pregnancy"])
        person = facts.get(residents_of.get(key, 0))  # type: ignore[arg-type]
        return person.name if person else "-"

    return [
        QueueRow(
            r["id"],
            r["village_code"],
            r["reason"],
            r["status"],
            r["created_at"],
            name(r),
            *villages.get(r["village_code"], ("", r["village_code"])),
        )
        for r in found
    ]
