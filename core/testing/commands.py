"""Running `kampung` in a test as regency IT staff do: a config file of the test's own instance,
and for a subprocess an environment that holds nothing of the developer's shell.

A command reads `KAMPUNG_*` variables over its config file, so a test that inherited the shell's
`KAMPUNG_DATABASE_URL` would run against the developer's database; these helpers make every
command name the test's database explicitly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from core.config import Settings

PASSED_THROUGH = ("PATH", "PYTHONPATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
"""Variables a subprocess needs to start; everything else of the shell stays out."""


def instance_config(settings: Settings, directory: Path, **changes: Any) -> Path:
    """Write `directory/kampung.toml` for `settings` (with `changes` applied) and return it."""
    values: dict[str, Any] = {
        "secret_key": settings.secret_key,
        "database_url": settings.database_url,
        "database_owner_url": settings.owner_url,
        "regency_code": settings.regency_code,
        "data_dir": str(settings.data_path.absolute()),
    }
    if settings.plugins is not None:
        values["plugins"] = list(settings.plugins)
    values.update(changes)
    path = directory / "kampung.toml"
    path.write_text(
        "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items()),
        encoding="utf-8",
    )
    return path


def command_environment() -> dict[str, str]:
    """What a `kampung` subprocess inherits: the basics and the `KAMPUNG_TEST_*` knobs only."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name in PASSED_THROUGH or name.startswith("KAMPUNG_TEST_")
    }
    environment["PICCOLO_CONF"] = "core.db.piccolo_conf"
    return environment


def run_kampung(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`kampung ARGS` as a separate process in `cwd`, with `command_environment()`."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from core.cli.main import main; sys.exit(main())",
            *args,
        ],
        cwd=cwd,
        env=command_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
