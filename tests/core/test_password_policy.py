"""Which passwords staff may choose: NIST SP 800-63B style, length and a blocklist."""

from __future__ import annotations

import gzip
import tomllib
from pathlib import Path

import pytest

from core.auth.password_policy import (
    COMMON_PASSWORDS_FILE,
    MIN_PASSWORD_LENGTH,
    WeakPassword,
    check_password,
    common_passwords,
)
from core.cli.main import main
from core.demo import DEMO_PASSWORD
from core.testing.databases import TEST_SECRET

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def instance(tmp_path, monkeypatch) -> str:
    config = tmp_path / "kampung.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "kampung.sqlite3"}"\n'
        f'secret_key = "{TEST_SECRET}"\n'
        "plugins = []\n"
        f'data_dir = "{tmp_path / "data"}"\n'
    )
    monkeypatch.delenv("KAMPUNG_CONFIG", raising=False)
    return str(config)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("pendek-11ch", "minimal 12 karakter"),
        ("Operator-Noreh", "nama pengguna"),
        ("DESA SUMBER JAYA", "nama desa"),
        (DEMO_PASSWORD.upper(), "kata sandi demo"),
        ("1qaz2wsx3edc", "paling sering dipakai"),
        ("Q1W2E3R4T5Y6", "paling sering dipakai"),
    ],
)
def test_a_password_is_refused_and_the_reason_named(password: str, reason: str) -> None:
    with pytest.raises(WeakPassword, match=reason):
        check_password(password, username="operator-noreh", place_names=["Desa Sumber Jaya"])


def test_a_long_uncommon_password_needs_no_digits_or_symbols() -> None:
    check_password("kuda lari di sawah pagi", username="operator-noreh", place_names=["Noreh"])
    assert MIN_PASSWORD_LENGTH == 12


def test_the_common_password_list_ships_with_the_package() -> None:
    assert COMMON_PASSWORDS_FILE.parent == ROOT / "core" / "auth"
    with gzip.open(COMMON_PASSWORDS_FILE, "rt") as lines:
        assert sum(1 for _ in lines) > 19_000
    assert "password" in common_passwords()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["*"]
    assert "*.txt.gz" in package_data


def test_the_cli_refuses_a_common_password_in_one_line(instance, capsys) -> None:
    assert main(["--config", instance, "init"]) == 0
    capsys.readouterr()
    command = "user create kades --name K --role village_head --scope 35.27.01.2001"
    assert main(["--config", instance, *command.split(), "--password", "1qaz2wsx3edc"]) == 2
    err = capsys.readouterr().err.strip()
    assert "paling sering dipakai" in err and "\n" not in err
    assert main(["--config", instance, *command.split(), "--password", "kades"]) == 2
    assert "minimal 12 karakter" in capsys.readouterr().err
