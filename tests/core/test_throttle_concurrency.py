"""Sign-in throttling holds under parallel guesses, and a stranger cannot lock anybody out."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from core.auth.devices import DEVICE_COOKIE
from core.auth.throttle import GLOBAL_FACTOR
from core.testing.harness import BASE_URL, TEST_PASSWORD, csrf_ready, sign_in

PARALLEL = 30


def browser(kampung: Any, address: str) -> httpx.AsyncClient:
    """A browser at its own client address, as the ASGI server reports it."""
    transport = httpx.ASGITransport(app=kampung.app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url=BASE_URL)


async def prepared(kampung: Any, address: str) -> httpx.AsyncClient:
    client = browser(kampung, address)
    await csrf_ready(client)
    return client


async def test_thirty_parallel_wrong_passwords_evaluate_at_most_the_limit(kampung) -> None:
    """On PostgreSQL the 30 attempts run at once on separate connections; counting them first
    and checking afterwards let 21 of them be evaluated."""
    username = await kampung.user("regency_admin", "35.27")
    limit = kampung.settings.login_attempts_per_account
    clients = [await prepared(kampung, "198.51.100.7") for _ in range(PARALLEL)]
    answers = await asyncio.gather(
        *(sign_in(client, username, f"tebakan-salah-{n:04d}") for n, client in enumerate(clients))
    )
    codes = sorted(answer.status_code for answer in answers)
    assert codes.count(401) <= limit
    assert codes.count(401) + codes.count(429) == PARALLEL
    again = await sign_in(await prepared(kampung, "198.51.100.7"), username, TEST_PASSWORD)
    assert again.status_code == 429


async def test_a_browser_that_signed_in_before_gets_in_while_a_stranger_hammers(kampung) -> None:
    username = await kampung.user("regency_admin", "35.27")
    mine = await prepared(kampung, "192.0.2.10")
    assert (await sign_in(mine, username, TEST_PASSWORD)).status_code == 303
    assert DEVICE_COOKIE in mine.cookies

    limit = kampung.settings.login_attempts_per_account
    attackers = [f"203.0.113.{n}" for n in range(GLOBAL_FACTOR + 2)]
    for address in attackers:
        attacker = await prepared(kampung, address)
        guesses = await asyncio.gather(
            *(sign_in(attacker, username, f"tebakan-{n}-salah") for n in range(limit + 1))
        )
        assert 429 in {guess.status_code for guess in guesses}

    stranger = await prepared(kampung, "192.0.2.99")
    assert (await sign_in(stranger, username, TEST_PASSWORD)).status_code == 429
    attacker = await prepared(kampung, "203.0.113.200")
    owner, *guesses = await asyncio.gather(
        sign_in(mine, username, TEST_PASSWORD),
        *(sign_in(attacker, username, f"lagi-{n}-salah") for n in range(PARALLEL)),
    )
    assert owner.status_code == 303
    assert {guess.status_code for guess in guesses} == {429}
    assert (await mine.get("/kabupaten/")).status_code == 200


async def test_guesses_from_one_address_leave_the_owner_elsewhere_signing_in(kampung) -> None:
    username = await kampung.user("village_admin", (await kampung.village()).code)
    attacker = await prepared(kampung, "203.0.113.50")
    for n in range(kampung.settings.login_attempts_per_account):
        assert (await sign_in(attacker, username, f"tebakan-{n}-salah")).status_code == 401
    assert (await sign_in(attacker, username, TEST_PASSWORD)).status_code == 429
    owner = await prepared(kampung, "192.0.2.20")
    assert (await sign_in(owner, username, TEST_PASSWORD)).status_code == 303


async def test_a_forged_device_cookie_gives_no_allowance(kampung) -> None:
    username = await kampung.user("regency_officer", "35.27")
    attacker = await prepared(kampung, "203.0.113.60")
    attacker.cookies.set(DEVICE_COOKIE, "00112233445566778899aabb.0123456789abcdef0123456789abcdef")
    for n in range(kampung.settings.login_attempts_per_account):
        assert (await sign_in(attacker, username, f"tebakan-{n}-salah")).status_code == 401
    assert (await sign_in(attacker, username, TEST_PASSWORD)).status_code == 429


async def test_a_device_cookie_is_its_own_limit_too(kampung) -> None:
    """A stolen laptop's cookie is throttled like any browser, only separately."""
    username = await kampung.user("regency_officer", "35.27")
    mine = await prepared(kampung, "192.0.2.30")
    assert (await sign_in(mine, username, TEST_PASSWORD)).status_code == 303
    for n in range(kampung.settings.login_attempts_per_account):
        assert (await sign_in(mine, username, f"tebakan-{n}-salah")).status_code == 401
    assert (await sign_in(mine, username, TEST_PASSWORD)).status_code == 429
