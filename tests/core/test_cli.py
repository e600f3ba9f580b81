"""The `kampung` command against a real database file, as regency IT staff run it."""

from __future__ import annotations

import json

import pytest

from core.cli.main import main
from core.testing.databases import TEST_SECRET


@pytest.fixture
def instance(tmp_path, monkeypatch):
    database = tmp_path / "kampung.sqlite3"
    config = tmp_path / "kampung.toml"
    config.write_text(
        f'database_url = "sqlite:///{database}"\n'
        f'secret_key = "{TEST_SECRET}"\n'
        'regency_code = "35.27"\n'
        "plugins = []\n"
        f'data_dir = "{tmp_path / "data"}"\n'
    )
    monkeypatch.delenv("KAMPUNG_CONFIG", raising=False)
    return str(config)


def test_init_creates_the_regency_villages_from_the_kemendagri_list(instance, capsys) -> None:
    assert main(["--config", instance, "init", "--regency", "35.27"]) == 0
    assert "14 kecamatan, 186 desa/kelurahan" in capsys.readouterr().out
    assert main(["--config", instance, "init", "--regency", "35.27"]) == 0


def test_user_onboarding_plugins_and_audit_commands(instance, capsys) -> None:
    assert main(["--config", instance, "init"]) == 0
    assert main(["--config", instance, "onboard", "35.27.01.2001"]) == 0
    created = main(
        [
            "--config",
            instance,
            "user",
            "create",
            "kades",
            "--name",
            "Kepala Desa",
            "--role",
            "village_head",
            "--scope",
            "35.27.01.2001",
            "--password",
            "sandi-kades-panjang",
        ]
    )
    assert created == 0
    assert main(["--config", instance, "user", "list"]) == 0
    assert "kades" in capsys.readouterr().out
    assert main(["--config", instance, "plugins", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in listing] == ["core"]
    assert main(["--config", instance, "audit", "verify"]) == 0
    assert "every chain verifies" in capsys.readouterr().out
    assert main(["--config", instance, "user", "disable", "kades"]) == 0


def test_a_role_at_the_wrong_level_is_refused(instance, capsys) -> None:
    assert main(["--config", instance, "init"]) == 0
    command = "user create x --name X --role village_head --scope 35.27 --password sandi-panjang-1"
    assert main(["--config", instance, *command.split()]) == 2
    assert "tingkat village" in capsys.readouterr().err


def test_bad_configuration_fails_with_one_line_naming_the_key(tmp_path, capsys) -> None:
    config = tmp_path / "kampung.toml"
    config.write_text('secret_key = "pendek"\n')
    assert main(["--config", str(config), "migrate"]) == 2
    assert "secret_key must be at least 32 characters" in capsys.readouterr().err
