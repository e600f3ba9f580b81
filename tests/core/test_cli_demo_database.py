"""`kampung demo` builds its own SQLite file and never wipes the database a config names."""

from __future__ import annotations

from core.cli.commands import DEMO_DATABASE, settings_overrides


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
