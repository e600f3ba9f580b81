"""Citizens' sessions: sign-out from the portal page, PIN reset and PIN change end sessions, and a
voluntary PIN change asks for the current PIN."""

from __future__ import annotations

import pytest

from core.auth.sessions import SESSION_COOKIE
from core.auth.tables import Session
from tests.core.citizens import (
    FIRST_PIN,
    citizen_signs_in,
    citizen_with_own_pin,
    issue_pin,
    resident,
)
from tests.core.html_forms import sign_out_form, submit_like_a_browser


@pytest.fixture
def kampung_plugins() -> tuple[str, ...] | None:
    """The citizen portal is the population plugin's."""
    return None


async def test_the_portal_pages_sign_out_button_ends_the_session(kampung) -> None:
    village = await kampung.village()
    me = await resident(kampung, village)
    operator = await kampung.login("village_operator", village)
    client = await citizen_with_own_pin(
        kampung, me["nik"], await issue_pin(operator, village, me["nik"])
    )
    token = client.cookies[SESSION_COOKIE]
    page = await client.get(village.url + "/warga")
    assert page.status_code == 200
    answer = await submit_like_a_browser(client, sign_out_form(page.text))
    assert answer.status_code == 303 and answer.headers["location"] == "/warga/masuk"
    stale = kampung.client(cookies={SESSION_COOKIE: token})
    assert (await stale.get(village.url + "/warga")).headers["location"].startswith("/warga/masuk")


async def test_an_operators_pin_reset_ends_every_session_of_the_citizen(kampung) -> None:
    village = await kampung.village()
    me = await resident(kampung, village)
    operator = await kampung.login("village_operator", village)
    issued = await issue_pin(operator, village, me["nik"])
    phone = await citizen_with_own_pin(kampung, me["nik"], issued)
    laptop = await citizen_signs_in(kampung, me["nik"], FIRST_PIN)
    assert (await phone.get(village.url + "/warga")).status_code == 200

    await issue_pin(operator, village, me["nik"])
    for old in (phone, laptop):
        assert (await old.get(village.url + "/warga")).status_code == 303
        taken_over = await old.post(
            "/warga/ganti-pin", data={"pin": "731946", "pin_confirm": "731946"}
        )
        assert taken_over.headers["location"] == "/warga/masuk"
    async with kampung.scope(village.code):
        assert await Session.count().where(Session.citizen_ref.is_not_null()) == 0


async def test_a_voluntary_pin_change_needs_the_current_pin(kampung) -> None:
    village = await kampung.village()
    me = await resident(kampung, village)
    operator = await kampung.login("village_operator", village)
    client = await citizen_with_own_pin(
        kampung, me["nik"], await issue_pin(operator, village, me["nik"])
    )
    page = await client.get("/warga/ganti-pin")
    assert 'name="current_pin"' in page.text

    missing = await client.post("/warga/ganti-pin", data={"pin": "731946", "pin_confirm": "731946"})
    assert missing.status_code == 422 and "PIN saat ini salah" in missing.text
    wrong = await client.post(
        "/warga/ganti-pin", data={"current_pin": "111222", "pin": "731946", "pin_confirm": "731946"}
    )
    assert wrong.status_code == 422
    assert (await citizen_signs_in(kampung, me["nik"], FIRST_PIN)) is not None


async def test_a_pin_change_ends_the_other_sessions_and_keeps_this_one(kampung) -> None:
    village = await kampung.village()
    me = await resident(kampung, village)
    operator = await kampung.login("village_operator", village)
    phone = await citizen_with_own_pin(
        kampung, me["nik"], await issue_pin(operator, village, me["nik"])
    )
    forgotten = await citizen_signs_in(kampung, me["nik"], FIRST_PIN)

    changed = await phone.post(
        "/warga/ganti-pin",
        data={"current_pin": FIRST_PIN, "pin": "731946", "pin_confirm": "731946"},
    )
    assert changed.status_code == 303 and changed.headers["location"] == village.url + "/warga"
    assert (await phone.get(village.url + "/warga")).status_code == 200
    assert (await forgotten.get(village.url + "/warga")).status_code == 303
    assert (await citizen_signs_in(kampung, me["nik"], "731946")) is not None
