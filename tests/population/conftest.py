"""Residents and families made directly in the tables, so these tests need no register pages."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest

from plugins.population.tables import Family, Resident

_serial = itertools.count(1)


class People:
    def __init__(self, kampung: Any) -> None:
        self.kampung = kampung

    async def family(self, village: Any, kk_number: str | None = None) -> int:
        now = datetime.now(UTC)
        number = kk_number or f"352701010126{next(_serial):04d}"
        async with self.kampung.scope(village.code):
            rows = await Family.insert(
                Family(village_code=village.code, kk_number=number, created_at=now)
            ).returning(Family.id)
        return rows[0]["id"]

    async def resident(
        self,
        village: Any,
        name: str = "SITI AMINAH",
        *,
        family: int | None = None,
        sex: int = 2,
        relationship: int | None = None,
    ) -> dict[str, Any]:
        now = datetime.now(UTC)
        nik = f"35270141018{next(_serial):05d}"
        async with self.kampung.scope(village.code):
            rows = await Resident.insert(
                Resident(
                    village_code=village.code,
                    family=family,
                    nik=nik,
                    name=name,
                    name_key=name.lower(),
                    sex=sex,
                    relationship=relationship,
                    created_at=now,
                    updated_at=now,
                )
            ).returning(Resident.id)
        return {"id": rows[0]["id"], "nik": nik, "name": name, "family": family}


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    """Population's suite loads population alone, as a plugin's own suite would: it needs no
    other plugin, and another plugin's state cannot fail it."""
    return ("population",)


@pytest.fixture
def people(kampung: Any) -> People:
    return People(kampung)
