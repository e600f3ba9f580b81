"""`kampung --help` and every command's `--help` work before anything is configured.

The commands are read from the parser itself, with every installed plugin's commands, so a new
command or plugin command is covered without touching this file.
"""

from __future__ import annotations

import argparse
import os

import pytest

from core.cli.main import build_parser, main
from core.config import Settings
from core.kernel import load_plugins
from core.testing.commands import run_kampung


def command_paths(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    """Every command and subcommand of `parser`, as the words typed after `kampung`."""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                found += command_paths(subparser, (*path, name))
    return found


COMMANDS = command_paths(build_parser(load_plugins(Settings())))


@pytest.fixture
def unconfigured(tmp_path, monkeypatch):
    """No `KAMPUNG_*` variable at all and a working directory without kampung.toml."""
    for name in [name for name in os.environ if name.startswith("KAMPUNG_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_parser_lists_core_and_plugin_commands() -> None:
    assert {("migrate",), ("user", "create"), ("villages",), ("population", "import")} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda path: " ".join(path) or "kampung")
def test_help_needs_no_configuration(command, unconfigured, capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        main([*command, "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {' '.join(('kampung', *command))}")


def test_help_of_a_plugin_command_in_an_empty_environment(tmp_path) -> None:
    result = run_kampung("population", "import", "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: kampung population import")
    assert "--village" in result.stdout


def test_a_malformed_command_line_gets_usage_before_any_configuration(unconfigured, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["population", "import"])
    assert exit.value.code == 2
    assert "the following arguments are required: file" in capsys.readouterr().err


def test_a_well_formed_command_still_names_the_missing_configuration(unconfigured, capsys):
    assert main(["migrate"]) == 2
    assert "secret_key must be at least 32 characters" in capsys.readouterr().err
