"""`kampung demo` builds its own SQLite file and never wipes the database a config names."""

from __future__ import annotations

from core.cli.commands import DEMO_DATABASE, served_at, settings_overrides
from core.config.settings import load_settings


def test_the_demo_uses_its_own_database_however_the_command_is_spelt() -> None:
    for args in (
        ["demo"],
        ["--config", "kampung.toml", "demo", "--no-serve"],
        ["--config=k", "demo"],
    ):
        assert settings_overrides(args)["database_url"] == DEMO_DATABASE


def test_other_commands_keep_the_configured_database() -> None:
    for args in (["migrate"], ["--config", "demo"], ["--config", "kampung.toml", "serve"], []):
        assert settings_overrides(args) == {}


def test_the_demos_letters_point_where_it_serves_unless_a_public_url_is_configured() -> None:
    settings = load_settings(environ={}, secret_key="k" * 32)
    assert served_at(settings, 8765).public_url == "http://127.0.0.1:8765"
    configured = load_settings(environ={}, secret_key="k" * 32, public_url="https://desa.example")
    assert served_at(configured, 8765).public_url == "https://desa.example"
