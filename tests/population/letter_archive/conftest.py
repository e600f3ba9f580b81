"""A signed letter made through the API, as the counter would make one, for the archive."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

import pytest

from core.testing.harness import TEST_PASSWORD, Harness, VillageRef
from plugins.population.tables import Resident


@pytest.fixture
def signed_letter(kampung: Harness) -> Callable[..., Awaitable[int]]:
    """Add a resident, draft a domisili letter for them, check and sign it; the letter's id."""

    async def make(village: VillageRef, nik: str, name: str, *, sign: bool = True) -> int:
        now = datetime.now(UTC)
        async with kampung.scope(village.code):
            await Resident.insert(
                Resident(
                    village_code=village.code, nik=nik, name=name, name_key=name.lower(),
                    sex=2, birth_place="Sampang", birth_date=date(1990, 6, 5), religion=1,
                    marital_status=1, occupation=9, address="Jalan Raya 1", rt="001",
                    rw="002", dusun="Krajan", created_at=now, updated_at=now,
                )
            )  # fmt: skip
        operator = await kampung.login("village_operator", village)
        drafted = await operator.post(
            f"{village.api}/surat",
            json={
                "kind": "domisili",
                "nik": nik,
                "paper": "A4",
                "fields": {"keperluan": "melamar pekerjaan"},
                "idempotency_key": secrets.token_hex(16),
            },
        )
        letter_id = int(drafted.json()["id"])
        if sign:
            secretary = await kampung.login("village_secretary", village)
            head = await kampung.login("village_head", village)
            url = f"{village.api}/surat/{letter_id}/aksi"
            assert (await secretary.post(f"{url}/periksa", json={})).status_code == 200
            signed = await head.post(f"{url}/tandatangani", json={"kata_sandi": TEST_PASSWORD})
            assert signed.status_code == 200, signed.text
        return letter_id

    return make
