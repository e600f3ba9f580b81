"""The core's contract tests on every installed plugin, each judged alone (with only what it
requires loaded beside it), exactly as a plugin's own suite runs them."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from core.plugins.contributions import PluginInfo
from core.plugins.registry import ENTRY_POINT_GROUP
from core.testing.contract import *  # noqa: F403 -- the contract's tests, per installed plugin
from core.testing.installed import installed_plugins

INSTALLED = installed_plugins()
"""Every installed plugin, not only the bundled ones tests/conftest.py gives the other tests."""


def _info(name: str) -> PluginInfo:
    """One installed plugin's declaration, read without importing any other plugin, so a plugin
    that cannot be imported fails its own judgement only."""
    (entry,) = entry_points(group=ENTRY_POINT_GROUP, name=name)
    info: PluginInfo = entry.load().kampung_plugin_info()
    return info


def _with_requirements(name: str) -> tuple[str, ...]:
    needed: list[str] = []

    def visit(plugin: str) -> None:
        for required in _info(plugin).requires:
            visit(required)
        if plugin not in needed:
            needed.append(plugin)

    visit(name)
    return tuple(needed)


@pytest.fixture(params=INSTALLED)
def judged_plugin(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def kampung_plugins(judged_plugin: str) -> tuple[str, ...]:
    return _with_requirements(judged_plugin)


@pytest.fixture
def kampung_contract_plugins(judged_plugin: str) -> list[str]:
    return [judged_plugin]
