"""Shared helpers for the register specs: a valid person's form, and residents made directly."""

from __future__ import annotations

from typing import Any

import pytest

from core.audit.tables import AuditEntry
from core.localtime import local_today
from plugins.population.register.families import FamilyInput, create_family
from plugins.population.register.resident_form import read_resident
from plugins.population.register.residents import create_resident


def person(serial: int = 1, **changes: Any) -> dict[str, str]:
    """Form fields of a man born 14-05-1990 whose NIK matches his record (region 35.27.01)."""
    values = {
        "nik": f"352701140590{serial:04d}",
        "name": "Budi Santoso",
        "sex": "1",
        "birth_place": "Sampang",
        "birth_date": "1990-05-14",
        "citizenship": "1",
        "religion": "1",
        "marital_status": "2",
        "dusun": "Krajan",
        "rw": "1",
        "rt": "2",
    }
    values.update({key: str(value) for key, value in changes.items()})
    return values


class Register:
    """Writes residents and families straight through the services, as other parts do."""

    person = staticmethod(person)

    def __init__(self, kampung: Any) -> None:
        self.kampung = kampung

    async def resident(self, village: Any, serial: int = 1, **changes: Any) -> int:
        result = read_resident(
            {**person(serial, **changes), "nik_checked": "1"},
            village_code=village.code,
            today=local_today(),
        )
        assert result.data is not None, result.errors
        async with self.kampung.scope(village.code):
            return await create_resident(self.kampung.kernel, village.code, "test", result.data)

    async def family(self, village: Any, kk_number: str) -> int:
        async with self.kampung.scope(village.code):
            return await create_family(
                self.kampung.kernel, village.code, "test", FamilyInput(kk_number, "Jl. Mawar 1")
            )

    async def audit(self, village: Any, entity: str, entity_id: int) -> list[dict[str, Any]]:
        async with self.kampung.scope(village.code):
            return (
                await AuditEntry.select()
                .where(
                    (AuditEntry.village_code == village.code)
                    & (AuditEntry.entity == entity)
                    & (AuditEntry.entity_id == str(entity_id))
                )
                .order_by(AuditEntry.seq)
            )


@pytest.fixture
def register(kampung: Any) -> Register:
    return Register(kampung)
