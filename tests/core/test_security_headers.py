"""Every answer tells the browser what it may run, frame, send on and keep."""

from __future__ import annotations

import httpx
import pytest
from demo_browsing import Demo, build, citizen, csp_directives

from core.config import ConfigError
from core.testing.databases import make_test_settings
from core.testing.harness import Harness, csrf_ready
from core.web.app import create_app

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.fixture
def kampung_plugins() -> None:
    """Every installed plugin: the citizen portal and the API are the population plugin's."""
    return None


@pytest.fixture
async def demo(kampung: Harness) -> Demo:
    return await build(kampung)


def assert_protected(response: httpx.Response) -> None:
    for name, value in COMMON.items():
        assert response.headers.get(name) == value, f"{response.url}: {name}"
    policy = csp_directives(response)
    assert policy["script-src"] == "'self'", response.url
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'"
    assert "unsafe-inline" not in policy["style-src"] and "unsafe-eval" not in str(policy)
    assert response.headers["cache-control"] == "no-store", response.url


async def test_a_staff_page_carries_every_header_and_is_not_stored(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    page = await operator.get(village.url)
    assert page.status_code == 200
    assert_protected(page)


async def test_a_citizen_page_carries_every_header_and_is_not_stored(kampung, demo) -> None:
    client = await citizen(kampung, demo)
    page = await client.get(demo.village_home + "/warga")
    assert page.status_code == 200, page.text[:300]
    assert_protected(page)


async def test_public_pages_carry_every_header(kampung) -> None:
    anonymous = kampung.client()
    for path in ("/masuk", "/warga/masuk", "/verifikasi/surat/35.27.01.2001/" + "x" * 32):
        page = await anonymous.get(path)
        assert page.status_code in {200, 404}, path
        assert_protected(page)


async def test_an_api_answer_carries_every_header_and_is_not_stored(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    answer = await operator.get(village.api + "/penduduk")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(
        "application/json"
    )
    assert_protected(answer)


async def test_error_pages_carry_every_header(kampung) -> None:
    anonymous = kampung.client()
    unrouted = await anonymous.get("/tidak/ada/halaman/ini")
    assert unrouted.status_code == 404
    assert_protected(unrouted)
    await csrf_ready(anonymous)
    del anonymous.headers["x-csrf-token"]
    refused = await anonymous.post("/masuk", data={"username": "x", "password": "y"})
    assert refused.status_code == 403
    assert_protected(refused)


async def test_the_api_documentation_runs_its_scripts_only_in_a_sandbox(kampung) -> None:
    client = kampung.client()
    for path in ("/schema", "/schema/swagger"):
        page = await client.get(path)
        assert page.status_code == 200
        policy = csp_directives(page)
        assert policy["sandbox"] == "allow-scripts allow-popups", "no allow-same-origin"
        assert policy["frame-ancestors"] == "'none'" and policy["default-src"] == "'none'"
    schema = await client.get("/schema/openapi.json")
    assert_protected(schema)


async def test_the_village_colours_style_carries_the_answers_nonce(kampung) -> None:
    from core.db.jsonvalue import json_dict
    from core.tenancy.tables import Village

    village = await kampung.village()
    async with kampung.scope():
        row = await Village.select(Village.settings).where(Village.code == village.code).first()
        colours = {**json_dict(row["settings"]), "primary_colour": "#0b5d3b"}
        await Village.update({Village.settings: colours}).where(Village.code == village.code)
    operator = await kampung.login("village_operator", village)
    first, second = [await operator.get(village.url) for _ in range(2)]
    nonces = []
    for page in (first, second):
        policy = page.headers["content-security-policy"]
        nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
        assert f'<style nonce="{nonce}">:root {{ --primary: #0b5d3b;' in page.text
        nonces.append(nonce)
    assert nonces[0] != nonces[1], "a nonce is never reused"


async def test_an_https_instance_sends_secure_cookies_and_hsts(kampung_settings) -> None:
    settings = make_test_settings(
        kampung_settings.database_url,
        kampung_settings.database_owner_url,
        plugins=kampung_settings.plugins,
        data_dir=kampung_settings.data_dir,
        public_url="https://kampung.sampangkab.go.id",
    )
    assert settings.cookie_secure
    app = create_app(settings)
    await app.state.kernel.database.start()
    try:
        harness = Harness(app, settings)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://kampung.sampangkab.go.id"
        ) as browser:
            page = await browser.get("/masuk")
            assert page.headers["strict-transport-security"] == "max-age=31536000"
            assert all("Secure" in c for c in page.headers.get_list("set-cookie"))
            village = await harness.village()
            username = await harness.user("village_operator", village.code)
            signed_in = await browser.post(
                "/masuk",
                data={"username": username, "password": "kampung-test-password"},
                headers={"x-csrf-token": browser.cookies["kampung_csrf"]},
            )
            assert signed_in.status_code == 303
            session_cookie = [
                c for c in signed_in.headers.get_list("set-cookie") if "kampung_session=" in c
            ]
            assert session_cookie and all("Secure" in c for c in session_cookie)
    finally:
        await app.state.kernel.database.close()


async def test_a_loopback_http_instance_sends_no_hsts(kampung) -> None:
    page = await kampung.client().get("/masuk")
    assert "strict-transport-security" not in page.headers
    assert not any("Secure" in c for c in page.headers.get_list("set-cookie"))


def test_cookies_are_secure_unless_the_instance_is_a_loopback_http_one() -> None:
    def settings(**values: object) -> bool:
        return make_test_settings("sqlite:///x.sqlite3", None, **values).cookie_secure

    assert settings() is False, "the default public_url is http://127.0.0.1:8000"
    assert settings(public_url="http://localhost:8123") is False
    assert settings(public_url="https://kampung.sampangkab.go.id") is True
    assert settings(public_url="http://10.0.0.5:8000") is True, "Secure unless loopback"
    assert settings(public_url="http://10.0.0.5:8000", cookie_secure=False) is False
    with pytest.raises(ConfigError, match="cookie_secure = false contradicts public_url"):
        settings(public_url="https://kampung.sampangkab.go.id", cookie_secure=False)


def test_the_demo_serves_cookies_that_plain_http_keeps() -> None:
    from core.cli.commands import settings_overrides

    assert settings_overrides(["demo"])["cookie_secure"] is False
    assert "cookie_secure" not in settings_overrides(["serve"])
