"""`kampung new-plugin` makes a package whose own tests pass at once, and that installs as a
plugin `kampung plugins` lists and `kampung migrate` migrates, as the tutorial says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.testing.databases import TEST_SECRET, backend

ROOT = Path(__file__).resolve().parents[2]
KAMPUNG = [
    sys.executable,
    "-c",
    "import sys; from core.cli.main import main; sys.exit(main(sys.argv[1:]))",
]


def run(
    *args: str, cwd: Path, env: dict[str, str], timeout: int = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def clean_env(**extra: str) -> dict[str, str]:
    """The machine's environment without any instance configuration, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAMPUNG_")}
    if backend() == "postgresql":
        env["KAMPUNG_TEST_DATABASE"] = "postgresql"
    return {**env, **extra}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("new-plugin")
    answer = run(*KAMPUNG, "new-plugin", "posyandu", cwd=where, env=clean_env(PYTHONPATH=str(ROOT)))
    assert answer.returncode == 0, answer.stderr
    assert "plugin posyandu made in posyandu" in answer.stdout
    return where / "posyandu"


def test_new_plugin_needs_no_configuration_and_refuses_to_overwrite(made: Path) -> None:
    again = run(
        *KAMPUNG, "new-plugin", "posyandu", cwd=made.parent, env=clean_env(PYTHONPATH=str(ROOT))
    )
    assert again.returncode == 2
    assert again.stderr.strip() == "kampung: posyandu sudah ada; pilih nama atau folder lain"
    bad = run(
        *KAMPUNG, "new-plugin", "Pos-Yandu", cwd=made.parent, env=clean_env(PYTHONPATH=str(ROOT))
    )
    assert bad.returncode == 2
    assert "nama plugin 'Pos-Yandu' tidak sah" in bad.stderr


def test_the_made_plugins_own_tests_pass_at_once(made: Path) -> None:
    answer = run(
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        cwd=made, env=clean_env(PYTHONPATH=f"{made}{os.pathsep}{ROOT}"),
    )  # fmt: skip
    assert answer.returncode == 0, answer.stdout[-3000:]
    assert "8 passed" in answer.stdout, "its own 4 tests and the core's 4 contract tests"


@pytest.mark.skipif(backend() != "sqlite", reason="installing is the same on both databases")
def test_the_installed_plugin_is_listed_migrated_and_gets_new_migrations(
    made: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    install = run(
        sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
        str(made), cwd=tmp_path, env=clean_env(),
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    config = tmp_path / "kampung.toml"
    config.write_text(
        f'secret_key = "{TEST_SECRET}"\n'
        f'database_url = "sqlite:///{tmp_path / "kampung.sqlite3"}"\n'
        'regency_code = "35.27"\n',
        encoding="utf-8",
    )
    env = clean_env(PYTHONPATH=f"{site}{os.pathsep}{ROOT}")
    migrated = run(*KAMPUNG, "--config", str(config), "migrate", cwd=tmp_path, env=env)
    assert migrated.returncode == 0, migrated.stderr
    assert "migrated posyandu" in migrated.stdout
    listed = run(*KAMPUNG, "--config", str(config), "plugins", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr
    assert any(line.split()[:2] == ["posyandu", "0.1.0"] for line in listed.stdout.splitlines())

    tables = site / "posyandu" / "tables.py"
    tables.write_text(
        tables.read_text(encoding="utf-8").replace(
            "    recorded_at = Timestamptz()\n",
            '    recorded_at = Timestamptz()\n    note = Varchar(length=200, default="")\n',
        ),
        encoding="utf-8",
    )
    made_migration = run(
        *KAMPUNG, "--config", str(config), "makemigrations", "posyandu", "--description", "note",
        cwd=tmp_path, env=env,
    )  # fmt: skip
    assert made_migration.returncode == 0, made_migration.stderr
    assert "Columns added to existing tables         1" in made_migration.stdout
    assert len(list((site / "posyandu" / "migrations").glob("posyandu_*.py"))) == 2
    again = run(*KAMPUNG, "--config", str(config), "migrate", cwd=tmp_path, env=env)
    assert again.returncode == 0, again.stderr
