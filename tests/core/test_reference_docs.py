"""docs/reference.md names every field of every contribution, every block of the base layout,
every key of a page's context and every method of the test fixture, and nothing that is gone."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

from core import (
    DemoContext,
    DemoLogin,
    EventSubscriber,
    MenuItem,
    Permission,
    PluginInfo,
    Role,
    SettingField,
    Widget,
    WidgetProvider,
)
from core.testing.harness import Harness
from core.web.render import page_context
from core.web.templating import DEFAULT_THEME

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
CONTRIBUTIONS = [
    PluginInfo, Permission, Role, MenuItem, WidgetProvider, Widget, SettingField, EventSubscriber,
    DemoContext, DemoLogin,
]  # fmt: skip


def section(heading: str) -> str:
    return REFERENCE.split(heading, 1)[1].split("\n## ", 1)[0]


def first_column(text: str) -> set[str]:
    return {m for m in re.findall(r"^\| `(\w+)", text, flags=re.MULTILINE)}


@pytest.mark.parametrize("contribution", CONTRIBUTIONS, ids=lambda c: c.__name__)
def test_every_field_of_a_contribution_is_documented(contribution: type) -> None:
    fields = {field.name for field in dataclasses.fields(contribution)}
    documented = first_column(section("## Contributions"))
    assert fields - documented == set()


def test_every_block_of_the_base_layout_is_documented() -> None:
    layout = (DEFAULT_THEME / "layouts" / "base.html").read_text(encoding="utf-8")
    blocks = set(re.findall(r"{%-?\s*block (\w+)", layout))
    assert blocks
    assert blocks <= first_column(section("## Templates"))


def test_every_key_of_the_page_context_is_documented() -> None:
    keys = set(re.findall(r'^\s+"(\w+)":', inspect.getsource(page_context), flags=re.MULTILINE))
    assert keys
    assert keys | {"layout"} <= first_column(section("## Templates"))


def test_every_method_of_the_fixture_is_documented_and_exists() -> None:
    methods = {
        name
        for name, _ in inspect.getmembers(Harness, inspect.isfunction)
        if not name.startswith("_")
    }
    documented = {m for m in re.findall(r"^\| `(\w+)\(", section("## The `kampung` test fixture"),
                                         flags=re.MULTILINE)}  # fmt: skip
    assert methods == documented


def test_every_hook_section_names_the_hooks_parameters_and_no_hook_is_invented() -> None:
    from core import hookspecs

    hooks = {
        name: inspect.signature(function).parameters
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("kampung_")
    }
    docs = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (kampung_\w+)\n(.*?)(?=^## |\Z)", docs, re.M | re.S))
    assert set(sections) == set(hooks)
    unnamed = {
        hook: [p for p in parameters if p not in sections[hook]]
        for hook, parameters in hooks.items()
    }
    assert {hook: names for hook, names in unnamed.items() if names} == {}
