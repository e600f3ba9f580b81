"""Staff change their own password, admins reset others' within their scope, and a password an
admin set must be replaced before any other page answers."""

from __future__ import annotations

import re

import httpx

from core.auth.tables import User
from core.testing.harness import TEST_PASSWORD, sign_in

NEW_PASSWORD = "sapi makan rumput hijau"


async def user_id(kampung, username: str) -> int:
    async with kampung.scope():
        row = await User.select(User.id).where(User.username == username).first()
    return int(row["id"])


async def reset(admin: httpx.AsyncClient, base_url: str, target: int) -> str:
    """The temporary password shown once on the users page."""
    answer = await admin.post(f"{base_url}/pengguna/{target}/kata-sandi")
    assert answer.status_code == 200, answer.text[:300]
    assert answer.headers["cache-control"] == "no-store"
    found = re.search(r"<strong><code>([a-z0-9]{16})</code></strong>", answer.text)
    assert found is not None
    return found.group(1)


async def change(client: httpx.AsyncClient, current: str, new: str, confirm: str | None = None):
    data = {"current_password": current, "password": new, "password_confirm": confirm or new}
    return await client.post("/akun/kata-sandi", data=data)


async def test_changing_ones_password_asks_for_the_current_one(kampung) -> None:
    username = await kampung.user("regency_officer", "35.27")
    client = await kampung.login_as(username)
    page = await client.get("/akun/kata-sandi")
    assert page.status_code == 200 and 'name="current_password"' in page.text
    wrong = await change(client, "bukan-sandi-saya-123", NEW_PASSWORD)
    assert wrong.status_code == 422 and "Kata sandi saat ini salah" in wrong.text
    weak = await change(client, TEST_PASSWORD, "password1234")
    assert weak.status_code == 422
    mismatch = await change(client, TEST_PASSWORD, NEW_PASSWORD, "sapi makan rumput")
    assert mismatch.status_code == 422 and "tidak sama" in mismatch.text
    assert (await sign_in(kampung.client(), username, TEST_PASSWORD)).status_code == 303


async def test_a_change_ends_the_other_sessions_and_keeps_this_one(kampung) -> None:
    username = await kampung.user("regency_officer", "35.27")
    client = await kampung.login_as(username)
    forgotten = await kampung.login_as(username)
    done = await change(client, TEST_PASSWORD, NEW_PASSWORD)
    assert done.status_code == 303
    assert (await client.get("/kabupaten/")).status_code == 200
    assert (await forgotten.get("/kabupaten/")).status_code == 303
    assert (await sign_in(kampung.client(), username, TEST_PASSWORD)).status_code == 401
    assert (await sign_in(kampung.client(), username, NEW_PASSWORD)).status_code == 303


async def test_a_user_an_admin_created_must_change_the_password_first(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    created = await admin.post(
        village.url + "/pengguna",
        data={
            "username": "operator-baru",
            "display_name": "Operator Baru",
            "role": "village_operator",
            "password": "sandi awal dari admin",
        },
    )
    assert created.status_code == 303
    client = kampung.client()
    signed_in = await sign_in(client, "operator-baru", "sandi awal dari admin")
    assert signed_in.headers["location"] == "/akun/kata-sandi"

    page = await client.get(village.url + "/")
    assert page.status_code == 303
    assert page.headers["location"].startswith("/akun/kata-sandi")
    api = await client.get(village.api + "/", headers={"accept": "application/json"})
    assert api.status_code == 401
    assert "Ganti dulu kata sandi" in api.json()["detail"]
    forced = await client.get("/akun/kata-sandi")
    assert "diberikan oleh admin" in forced.text

    assert (await change(client, "sandi awal dari admin", NEW_PASSWORD)).status_code == 303
    assert (await client.get(village.url + "/")).status_code == 200


async def test_a_village_admin_resets_an_operators_password(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    operator_name = await kampung.user("village_operator", village.code)
    operator = await kampung.login_as(operator_name)
    temporary = await reset(admin, village.url, await user_id(kampung, operator_name))

    assert (await operator.get(village.url + "/")).status_code == 303
    assert (await sign_in(kampung.client(), operator_name, TEST_PASSWORD)).status_code == 401
    again = kampung.client()
    assert (await sign_in(again, operator_name, temporary)).headers[
        "location"
    ] == "/akun/kata-sandi"
    assert (await again.get(village.url + "/")).headers["location"].startswith("/akun/kata-sandi")


async def test_a_village_admin_cannot_reset_a_password_outside_the_village(kampung) -> None:
    village = await kampung.village()
    other = await kampung.village(1)
    admin = await kampung.login("village_admin", village)
    for username in (
        await kampung.user("regency_admin", "35.27"),
        await kampung.user("village_operator", other.code),
    ):
        url = f"{village.url}/pengguna/{await user_id(kampung, username)}/kata-sandi"
        assert (await admin.post(url)).status_code == 404
        assert (await sign_in(kampung.client(), username, TEST_PASSWORD)).status_code == 303


async def test_an_operator_cannot_reset_passwords(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    colleague = await kampung.user("village_operator", village.code)
    url = f"{village.url}/pengguna/{await user_id(kampung, colleague)}/kata-sandi"
    assert (await operator.post(url)).status_code == 403


async def test_a_regency_admin_resets_a_village_users_password(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("regency_admin")
    operator_name = await kampung.user("village_operator", village.code)
    await reset(admin, "/kabupaten", await user_id(kampung, operator_name))
    assert (await sign_in(kampung.client(), operator_name, TEST_PASSWORD)).status_code == 401


async def test_sign_out_and_the_language_switch_work_before_the_change(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    operator_name = await kampung.user("village_operator", village.code)
    temporary = await reset(admin, village.url, await user_id(kampung, operator_name))
    client = kampung.client()
    await sign_in(client, operator_name, temporary)
    assert (await client.post("/-/lang", data={"lang": "en", "next": "/"})).status_code == 303
    assert (await client.post("/keluar")).headers["location"] == "/masuk"
    assert (await client.get("/akun/kata-sandi")).headers["location"].startswith("/masuk")
