"""The public API is one list: the docs name exactly it, and bundled plugins import only it.

Between plugins the door is narrower still: a plugin may import another plugin's `public` module
(its published read API) and nothing else of it; everything else goes through domain events.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.public import MODULES, private_imports, private_imports_in

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugins.md"
PLUGINS = ROOT / "plugins"
PUBLIC_MODULE = "public"
"""The one module of a plugin other plugins may import: `plugins.<name>.public`."""


def documented_modules() -> set[str]:
    section = DOCS.read_text(encoding="utf-8").split("## The core's public API", 1)[1]
    table = section.split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    return {name for cell in first_cells for name in re.findall(r"`([\w.]+)`", cell)}


def imported_modules(source: str) -> Iterator[str]:
    """Every absolute module a piece of source imports. `from plugins.x import y` counts as
    `plugins.x.y` (y may be a module), so `from plugins.population import tables` is seen."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.count(".") <= 1:
                yield from (f"{node.module}.{alias.name}" for alias in node.names)
            else:
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def cross_plugin_imports(source: str, plugin: str) -> Iterator[str]:
    """The modules of other plugins that `plugin`'s source imports, other than their `public`."""
    for name in imported_modules(source):
        parts = name.split(".")
        if parts[0] != "plugins" or len(parts) == 1 or parts[1] == plugin:
            continue
        if parts[2:] != [PUBLIC_MODULE]:
            yield name


def cross_plugin_imports_in(plugins: Path) -> list[str]:
    """`path: module` for each import of another plugin's internals under `plugins/`."""
    return sorted(
        f"{path.relative_to(plugins.parent)}: {module}"
        for package in plugins.iterdir()
        if package.is_dir() and (package / "__init__.py").exists()
        for path in package.rglob("*.py")
        for module in cross_plugin_imports(path.read_text(encoding="utf-8"), package.name)
    )


def test_the_docs_list_exactly_the_public_modules() -> None:
    assert documented_modules() == set(MODULES)


def test_bundled_plugins_import_only_the_public_api() -> None:
    assert private_imports_in(PLUGINS) == []


def test_an_import_of_an_internal_module_is_found() -> None:
    source = "from core.web.transaction import RequestContext\nimport core.auth.tables\n"
    assert list(private_imports(source)) == ["core.web.transaction", "core.auth.tables"]
    assert list(private_imports("from core import hookimpl\nfrom core.db import TenantTable")) == []


def test_bundled_plugins_import_of_each_other_only_the_public_module() -> None:
    assert cross_plugin_imports_in(PLUGINS) == []


@pytest.mark.parametrize(
    "source",
    [
        "from plugins.population.public import person",
        "from plugins.population import public",
        "import plugins.population.public",
        "from plugins.social_aid.tables import Entitlement",
        "from plugins.social_aid.cycles import close_cycle",
        "from .tables import Cycle",
    ],
)
def test_a_plugins_own_modules_and_others_public_modules_may_be_imported(source: str) -> None:
    assert list(cross_plugin_imports(source, "social_aid")) == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from plugins.population.tables import Resident", "plugins.population.tables"),
        ("from plugins.population import tables", "plugins.population.tables"),
        ("import plugins.population.register.search", "plugins.population.register.search"),
        ("from plugins.population.public.x import y", "plugins.population.public.x"),
        ("import plugins.population", "plugins.population"),
        ("from plugins import population", "plugins.population"),
        ("def f():\n    from plugins.health.zscores import z", "plugins.health.zscores"),
    ],
)
def test_an_import_of_another_plugins_internals_is_found(source: str, found: str) -> None:
    assert list(cross_plugin_imports(source, "social_aid")) == [found]


def test_the_docs_state_the_rule_between_plugins() -> None:
    section = DOCS.read_text(encoding="utf-8").split("## Using another plugin", 1)[1]
    assert "`plugins.<name>.public`" in section.split("\n## ", 1)[0]
