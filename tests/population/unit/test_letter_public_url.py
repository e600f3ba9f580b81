"""Letters print `public_url` in their QR code: only a machine-local instance may keep the
default, every other one must configure where citizens reach it."""

from __future__ import annotations

from core.config import Settings
from plugins.population.letters.signing_checks import DEFAULT_PUBLIC_URL, public_url_refusal


def test_the_default_is_the_cores_own() -> None:
    assert Settings().public_url == DEFAULT_PUBLIC_URL


def test_a_demo_or_laptop_serving_loopback_may_keep_the_default() -> None:
    assert public_url_refusal(Settings(host="127.0.0.1")) is None
    assert public_url_refusal(Settings(host="localhost")) is None


def test_an_instance_serving_the_network_with_the_default_is_refused_with_the_fix() -> None:
    message = public_url_refusal(Settings(host="0.0.0.0"))
    assert message is not None
    assert "public_url" in message and "kampung.toml" in message
    assert message.startswith("Surat belum dapat ditandatangani")


def test_behind_a_reverse_proxy_the_default_is_refused_even_on_loopback() -> None:
    assert public_url_refusal(Settings(host="127.0.0.1", trusted_proxies=("10.0.0.5",)))


def test_a_configured_public_url_is_accepted_anywhere() -> None:
    settings = Settings(host="0.0.0.0", public_url="https://kampung.sampangkab.go.id")
    assert public_url_refusal(settings) is None
    assert public_url_refusal(Settings(host="0.0.0.0", public_url="http://127.0.0.1:8123")) is None
