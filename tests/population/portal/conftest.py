"""A citizen signed in to the portal, and a village operator acting on their requests."""

from __future__ import annotations

import re
from typing import Any

from core.testing.harness import csrf_ready


async def issue_pin(kampung: Any, village: Any, nik: str) -> str:
    operator = await kampung.login("village_operator", village)
    page = await operator.post(village.url + "/warga-akun", data={"nik": nik})
    assert page.status_code == 200, page.text[:500]
    found = re.search(r'class="issued-pin">(\d{6})<', page.text)
    assert found is not None
    return found.group(1)


async def signed_in(kampung: Any, village: Any, nik: str) -> Any:
    """A phone's browser signed in as the resident of `nik`, past the first PIN change."""
    pin = await issue_pin(kampung, village, nik)
    client = kampung.client()
    await csrf_ready(client)
    assert (await client.post("/warga/masuk", data={"nik": nik, "pin": pin})).status_code == 303
    changed = await client.post("/warga/ganti-pin", data={"pin": "582914", "pin_confirm": "582914"})
    assert changed.status_code == 303, changed.text[:500]
    return client
