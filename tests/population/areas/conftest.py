"""A village's families and residents written straight into the register's tables, with the
hamlet/RW/RT text a real register holds (mixed case, stray spaces, RT without leading zeros),
and the areas made through the areas' rules."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest

from core.audit.tables import AuditEntry
from plugins.population.areas import areas as rules
from plugins.population.areas.counts import AreaStatistics, area_statistics
from plugins.population.tables import Family, Resident

_serial = itertools.count(1)
ALIVE, DEAD = 1, 2


class Register:
    """One village: families with their place, residents in them, and its areas."""

    def __init__(self, kampung: Any, village: Any) -> None:
        self.kampung = kampung
        self.village = village
        self.code = village.code

    async def family(
        self, dusun: str, rw: str = "", rt: str = "", *, men: int = 0, women: int = 0
    ) -> int:
        """A KK at `dusun`/`rw`/`rt` with `men` and `women` living members; its id."""
        now = datetime.now(UTC)
        async with self.kampung.scope(self.code):
            rows = await Family.insert(
                Family(
                    kk_number=f"352701010126{next(_serial):04d}",
                    dusun=dusun,
                    rw=rw,
                    rt=rt,
                    created_at=now,
                )
            ).returning(Family.id)
        family_id = int(rows[0]["id"])
        for sex, count in ((1, men), (2, women)):
            for _ in range(count):
                await self.resident(family_id, sex=sex)
        return family_id

    async def resident(
        self, family: int | None, *, sex: int = 1, status: int = ALIVE, name: str = ""
    ) -> dict[str, Any]:
        now = datetime.now(UTC)
        serial = next(_serial)
        nik = f"35270114059{serial:05d}"
        name = name or f"Warga {serial}"
        async with self.kampung.scope(self.code):
            rows = await Resident.insert(
                Resident(
                    family=family,
                    nik=nik,
                    name=name,
                    name_key=name.lower(),
                    sex=sex,
                    status=status,
                    created_at=now,
                    updated_at=now,
                )
            ).returning(Resident.id)
        return {"id": int(rows[0]["id"]), "nik": nik, "name": name}

    async def add(self, level: str, name: str, parent: int | None = None) -> int:
        async with self.kampung.scope(self.code):
            return await rules.add_area(self.kampung.kernel, self.code, "test", level, name, parent)

    async def run(self, rule: Any, *args: Any, **kwargs: Any) -> Any:
        """One of the rules, in this village, as user `test`."""
        async with self.kampung.scope(self.code):
            return await rule(self.kampung.kernel, self.code, "test", *args, **kwargs)

    async def statistics(self) -> AreaStatistics:
        async with self.kampung.scope(self.code):
            return await area_statistics()

    async def living(self) -> int:
        async with self.kampung.scope(self.code):
            return int(await Resident.count().where(Resident.status == ALIVE))

    async def audit(self) -> list[tuple[str, str]]:
        async with self.kampung.scope(self.code):
            rows = await (
                AuditEntry.select(AuditEntry.action, AuditEntry.entity_id)
                .where(AuditEntry.entity == "area")
                .order_by(AuditEntry.seq)
            )
        return [(r["action"], r["entity_id"]) for r in rows]


@pytest.fixture
def register(kampung: Any) -> Any:
    async def make(index: int = 0) -> Register:
        return Register(kampung, await kampung.village(index))

    return make
