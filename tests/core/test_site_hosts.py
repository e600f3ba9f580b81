"""A village's public site under a host name of its own: the regency names the host and the path
in `site_hosts`, and a visit to that host's root lands on the village's site, on the same host."""

from __future__ import annotations

import dataclasses

import pytest

from core.config import ConfigError, load_settings
from core.testing.harness import Harness

HOST = "noreh.desa.id"


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("public_info", "population")


@pytest.fixture
def kampung_settings(kampung_settings):
    """The test instance with one village's own host name (the first test village's slug)."""
    return dataclasses.replace(kampung_settings, site_hosts=(f"{HOST}=/desa/noreh/situs",))


async def test_the_villages_host_leads_to_its_public_site(kampung: Harness) -> None:
    village = await kampung.village(0)
    assert village.url == "/desa/noreh"
    client = kampung.client()

    landed = await client.get("/", headers={"host": f"{HOST}:443"})
    site = await client.get(landed.headers["location"], headers={"host": HOST})
    instance = await client.get("/")

    assert (landed.status_code, landed.headers["location"]) == (302, "/desa/noreh/situs")
    assert site.status_code == 200 and "Desa Noreh" in site.text
    assert (instance.status_code, instance.headers["location"]) == (303, "/masuk")


@pytest.mark.parametrize("entry", ["noreh.desa.id", "noreh=/desa/noreh", "noreh.desa.id=desa"])
def test_a_site_host_that_is_not_host_and_path_is_refused(entry: str) -> None:
    with pytest.raises(ConfigError, match="site_hosts entry"):
        load_settings(None, environ={}, secret_key="x" * 32, site_hosts=(entry,))


def test_site_hosts_come_from_the_environment_too() -> None:
    settings = load_settings(
        None,
        environ={"KAMPUNG_SECRET_KEY": "x" * 32, "KAMPUNG_SITE_HOSTS": "A.desa.id=/desa/a/situs"},
    )
    assert settings.site_paths == {"a.desa.id": "/desa/a/situs"}
