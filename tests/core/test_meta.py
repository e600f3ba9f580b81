"""Meta-tests, as Datasette has: every hook documented and exercised, every handler guarded."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from core import hookspecs
from core.web.guards import declared_permission

ROOT = Path(__file__).resolve().parents[2]
HOOKS = sorted(
    name
    for name, value in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("kampung_")
)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook: str) -> None:
    docs = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    assert f"## {hook}" in docs


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_docstring(hook: str) -> None:
    assert getattr(hookspecs, hook).__doc__


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_exercised_by_a_test(hook: str) -> None:
    """A test implements or calls the hook, or a loaded plugin implements it and a test uses it."""
    implementing = [
        path
        for base in ("core/builtin", "plugins", "tests")
        for path in (ROOT / base).rglob("*.py")
        if re.search(rf"\b{hook}\b", path.read_text(encoding="utf-8"))
    ]
    assert implementing, f"{hook} is implemented nowhere, so no test can exercise it"


async def test_every_route_declares_its_permission(kampung) -> None:
    unguarded = []
    for route in kampung.app.routes:
        for handler in getattr(route, "route_handlers", []):
            if route.path.startswith(("/static", "/vendor", "/schema")):
                continue
            if getattr(handler, "http_methods", None) == {"OPTIONS"}:
                continue
            if declared_permission(handler) is None:
                unguarded.append(route.path)
    assert unguarded == []
