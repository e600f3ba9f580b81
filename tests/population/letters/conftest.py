"""Shared setup for the letter tests: residents put straight into the register, and drafting."""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest

from core.testing.harness import TEST_PASSWORD, Harness, VillageRef, csrf_ready
from plugins.population.tables import Resident

DOMISILI_FIELDS = {"keperluan": "melamar pekerjaan"}
AddResident = Callable[..., Awaitable[int]]


@pytest.fixture
def add_resident(kampung: Harness) -> AddResident:
    """Insert a resident with everything the default letter wording needs (override by keyword)."""

    async def add(village: VillageRef, nik: str, name: str = "Siti Aminah", **columns: Any) -> int:
        now = datetime.now(UTC)
        values: dict[str, Any] = {
            "village_code": village.code,
            "nik": nik,
            "name": name,
            "name_key": name.lower(),
            "sex": 2,
            "birth_place": "Sampang",
            "birth_date": date(1990, 6, 5),
            "religion": 1,
            "marital_status": 1,
            "occupation": 9,
            "address": "Jalan Raya Noreh 1",
            "rt": "001",
            "rw": "002",
            "dusun": "Krajan",
            "created_at": now,
            "updated_at": now,
            **columns,
        }
        async with kampung.scope(village.code):
            rows = await Resident.insert(Resident(**values)).returning(Resident.id)
        return int(rows[0]["id"])

    return add


async def _draft(
    client: httpx.AsyncClient,
    village: VillageRef,
    nik: str,
    kind: str = "domisili",
    fields: dict[str, Any] | None = None,
    key: str | None = None,
) -> httpx.Response:
    """Draft a letter through the API, as an integration or the counter would."""
    return await client.post(
        f"{village.api}/surat",
        json={
            "kind": kind,
            "nik": nik,
            "paper": "A4",
            "fields": DOMISILI_FIELDS if fields is None else fields,
            "idempotency_key": key or secrets.token_hex(16),
        },
    )


async def _act(
    client: httpx.AsyncClient, village: VillageRef, letter_id: int, action: str, **payload: str
) -> httpx.Response:
    """Take an action through the API; a signature carries the signer's (test) password."""
    if action == "tandatangani":
        payload.setdefault("kata_sandi", TEST_PASSWORD)
    return await client.post(f"{village.api}/surat/{letter_id}/aksi/{action}", json=payload)


@pytest.fixture
def draft() -> Callable[..., Awaitable[httpx.Response]]:
    return _draft


@pytest.fixture
def act() -> Callable[..., Awaitable[httpx.Response]]:
    return _act


@pytest.fixture
def citizen(kampung: Harness) -> Callable[[VillageRef, str], Awaitable[httpx.AsyncClient]]:
    """A phone's browser signed in to the portal as the resident of a NIK, past the PIN change."""

    async def sign_in(village: VillageRef, nik: str) -> httpx.AsyncClient:
        operator = await kampung.login("village_operator", village)
        page = await operator.post(village.url + "/warga-akun", data={"nik": nik})
        found = re.search(r'class="issued-pin">(\d{6})<', page.text)
        assert found is not None, page.text[:500]
        client = kampung.client()
        await csrf_ready(client)
        signed = await client.post("/warga/masuk", data={"nik": nik, "pin": found.group(1)})
        assert signed.status_code == 303
        pin = {"pin": "582914", "pin_confirm": "582914"}
        assert (await client.post("/warga/ganti-pin", data=pin)).status_code == 303
        return client

    return sign_in
