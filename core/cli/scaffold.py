"""`kampung new-plugin NAME`: an installable plugin whose tests pass at once.

The files come from `plugin_template/`, each `*.tmpl` filled in with `string.Template`: `pkg/`
becomes the package, `_plugin_` in a path the plugin's name, `_migration_` the first migration's
module name. Nothing is written over: an existing folder stops the command.
"""

from __future__ import annotations

import argparse
import keyword
import re
from datetime import UTC, datetime
from pathlib import Path
from string import Template

from piccolo import __VERSION__ as PICCOLO_VERSION

TEMPLATE = Path(__file__).resolve().parent / "plugin_template"
NAME = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
TITLE = re.compile(r"^[\w .,'()-]{1,60}$")
"""A title is written into Python strings and templates, so it holds no quote, brace or `$`."""


class ScaffoldError(ValueError):
    """The plugin cannot be made as asked; the message says why."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("new-plugin", help="make a new plugin package from the template")
    parser.add_argument("name", help="the plugin's name: lowercase letters, digits and _")
    parser.add_argument("--title", help="the title villages see (default: the name, capitalised)")
    parser.add_argument("--directory", default=".", help="where to make it (default: here)")
    parser.set_defaults(func=cmd_new_plugin)


def cmd_new_plugin(args: argparse.Namespace, _settings: object = None) -> int:
    target = new_plugin(args.name, Path(args.directory), args.title)
    print(f"kampung: plugin {args.name} made in {target}")
    print(f"  next: pip install -e {target} && (cd {target} && pytest)")
    return 0


def new_plugin(
    name: str, directory: Path, title: str | None = None, now: datetime | None = None
) -> Path:
    """Write the plugin package `directory/name` and return its path."""
    if not NAME.match(name) or keyword.iskeyword(name):
        raise ScaffoldError(
            f"nama plugin '{name}' tidak sah: 2-41 huruf kecil, angka atau _, diawali huruf"
        )
    if title is not None and not TITLE.match(title):
        raise ScaffoldError(
            "judul plugin hanya boleh huruf, angka, spasi dan . , - ' ( ), "
            "paling banyak 60 karakter"
        )
    target = directory / name
    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama atau folder lain")
    stamp = now or datetime.now(UTC)
    values = {
        "plugin": name,
        "title": title or name.replace("_", " ").title(),
        "slug": name.replace("_", "-"),
        "migration_id": stamp.strftime("%Y-%m-%dT%H:%M:%S:%f"),
        "piccolo_version": PICCOLO_VERSION,
    }
    migration = f"{name}_{stamp.strftime('%Y_%m_%dt%H_%M_%S_%f')}"
    for source in sorted(TEMPLATE.rglob("*.tmpl")):
        relative = source.relative_to(TEMPLATE).with_suffix("").as_posix()
        relative = (
            relative.replace("pkg/", f"{name}/", 1) if relative.startswith("pkg/") else relative
        )
        relative = relative.replace("_plugin_", name).replace("_migration_", migration)
        written = target / relative
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_text(
            Template(source.read_text(encoding="utf-8")).substitute(values), encoding="utf-8"
        )
    return target
