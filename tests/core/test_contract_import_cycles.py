"""The plugin registry sits below everything built on it: no chain of the core's imports leads
from `core.plugins.registry` back to itself.

The graph is read from the source, imports inside functions included (they run, only later),
those under `if TYPE_CHECKING:` left out (they never run). Before the kernel handed the core's own
plugin to the registry, the registry imported it, and 20 modules of the core (registry, builtin,
web, kernel, db, piccolo_conf, ...) imported each other in one circle.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

from core.kernel import load_plugins
from core.testing.databases import make_test_settings

CORE = Path(__file__).resolve().parents[2] / "core"
REGISTRY = "core.plugins.registry"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(CORE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runs(node: ast.stmt) -> bool:
    """False for `if TYPE_CHECKING:` blocks, which only a type checker reads."""
    return not (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))


def imported(path: Path, modules: set[str]) -> set[str]:
    """The core modules `path` imports anywhere in its code (a name imported from a package is
    an edge to the package, a submodule imported from it an edge to the submodule)."""
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    found: set[str] = set()
    pending: list[ast.stmt] = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while pending:
        node = pending.pop()
        if not _runs(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            found.update(
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            )
        pending.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt))
    return found & modules - {module_name(path)}


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in CORE.rglob("*.py")}
    return {name: imported(path, set(paths)) for name, path in paths.items()}


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str]:
    """A shortest chain of imports from `start` back to itself, or [] when there is none."""
    frontier: list[list[str]] = [[start]]
    seen = {start}
    while frontier:
        chain = frontier.pop(0)
        for target in sorted(graph[chain[-1]]):
            if target == start:
                return [*chain, start]
            if target not in seen:
                seen.add(target)
                frontier.append([*chain, target])
    return []


def test_the_graph_sees_an_import_made_inside_a_function() -> None:
    assert "core.db.migrate" in import_graph()["core.kernel"]


def test_no_chain_of_imports_leads_from_the_registry_back_to_it() -> None:
    assert cycle_through(import_graph(), REGISTRY) == []


def test_the_kernel_hands_the_core_plugin_to_the_registry() -> None:
    settings = make_test_settings("sqlite:///unused.sqlite3", None, plugins=())
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        registry = load_plugins(settings)
    assert registry.names == ["core"]
