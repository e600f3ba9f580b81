from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import httpx

from core.auth.accounts import disable_account
from core.auth.tables import Session
from core.testing.harness import TEST_PASSWORD, csrf_ready, sign_in


async def test_wrong_password_and_unknown_user_get_the_same_answer(kampung) -> None:
    username = await kampung.user("regency_admin", "35.27")
    wrong = await sign_in(kampung.client(), username, "salah-sekali-123")
    unknown = await sign_in(kampung.client(), "tidak-ada-orangnya", "salah-sekali-123")
    assert wrong.status_code == unknown.status_code == 401
    assert "Nama pengguna atau kata sandi salah" in wrong.text
    assert "Nama pengguna atau kata sandi salah" in unknown.text


async def test_post_without_csrf_token_is_refused(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    del client.headers["x-csrf-token"]
    response = await client.post(village.url + "/pengaturan", data={"display_name": "X"})
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.text
    anonymous = kampung.client()
    assert (
        await anonymous.post("/masuk", data={"username": "a", "password": "b"})
    ).status_code == 403


async def test_login_issues_a_new_session_and_ends_the_old_one(kampung) -> None:
    username = await kampung.user("regency_admin", "35.27")
    client = await kampung.login_as(username)
    first = client.cookies["kampung_session"]
    await sign_in(client, username, TEST_PASSWORD)
    second = client.cookies["kampung_session"]
    assert first != second
    stale = kampung.client(cookies={"kampung_session": first})
    assert (await stale.get("/kabupaten/")).status_code == 303


async def test_throttling_counts_failures_across_two_workers(kampung, tmp_path) -> None:
    """Two real server processes on one database: failures at either count for both."""
    username = await kampung.user("regency_admin", "35.27")
    with worker_processes(kampung.settings, 2) as urls:
        workers = [httpx.AsyncClient(base_url=url) for url in urls]
        limit = kampung.settings.login_attempts_per_account
        for attempt in range(limit):
            response = await sign_in(workers[attempt % 2], username, "tebakan-salah-123")
            assert response.status_code == 401
        for client in workers:
            response = await sign_in(client, username, TEST_PASSWORD)
            assert response.status_code == 429
            assert "Terlalu banyak percobaan" in response.text
        unknown = await sign_in(workers[0], "orang-tak-dikenal", "apa-saja-12345")
        assert unknown.status_code == 401


@contextmanager
def worker_processes(settings, count: int) -> Iterator[list[str]]:
    env = {
        **os.environ,
        "KAMPUNG_SECRET_KEY": settings.secret_key,
        "KAMPUNG_DATABASE_URL": settings.database_url,
        "KAMPUNG_REGENCY_CODE": settings.regency_code,
        "KAMPUNG_PLUGINS": ",".join(settings.plugins or ()),
    }
    if settings.database_owner_url:
        env["KAMPUNG_DATABASE_OWNER_URL"] = settings.database_owner_url
    processes, urls = [], []
    try:
        for _ in range(count):
            port = free_port()
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "uvicorn",
                        "core.web.asgi:app_from_environment",
                        "--factory",
                        "--port",
                        str(port),
                        "--log-level",
                        "warning",
                    ],
                    env=env,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            wait_until_up(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/-/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"worker at {url} did not start")


async def test_session_ends_after_idle_timeout(kampung) -> None:
    client = await kampung.login("regency_admin")
    assert (await client.get("/kabupaten/")).status_code == 200
    idle = timedelta(minutes=kampung.settings.session_idle_minutes + 1)
    async with kampung.scope():
        rows = await Session.select(Session.id, Session.last_seen_at)
        for row in rows:
            await Session.update({Session.last_seen_at: row["last_seen_at"] - idle}).where(
                Session.id == row["id"]
            )
    response = await client.get("/kabupaten/")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/masuk")


async def test_session_ends_after_absolute_timeout_even_when_used(kampung) -> None:
    client = await kampung.login("regency_admin")
    age = timedelta(hours=kampung.settings.session_absolute_hours, minutes=1)
    async with kampung.scope():
        rows = await Session.select(Session.id, Session.created_at)
        for row in rows:
            await Session.update({Session.created_at: row["created_at"] - age}).where(
                Session.id == row["id"]
            )
    assert (await client.get("/kabupaten/")).status_code == 303


async def test_disabling_a_user_ends_their_sessions(kampung) -> None:
    username = await kampung.user("regency_officer", "35.27")
    client = await kampung.login_as(username)
    assert (await client.get("/kabupaten/")).status_code == 200
    async with kampung.scope():
        await disable_account(username)
    assert (await client.get("/kabupaten/")).status_code == 303
    again = await sign_in(kampung.client(), username, TEST_PASSWORD)
    assert again.status_code == 401


async def test_village_admin_disables_a_user_of_their_village_through_the_page(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    operator_name = await kampung.user("village_operator", village.code)
    operator = await kampung.login_as(operator_name)
    page = await admin.get(village.url + "/pengguna")
    assert operator_name in page.text
    from core.auth.tables import User

    async with kampung.scope():
        user = await User.select(User.id).where(User.username == operator_name).first()
    await csrf_ready(admin)
    response = await admin.post(f"{village.url}/pengguna/{user['id']}/status", data={"active": "0"})
    assert response.status_code == 303
    assert (await operator.get(village.url + "/")).status_code == 303


async def test_village_admin_cannot_disable_a_regency_user(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    regency_user = await kampung.user("regency_admin", "35.27")
    from core.auth.tables import User

    async with kampung.scope():
        user = await User.select(User.id).where(User.username == regency_user).first()
    response = await admin.post(f"{village.url}/pengguna/{user['id']}/status", data={"active": "0"})
    assert response.status_code == 404


async def test_village_admin_creates_an_operator_and_role_is_checked(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    bad = await admin.post(
        village.url + "/pengguna",
        data={
            "username": "op-baru",
            "display_name": "Op",
            "role": "regency_admin",
            "password": "x",
        },
    )
    assert bad.status_code == 422
    assert "Peran harus salah satu dari" in bad.text
    assert "Kata sandi minimal 12 karakter" in bad.text
    assert 'value="op-baru"' in bad.text
    good = await admin.post(
        village.url + "/pengguna",
        data={
            "username": "op-baru",
            "display_name": "Operator Baru",
            "role": "village_operator",
            "password": "sandi-yang-panjang",
        },
    )
    assert good.status_code == 303
    assert (await sign_in(kampung.client(), "op-baru", "sandi-yang-panjang")).status_code == 303
