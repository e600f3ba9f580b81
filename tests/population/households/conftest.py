"""A village's register written through the register's own services, and households made
through the households' rules, for the household specs."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from core.audit.tables import AuditEntry
from core.localtime import local_today
from plugins.population.households.households import create_household
from plugins.population.households.tables import HouseholdMember
from plugins.population.register.events import record_event
from plugins.population.register.families import FamilyInput, create_family
from plugins.population.register.resident_form import read_resident
from plugins.population.register.residents import create_resident
from plugins.population.register.status import DEATH

TODAY = local_today()
_kk_serial = itertools.count(1)


def person(serial: int, **changes: Any) -> dict[str, str]:
    """A man born 14-05-1990 whose NIK matches his record (region 35.27.01)."""
    values = {
        "nik": f"352701140590{serial:04d}",
        "name": f"Budi Santoso {serial}",
        "sex": "1",
        "birth_place": "Sampang",
        "birth_date": "1990-05-14",
        "citizenship": "1",
        "religion": "1",
        "marital_status": "2",
        "dusun": "Krajan",
        "rw": "1",
        "rt": "2",
        "nik_checked": "1",
    }
    values.update({key: str(value) for key, value in changes.items()})
    return values


def nik(serial: int) -> str:
    return f"352701140590{serial:04d}"


class Houses:
    """One village's register and households, written through the services."""

    def __init__(self, kampung: Any, village: Any) -> None:
        self.kampung = kampung
        self.village = village
        self.code = village.code

    async def family(self, address: str = "Jl. Mawar 1") -> str:
        """A new KK in the village; its number."""
        number = f"35270112012{next(_kk_serial):05d}"
        async with self.kampung.scope(self.code):
            await create_family(
                self.kampung.kernel,
                self.code,
                "test",
                FamilyInput(number, address, "Krajan", "001", "002"),
            )
        return number

    async def resident(self, serial: int, **changes: Any) -> int:
        result = read_resident(person(serial, **changes), village_code=self.code, today=TODAY)
        assert result.data is not None, result.errors
        async with self.kampung.scope(self.code):
            return await create_resident(self.kampung.kernel, self.code, "test", result.data)

    async def family_of(self, first: int, size: int, address: str = "Jl. Mawar 1") -> Any:
        """A KK of `size` residents with serials from `first`, the first its head."""
        kk = await self.family(address)
        ids = []
        for offset in range(size):
            relationship = "1" if offset == 0 else "4"
            ids.append(await self.resident(first + offset, kk_number=kk, relationship=relationship))
        return kk, ids

    async def household(self, head_serial: int, members: list[int], number: str = "") -> int:
        async with self.kampung.scope(self.code):
            return await create_household(
                self.kampung.kernel,
                self.code,
                "test",
                nik(head_serial),
                members,
                number=number,
                today=TODAY,
            )

    async def die(self, resident_id: int) -> None:
        async with self.kampung.scope(self.code):
            await record_event(
                self.kampung.kernel,
                self.code,
                "test",
                resident_id,
                DEATH,
                TODAY,
                TODAY,
                {"place": "Rumah", "cause": 1, "attested_by": "Bidan"},
            )

    async def stays(self, resident_id: int) -> list[dict[str, Any]]:
        async with self.kampung.scope(self.code):
            return await (
                HouseholdMember.select()
                .where(HouseholdMember.resident == resident_id)
                .order_by(HouseholdMember.id)
            )

    async def audit(self, household_id: int) -> list[str]:
        async with self.kampung.scope(self.code):
            rows = await (
                AuditEntry.select(AuditEntry.action)
                .where(
                    (AuditEntry.entity == "household") & (AuditEntry.entity_id == str(household_id))
                )
                .order_by(AuditEntry.seq)
            )
        return [r["action"] for r in rows]


@pytest.fixture
def houses(kampung: Any) -> Any:
    async def make(index: int = 0) -> Houses:
        return Houses(kampung, await kampung.village(index))

    return make
