"""The core's contract tests, run the way a plugin author runs them: one import, on one plugin.

The well-behaved sample plugin passes them; the leaky one, whose notes are not a tenant table,
is caught showing another village's note.
"""

from __future__ import annotations

import pytest
from leaky_plugin import plugin as leaky_plugin
from sample_tenant import plugin as sample_plugin

from core.testing.contract import *  # noqa: F403 -- the contract's tests, judging sample_tenant
from core.testing.contract import find_leaks


@pytest.fixture
def kampung_extra_plugins():
    return [sample_plugin, leaky_plugin]


@pytest.fixture
def kampung_contract_plugins() -> list[str]:
    return ["sample_tenant"]


async def test_the_contract_catches_a_plugin_that_shows_another_villages_rows(kampung) -> None:
    leaks = await find_leaks(kampung, ["leaky"])
    assert leaks
    assert all("'catatan rahasia tetangga'" in leak for leak in leaks)
    assert any(leak.startswith("village_operator GET /desa/") for leak in leaks)
