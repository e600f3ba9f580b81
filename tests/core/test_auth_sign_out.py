"""The sign-out button each signed-in page renders works as a browser submits it."""

from __future__ import annotations

from core.auth.sessions import SESSION_COOKIE
from core.auth.tables import Session
from tests.core.html_forms import sign_out_form, submit_like_a_browser


async def test_the_staff_layouts_sign_out_button_ends_the_session(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    token = client.cookies[SESSION_COOKIE]
    page = await client.get(village.url + "/")
    assert page.status_code == 200
    form = sign_out_form(page.text)
    assert "_csrf_token" in form.hidden

    answer = await submit_like_a_browser(client, form)
    assert answer.status_code == 303 and answer.headers["location"] == "/masuk"
    assert (await client.get(village.url + "/")).headers["location"].startswith("/masuk")
    stale = kampung.client(cookies={SESSION_COOKIE: token})
    assert (await stale.get(village.url + "/")).status_code == 303
    async with kampung.scope():
        assert await Session.count() == 0


async def test_the_regency_pages_sign_out_button_ends_the_session(kampung) -> None:
    client = await kampung.login("regency_admin")
    form = sign_out_form((await client.get("/kabupaten/")).text)
    assert (await submit_like_a_browser(client, form)).status_code == 303
    assert (await client.get("/kabupaten/")).headers["location"].startswith("/masuk")


async def test_the_sign_out_form_needs_its_csrf_field(kampung) -> None:
    client = await kampung.login("regency_admin")
    form = sign_out_form((await client.get("/kabupaten/")).text)
    form.hidden.pop("_csrf_token")
    assert (await submit_like_a_browser(client, form)).status_code == 403
    assert (await client.get("/kabupaten/")).status_code == 200
