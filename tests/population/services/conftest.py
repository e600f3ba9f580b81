"""One village's counter and the regency office, working requests over HTTP as people do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from plugins.population.services.kinds import get_kind
from plugins.population.tables import ServiceRequest

REGENCY_ACTIONS = frozenset({"terima", "kembalikan_ke_desa", "selesai"})


def required_keys(kind: str) -> list[str]:
    return [d.key for d in get_kind(kind).documents if d.required]


@dataclass
class Counter:
    kampung: Any
    village: Any
    operator: httpx.AsyncClient
    officer: httpx.AsyncClient
    kinds: dict[int, str] = field(default_factory=dict)

    async def submit(self, nik: str, key: str, kind: str = "ktp_el", **extra: str) -> int:
        """A request sent through the API, so without files."""
        body = {"kind": kind, "idempotency_key": key, "nik": nik, "applicant_name": "Pemohon"}
        response = await self.operator.post(self.village.api + "/layanan", json=body | extra)
        assert response.status_code == 201, response.text
        self.kinds[response.json()["id"]] = kind
        return response.json()["id"]

    def url(self, request_id: int) -> str:
        return f"{self.village.url}/layanan/{request_id}"

    async def act(self, request_id: int, action: str, data: dict | None = None) -> httpx.Response:
        """An action's form sent from the request's page (the regency's page for its own)."""
        if action in REGENCY_ACTIONS:
            url = f"/kabupaten/layanan/{request_id}/aksi/{action}"
            return await self.officer.post(url, data=data or {})
        return await self.operator.post(f"{self.url(request_id)}/aksi/{action}", data=data or {})

    async def walk(self, request_id: int, *actions: str) -> None:
        """Take ``actions`` in order with what each needs, originals seen for ``lengkap``."""
        needs = {
            "lengkap": {"asli_dilihat": required_keys(self.kinds[request_id])},
            "kembalikan": {"alasan": "Berkas kurang"},
            "kembalikan_ke_desa": {"alasan": "Foto buram"},
            "selesai": {"nomor_dokumen": "3527-LT-0001"},
            "nilai": {"nilai": "3"},
            "batalkan": {"konfirmasi": "ya"},
        }
        for action in actions:
            response = await self.act(request_id, action, needs.get(action))
            assert response.status_code == 303, (action, response.text[:800])

    async def status(self, request_id: int) -> str:
        async with self.kampung.scope(self.village.code):
            row = await ServiceRequest.select(ServiceRequest.status).where(
                ServiceRequest.id == request_id
            )
        return row[0]["status"]


@pytest.fixture
async def counter(kampung: Any) -> Counter:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    officer = await kampung.login("regency_officer")
    return Counter(kampung, village, operator, officer)
