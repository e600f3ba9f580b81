"""Helpers of the PPID tests: requests filed the way a visitor files them, or in the past
through the rules (for deadlines)."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Any

from core.testing.harness import csrf_ready
from plugins.public_info.ppid.requests import Filed, file_request

NIK = "3527014101800007"


def request_form(**changes: str) -> dict[str, str]:
    values = {
        "requester_name": "Moh. Hasan",
        "identity_kind": "ktp",
        "identity_number": NIK,
        "address": "Dusun Krajan RT 002 RW 001",
        "phone": "081234567890",
        "email": "hasan@contoh.id",
        "information": "Salinan laporan realisasi APBDes tahun 2025",
        "purpose": "Bahan diskusi warga tentang pembangunan jalan dusun",
        "copy_form": "salinan_elektronik",
        "delivery": "email",
        "idempotency_key": secrets.token_urlsafe(12),
    }
    values.update(changes)
    return values


class Desk:
    """The public desk of one village, as a visitor (or a rule call) uses it."""

    def __init__(self, kampung: Any) -> None:
        self.kampung = kampung

    async def visitor(self) -> Any:
        client = self.kampung.client()
        await csrf_ready(client)
        return client

    async def file(self, client: Any, village: Any, **changes: str) -> tuple[str, str]:
        answer = await client.post(
            f"{village.url}/situs/ppid/permohonan", data=request_form(**changes)
        )
        assert answer.status_code == 201, answer.text[:800]
        number = re.search(r'class="tracking-number">([^<]+)<', answer.text).group(1)
        code = re.search(r'class="access-code">([^<]+)<', answer.text).group(1)
        return number, code

    async def file_at(self, village: Any, moment: datetime, address: str = "10.0.0.9") -> Filed:
        """A request filed at ``moment``, straight through the rules (for deadlines)."""
        async with self.kampung.scope(village.code):
            filed = await file_request(
                self.kampung.kernel, village.code, request_form(), moment, address
            )
        assert isinstance(filed, Filed)
        return filed
