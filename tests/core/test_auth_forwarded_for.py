"""`kampung serve` believes `X-Forwarded-For` only from the proxies named in `trusted_proxies`.

Sign-in throttling counts by client address; if any local process (or a proxy passing the header
through) could name its own address, it would get a fresh allowance with every request.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from core.config import ConfigError, load_settings
from core.testing.databases import TEST_SECRET
from core.testing.harness import sign_in
from tests.core.test_auth import free_port, wait_until_up


@contextmanager
def kampung_serve(settings, trusted_proxies: str) -> Iterator[str]:
    """The real command, as a regency runs it, in its own process."""
    port = free_port()
    env = {
        **os.environ,
        "KAMPUNG_SECRET_KEY": settings.secret_key,
        "KAMPUNG_DATABASE_URL": settings.database_url,
        "KAMPUNG_REGENCY_CODE": settings.regency_code,
        "KAMPUNG_PLUGINS": ",".join(settings.plugins or ()),
        "KAMPUNG_TRUSTED_PROXIES": trusted_proxies,
    }
    env.pop("KAMPUNG_CONFIG", None)
    if settings.database_owner_url:
        env["KAMPUNG_DATABASE_OWNER_URL"] = settings.database_owner_url
    command = "import sys; from core.cli.main import main; sys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", command, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


async def next_answer_after_filling_one_address(url: str, limit: int) -> int:
    """`limit` wrong sign-ins claiming one address (each to another account, so only the
    address's limit fills), then one more claiming another address."""
    client = httpx.AsyncClient(base_url=url)
    client.headers["x-forwarded-for"] = "10.9.8.1"
    for n in range(limit):
        assert (await sign_in(client, f"tidak-ada-{n}", "tebakan-salah-123")).status_code == 401
    client.headers["x-forwarded-for"] = "10.9.8.2"
    return (await sign_in(client, "tidak-ada-lagi", "tebakan-salah-123")).status_code


async def test_forwarded_for_from_localhost_is_not_believed_by_default(kampung) -> None:
    with kampung_serve(kampung.settings, "") as url:
        limit = kampung.settings.login_attempts_per_address
        assert await next_answer_after_filling_one_address(url, limit) == 429


async def test_forwarded_for_from_a_configured_proxy_is_believed(kampung) -> None:
    with kampung_serve(kampung.settings, "127.0.0.1") as url:
        limit = kampung.settings.login_attempts_per_address
        assert await next_answer_after_filling_one_address(url, limit) == 401


def test_trusted_proxies_are_addresses_or_networks(tmp_path) -> None:
    config = tmp_path / "kampung.toml"
    config.write_text(
        f'secret_key = "{TEST_SECRET}"\ntrusted_proxies = ["10.0.0.5", "10.1.0.0/16"]\n'
    )
    assert load_settings(config, environ={}).trusted_proxies == ("10.0.0.5", "10.1.0.0/16")
    config.write_text(f'secret_key = "{TEST_SECRET}"\n')
    assert load_settings(config, environ={}).trusted_proxies == ()
    with pytest.raises(ConfigError, match=r"trusted_proxies entry 'proxy\.local'"):
        load_settings(config, environ={"KAMPUNG_TRUSTED_PROXIES": "proxy.local"})
