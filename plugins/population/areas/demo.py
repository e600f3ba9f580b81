"""The demo village's areas: its hamlets, RWs and RTs as its families name them, each headed by
one of its living men of working age, in the order the register lists them."""

from __future__ import annotations

import datetime as dt

from core import DemoContext
from plugins.population.areas.areas import import_from_families, set_head
from plugins.population.areas.places import all_areas
from plugins.population.areas.tables import Area
from plugins.population.tables import Resident

__all__ = ["demo_areas"]

MAN, ALIVE = 1, 1
ADULT_YEARS = (25, 60)


async def demo_areas(context: DemoContext) -> None:
    """Once: a village with areas keeps them."""
    if await Area.count() > 0:
        return
    actor = context.users.get("village_operator") or "demo"
    now = dt.datetime.now(dt.UTC)
    await import_from_families(context.kernel, context.village.code, actor, now=now)
    today = now.date()
    youngest = today.replace(year=today.year - ADULT_YEARS[0])
    oldest = today.replace(year=today.year - ADULT_YEARS[1])
    men = await (
        Resident.select(Resident.nik)
        .where(
            (Resident.status == ALIVE)
            & (Resident.sex == MAN)
            & (Resident.nik_temporary == False)  # noqa: E712 -- SQL, not Python
            & (Resident.birth_date <= youngest)
            & (Resident.birth_date >= oldest)
        )
        .order_by(Resident.id)
    )
    for area, man in zip(await all_areas(), men, strict=False):
        await set_head(context.kernel, context.village.code, actor, area["id"], man["nik"], now=now)
