"""The test suite never touches a database it did not create, whatever the shell holds.

A developer's shell often configures their own instance (`KAMPUNG_DATABASE_URL`,
`KAMPUNG_SECRET_KEY`, `KAMPUNG_CONFIG`, a `kampung.toml` in the working directory); a test session
started there must pass and leave that instance alone. This runs real test files that migrate
and run commands in a separate pytest session with such a shell.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.testing.commands import PASSED_THROUGH
from core.testing.pytest_plugin import instance_variables

ROOT = Path(__file__).resolve().parents[2]
MIGRATING_TESTS = (
    "tests/core/test_cli.py",
    "tests/core/test_cli_villages.py::test_villages_lists_the_configured_regency",
)


def victim_config(path: Path, database: Path) -> Path:
    path.write_text(
        f'database_url = "sqlite:///{database}"\nsecret_key = "{"v" * 40}"\n', encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("secret", ["x", "a-developer-secret-key-long-enough-to-load"])
def test_a_session_in_a_configured_shell_passes_and_leaves_its_databases_alone(
    tmp_path, secret
) -> None:
    shell = tmp_path / "shell"
    shell.mkdir()
    victims = [tmp_path / name for name in ("victim.sqlite3", "config.sqlite3", "cwd.sqlite3")]
    environment = {
        **{name: value for name, value in os.environ.items() if name in PASSED_THROUGH},
        **{name: value for name, value in os.environ.items() if name.startswith("KAMPUNG_TEST_")},
        "KAMPUNG_DATABASE_URL": f"sqlite:///{victims[0]}",
        "KAMPUNG_SECRET_KEY": secret,
        "KAMPUNG_CONFIG": str(victim_config(tmp_path / "developer.toml", victims[1])),
        "KAMPUNG_REGENCY_CODE": "52.01",
        "KAMPUNG_PLUGINS": "population",
        "PICCOLO_CONF": "developer_project.piccolo_conf",
    }
    victim_config(shell / "kampung.toml", victims[2])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(ROOT),
            "-q",
            *(str(ROOT / test) for test in MIGRATING_TESTS),
        ],
        cwd=shell,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert [victim for victim in victims if victim.exists()] == []
    assert sorted(path.name for path in shell.iterdir()) == ["kampung.toml"]


def test_only_test_variables_and_knobs_stay_in_the_environment() -> None:
    environ = {
        "KAMPUNG_DATABASE_URL": "sqlite:///x",
        "KAMPUNG_ADMIN_URL": "postgresql://admin@db/postgres",
        "KAMPUNG_CONFIG": "kampung.toml",
        "KAMPUNG_TEST_DATABASE": "postgresql",
        "KAMPUNG_RELIABILITY": "reliability-long",
        "PATH": "/usr/bin",
    }
    removed = instance_variables(environ, ["KAMPUNG_RELIABILITY"])
    assert sorted(removed) == ["KAMPUNG_ADMIN_URL", "KAMPUNG_CONFIG", "KAMPUNG_DATABASE_URL"]
