"""A village office for the reliability specs: two residents in one family, the village's staff
signed in, and the head of the family signed in to the citizen portal.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from piccolo.table import Table

from core.testing.harness import csrf_ready
from plugins.population.register.families import FamilyInput, create_family

STAFF = ("village_admin", "village_operator", "village_secretary", "village_head")


def person(serial: int, **extra: Any) -> dict[str, Any]:
    """A man born 14-05-1990 in region 35.27.01 whose NIK matches his record."""
    return {
        "nik": f"352701140590{serial:04d}",
        "name": f"Warga Uji {serial}",
        "sex": 1,
        "birth_place": "Sampang",
        "birth_date": "1990-05-14",
        "citizenship": 1,
        "religion": 1,
        "marital_status": 2,
        "occupation": 9,
        "address": "Jalan Mawar 1",
        "dusun": "Krajan",
        "rw": "1",
        "rt": "2",
        "nik_checked": True,
        **extra,
    }


@dataclass
class Office:
    """One village with two residents in one family, its staff and one signed-in citizen."""

    kampung: Any
    village: Any
    clients: dict[str, httpx.AsyncClient]
    """By role: every village staff role, and `citizen` (the head of the family)."""
    first: int
    """The serial of the head of the family; the next one is his child."""
    kk: str
    family_id: int
    residents: list[int]
    serials: Iterator[int]

    async def count(self, table: type[Table]) -> int:
        async with self.kampung.scope(self.village.code):
            return await table.count().where(table.village_code == self.village.code)


async def open_office(kampung: Any, index: int = 0, first: int = 1) -> Office:
    """The index-th village; its residents' NIKs are numbered from `first`."""
    village = await kampung.village(index)
    clients = {role: await kampung.login(role, village) for role in STAFF}
    operator = clients["village_operator"]
    kk = f"35270112012{first:05d}"
    async with kampung.scope(village.code):
        family_id = await create_family(
            kampung.kernel, village.code, "test", FamilyInput(kk, "Jalan Mawar 1")
        )
    residents = []
    for serial, relationship in ((first, 1), (first + 1, 3)):
        body = person(serial, kk_number=kk, relationship=relationship)
        body["idempotency_key"] = secrets.token_hex(16)
        created = await operator.post(village.api + "/penduduk", json=body)
        assert created.status_code == 201, created.text
        residents.append(created.json()["id"])
    clients["citizen"] = await _citizen(kampung, village, operator, person(first)["nik"])
    return Office(
        kampung, village, clients, first, kk, family_id, residents, iter(range(first + 10, 9999))
    )


async def _citizen(kampung: Any, village: Any, operator: httpx.AsyncClient, nik: str) -> Any:
    issued = await operator.post(village.url + "/warga-akun", data={"nik": nik})
    found = re.search(r'class="issued-pin">(\d{6})<', issued.text)
    assert found is not None, issued.text[:300]
    citizen = kampung.client()
    await csrf_ready(citizen)
    signed_in = await citizen.post("/warga/masuk", data={"nik": nik, "pin": found.group(1)})
    assert signed_in.status_code == 303, signed_in.text[:300]
    changed = await citizen.post(
        "/warga/ganti-pin", data={"pin": "582914", "pin_confirm": "582914"}
    )
    assert changed.status_code == 303, changed.text[:300]
    return citizen
