"""Health tests load population (children and mothers are its residents) and health, and make
residents the way a village does: through the register's own form, a birth as a birth."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import httpx
import pytest

from core.testing.harness import Harness, VillageRef, csrf_ready

_serial = itertools.count(1)


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("population", "health")


class Register:
    """Residents recorded through population's pages by a village operator."""

    def __init__(self, kampung: Harness, village: VillageRef) -> None:
        self.kampung = kampung
        self.village = village
        self._operator: httpx.AsyncClient | None = None
        self._kk: str | None = None

    async def operator(self) -> httpx.AsyncClient:
        if self._operator is None:
            self._operator = await self.kampung.login("village_operator", self.village)
            await csrf_ready(self._operator)
        return self._operator

    async def family(self) -> str:
        """The KK number of one family of the village (made on first use): a baby needs a KK."""
        if self._kk is None:
            client = await self.operator()
            kk = f"352701010126{next(_serial):04d}"
            form = {"kk_number": kk, "address": "Jl. Melati 3", "dusun": "Krajan", "rw": "002",
                    "rt": "001"}  # fmt: skip
            response = await client.post(f"{self.village.url}/keluarga/baru", data=form)
            assert response.status_code == 303, response.text[-1500:]
            self._kk = kk
        return self._kk

    async def resident(
        self,
        name: str,
        sex: str,
        born: dt.date,
        *,
        birth: bool = False,
        dusun: str = "Krajan",
        mother_nik: str = "",
    ) -> int:
        """A resident's id; `birth=True` records them as born here (the register's birth event)."""
        client = await self.operator()
        form = {
            "idempotency_key": f"health-test-{next(_serial):06d}",
            "nik_temporary": "1",
            "kk_number": await self.family(),
            "relationship": "4",
            "name": name,
            "sex": "1" if sex == "L" else "2",
            "birth_date": born.isoformat(),
            "birth_place": "Banyuwangi",
            "citizenship": "1",
            "dusun": dusun,
            "rt": "001",
            "rw": "002",
            "mother_nik": mother_nik,
            "arrival": "1" if birth else "",
            "event_date": born.isoformat() if birth else "",
            "report_date": born.isoformat() if birth else "",
        }
        response = await client.post(f"{self.village.url}/penduduk/baru", data=form)
        assert response.status_code == 303, re.findall(
            r'field-error"[^>]*>(.*?)</p>', response.text
        )
        return int(response.headers["location"].rsplit("/", 1)[1])


@pytest.fixture
async def village(kampung: Harness) -> VillageRef:
    return await kampung.village(0)


@pytest.fixture
def register(kampung: Harness, village: VillageRef) -> Register:
    return Register(kampung, village)


async def signed_in(kampung: Harness, role: str, scope: Any) -> httpx.AsyncClient:
    client = await kampung.login(role, scope)
    await csrf_ready(client)
    return client
