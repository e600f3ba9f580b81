"""`kampung`: the command line regency IT staff use to set up and run an instance.

The console script imports this module, and so does every worker process a command starts (the
multiprocessing `spawn` method re-imports the main script): the app is imported by `main`, not
here, so an import worker does not load the web stack it never uses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.plugins.registry import PluginRegistry


def refusals() -> tuple[type[Exception], ...]:
    """Errors that mean "you asked for something that cannot be done", not a bug: one line,
    exit 2."""
    from core.auth.accounts import AccountError
    from core.auth.password_policy import WeakPassword
    from core.auth.roles import RoleError
    from core.config import ConfigError
    from core.db.migrate import MigrationFailed
    from core.jobs import JobError
    from core.plugins.registry import PluginError
    from core.tenancy.enablement import EnablementError
    from core.tenancy.onboarding import UnknownVillage
    from core.tenancy.regions import UnknownRegency

    return (
        ConfigError, PluginError, MigrationFailed, AccountError, WeakPassword, RoleError,
        EnablementError, UnknownVillage, UnknownRegency, JobError,
    )  # fmt: skip


def build_parser(registry: PluginRegistry) -> argparse.ArgumentParser:
    from core.cli import commands, makemigrations, scaffold, villages, worker

    parser = argparse.ArgumentParser(prog="kampung", description="Kampung: Smart Kampung platform")
    parser.add_argument("--config", help="path to kampung.toml (or set KAMPUNG_CONFIG)")
    sub = parser.add_subparsers(dest="command", required=True)
    commands.register(sub)
    villages.register(sub)
    scaffold.register(sub)
    makemigrations.register(sub)
    worker.register(sub)
    registry.manager.hook.kampung_cli_commands(subparsers=sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from core.cli import commands
    from core.config import ConfigError, load_settings
    from core.kernel import load_plugins
    from core.plugins.registry import PluginError

    args_list = list(sys.argv[1:] if argv is None else argv)
    if _command(args_list) in WITHOUT_CONFIG:
        return _run_without_config(args_list)
    try:
        settings = load_settings(_config_path(args_list), **commands.settings_overrides(args_list))
        registry = load_plugins(settings)
    except (ConfigError, PluginError) as exc:
        _parse_without_config(args_list)
        print(f"kampung: {exc}", file=sys.stderr)
        return 2
    args = build_parser(registry).parse_args(args_list)
    try:
        return int(args.func(args, settings) or 0)
    except refusals() as exc:
        print(f"kampung: {exc}", file=sys.stderr)
        return 2


def _parse_without_config(args: list[str]) -> None:
    """Help and usage errors need no configuration: parse with every installed plugin's commands.

    argparse ends the process here on `--help` (exit 0) or a malformed command line (exit 2);
    a well-formed command returns, and the caller reports why the configuration cannot load.
    """
    from core.config import Settings
    from core.kernel import load_plugins
    from core.plugins.registry import PluginError

    try:
        registry = load_plugins(Settings())
    except PluginError:
        return
    build_parser(registry).parse_args(args)


WITHOUT_CONFIG = {"new-plugin"}
"""Commands that make files for a developer and need no instance: no secret key, no database."""


def _command(args: list[str]) -> str | None:
    """The subcommand's name: the first word that is neither an option nor `--config`'s value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _run_without_config(args_list: list[str]) -> int:
    from core.cli import scaffold

    parser = argparse.ArgumentParser(prog="kampung")
    parser.add_argument("--config", help=argparse.SUPPRESS)
    scaffold.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except scaffold.ScaffoldError as exc:
        print(f"kampung: {exc}", file=sys.stderr)
        return 2


def _config_path(args: list[str]) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--config" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--config="):
            return arg.split("=", 1)[1]
    return None
