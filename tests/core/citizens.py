"""Citizens for the sign-in tests: a resident made in the table, a PIN issued by an operator on
the page, and a browser signed in to the portal."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from typing import Any

import httpx

from core.testing.harness import VillageRef, csrf_ready
from plugins.population.tables import Resident

FIRST_PIN = "582914"
_serial = itertools.count(1)


async def resident(kampung: Any, village: VillageRef) -> dict[str, Any]:
    now = datetime.now(UTC)
    nik = f"35270141019{next(_serial):05d}"
    async with kampung.scope(village.code):
        rows = await Resident.insert(
            Resident(
                village_code=village.code,
                nik=nik,
                name="SITI AMINAH",
                name_key="siti aminah",
                sex=2,
                created_at=now,
                updated_at=now,
            )
        ).returning(Resident.id)
    return {"id": rows[0]["id"], "nik": nik}


async def issue_pin(operator: httpx.AsyncClient, village: VillageRef, nik: str) -> str:
    page = await operator.post(village.url + "/warga-akun", data={"nik": nik})
    assert page.status_code == 200, page.text[:300]
    found = re.search(r'class="issued-pin">(\d{6})<', page.text)
    assert found is not None
    return found.group(1)


async def citizen_signs_in(kampung: Any, nik: str, pin: str) -> httpx.AsyncClient:
    client = kampung.client()
    await csrf_ready(client)
    answer = await client.post("/warga/masuk", data={"nik": nik, "pin": pin})
    assert answer.status_code == 303, answer.text[:300]
    return client


async def citizen_with_own_pin(kampung: Any, nik: str, issued: str) -> httpx.AsyncClient:
    client = await citizen_signs_in(kampung, nik, issued)
    changed = await client.post(
        "/warga/ganti-pin", data={"pin": FIRST_PIN, "pin_confirm": FIRST_PIN}
    )
    assert changed.status_code == 303, changed.text[:300]
    return client
