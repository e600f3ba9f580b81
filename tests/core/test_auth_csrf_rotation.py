"""The CSRF token a browser held before signing in is worthless afterwards."""

from __future__ import annotations

import pytest

from core.auth.csrf import CSRF_COOKIE
from core.testing.harness import TEST_PASSWORD, csrf_ready
from tests.core.citizens import issue_pin, resident


async def test_staff_sign_in_replaces_the_csrf_token(kampung) -> None:
    village = await kampung.village()
    username = await kampung.user("village_admin", village.code)
    client = kampung.client()
    before = await csrf_ready(client)
    signed_in = await client.post(
        "/masuk",
        data={"username": username, "password": TEST_PASSWORD, "_csrf_token": before},
        headers={"x-csrf-token": ""},
    )
    assert signed_in.status_code == 303
    after = client.cookies[CSRF_COOKIE]
    assert after != before

    url = village.url + "/pengaturan"
    stale = await client.post(url, data={"display_name": "X"}, headers={"x-csrf-token": before})
    assert stale.status_code == 403
    fresh = await client.post(url, data={"display_name": "X"}, headers={"x-csrf-token": after})
    assert fresh.status_code != 403


@pytest.mark.parametrize("kampung_plugins", [None])
async def test_citizen_sign_in_replaces_the_csrf_token(kampung) -> None:
    village = await kampung.village()
    me = await resident(kampung, village)
    operator = await kampung.login("village_operator", village)
    pin = await issue_pin(operator, village, me["nik"])
    client = kampung.client()
    before = await csrf_ready(client)
    assert (
        await client.post("/warga/masuk", data={"nik": me["nik"], "pin": pin})
    ).status_code == 303
    after = client.cookies[CSRF_COOKIE]
    assert after != before
    data = {"pin": "731946", "pin_confirm": "731946"}
    stale = await client.post("/warga/ganti-pin", data=data, headers={"x-csrf-token": before})
    assert stale.status_code == 403
    fresh = await client.post("/warga/ganti-pin", data=data, headers={"x-csrf-token": after})
    assert fresh.status_code == 303
