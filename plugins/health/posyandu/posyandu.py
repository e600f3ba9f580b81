"""Posyandu of a village and their cadres' assignments; no HTTP here.

A cadre is a user holding the `posyandu_cadre` role in the village; which posyandu they serve
is kept here, because the role system grants villages, not hamlets. A cadre assigned to a
posyandu sees that posyandu's children; one not yet assigned sees the village's, so a new
cadre can work at the first session before the midwife assigns them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.auth.principal import Principal
from core.tenancy.context import Tenant
from plugins.health.permissions import CADRE
from plugins.health.tables import Cadre, Posyandu


@dataclass(frozen=True, slots=True)
class PosyanduInput:
    name: str
    dusun: str
    schedule_day: int


async def all_posyandu() -> list[dict[str, Any]]:
    return await Posyandu.select().order_by(Posyandu.name)


async def one(posyandu_id: int) -> dict[str, Any] | None:
    return await Posyandu.select().where(Posyandu.id == posyandu_id).first()


async def create(data: PosyanduInput, at: dt.datetime) -> int:
    rows = await Posyandu.insert(
        Posyandu(name=data.name, dusun=data.dusun, schedule_day=data.schedule_day, created_at=at)
    ).returning(Posyandu.id)
    return int(rows[0]["id"])


async def name_taken(name: str) -> bool:
    wanted = name.casefold()
    return any(r["name"].casefold() == wanted for r in await Posyandu.select(Posyandu.name))


async def cadres_of(posyandu_id: int) -> list[str]:
    rows = await Cadre.select(Cadre.username).where(Cadre.posyandu == posyandu_id)
    return sorted(r["username"] for r in rows)


async def assign(posyandu_id: int, username: str, at: dt.datetime) -> bool:
    """Assign a cadre; False when they already serve this posyandu."""
    exists = await Cadre.exists().where(
        (Cadre.posyandu == posyandu_id) & (Cadre.username == username)
    )
    if exists:
        return False
    await Cadre.insert(Cadre(username=username, posyandu=posyandu_id, created_at=at))
    return True


async def unassign(posyandu_id: int, username: str) -> None:
    await Cadre.delete().where((Cadre.posyandu == posyandu_id) & (Cadre.username == username))


def is_only_cadre(principal: Principal, tenant: Tenant) -> bool:
    """A cadre with no other health role here (a midwife who is also a cadre sees all)."""
    return principal.roles_in(tenant) == {CADRE}


async def visible_posyandu(principal: Principal, tenant: Tenant) -> set[int] | None:
    """The posyandu whose children this user sees; None for all of the village's."""
    if not is_only_cadre(principal, tenant):
        return None
    rows = await Cadre.select(Cadre.posyandu).where(Cadre.username == principal.username)
    return {r["posyandu"] for r in rows} or None
