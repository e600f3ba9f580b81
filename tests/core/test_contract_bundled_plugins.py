"""A plugin installed beside the bundled ones is judged by the contract sweep and by nothing else.

The plugin here is installed as pip would leave it, without pip: a module and a `*.dist-info`
folder with its `entry_points.txt`, in a directory put on `sys.path`, where
`importlib.metadata` finds it like any installed distribution.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import Settings
from core.kernel import load_plugins
from core.testing.harness import Harness
from core.testing.installed import installed_plugins, plugins_of

PROBE = "probe_beside"
MODULE = """
from core import PluginInfo, hookimpl


@hookimpl
def kampung_plugin_info():
    return PluginInfo(name="probe_beside", title="Probe", version="1.0")
"""


@pytest.fixture
def installed_beside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A third-party plugin distribution, installed in the environment for this test only."""
    (tmp_path / "kampung_probe_beside.py").write_text(MODULE, encoding="utf-8")
    info = tmp_path / "kampung_probe_beside-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: kampung-probe-beside\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[kampung.plugins]\n{PROBE} = kampung_probe_beside\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return PROBE


@pytest.fixture
def kampung_plugins(installed_beside: str) -> None:
    """Every available plugin, as the suite's tests ask for it, once the probe is installed."""
    return None


def test_the_probe_is_installed_and_not_bundled(installed_beside: str) -> None:
    assert installed_beside in installed_plugins()
    assert installed_beside not in plugins_of("kampung")
    assert "population" in plugins_of("kampung")


async def test_the_suites_app_loads_the_bundled_plugins_and_not_the_one_beside_them(
    kampung: Harness, installed_beside: str
) -> None:
    loaded = kampung.kernel.registry.names
    assert installed_beside not in loaded
    assert set(loaded) == {"core", *plugins_of("kampung")}


def test_the_contract_sweep_judges_the_plugin_beside_them(installed_beside: str) -> None:
    """tests/contract parametrizes over `installed_plugins()` and loads through the kernel's
    registry with every installed plugin allowed, as here."""
    assert installed_beside in installed_plugins()
    assert installed_beside in load_plugins(Settings()).names
