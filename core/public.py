"""The modules of the core a plugin may import; every other module of `core` is internal.

`docs/plugins.md` lists the same modules with what each is for, and `tests/core/test_public_api.py`
keeps the two in step and fails when a bundled plugin imports anything else, so a third-party
author can build on exactly what the bundled plugins use.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

MODULES: frozenset[str] = frozenset(
    {
        "core",
        "core.audit",
        "core.auth.csrf",
        "core.auth.devices",
        "core.auth.passwords",
        "core.auth.principal",
        "core.auth.sessions",
        "core.auth.throttle",
        "core.cli.runner",
        "core.cli.villages",
        "core.config",
        "core.db",
        "core.db.insert_only",
        "core.db.jsonvalue",
        "core.i18n",
        "core.exports",
        "core.spreadsheets",
        "core.qr",
        "core.images",
        "core.jobs",
        "core.idempotency",
        "core.kernel",
        "core.localtime",
        "core.notify",
        "core.signing",
        "core.tenancy.context",
        "core.tenancy.resolve",
        "core.tenancy.tables",
        "core.testing",
        "core.testing.contract",
        "core.web.errors",
        "core.web.guards",
        "core.web.public_cache",
        "core.web.render",
        "core.web.request_state",
        "core.web.services",
        "core.web.svg_charts",
        "core.workdays",
        "core.workflow",
    }
)


def private_imports(source: str) -> Iterator[str]:
    """The core modules a piece of Python source imports that are not in `MODULES`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if (name == "core" or name.startswith("core.")) and name not in MODULES:
                yield name


def private_imports_in(package: Path) -> list[str]:
    """`path: module` for each import of an internal core module under `package`."""
    return sorted(
        f"{path.relative_to(package.parent)}: {module}"
        for path in package.rglob("*.py")
        for module in private_imports(path.read_text(encoding="utf-8"))
    )
