"""docs/plugins/population_api.md names every function, field and event of population's public
read API, and nothing that is not there: consumers build on that page, so it must not drift from
the module."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

from plugins.population import public

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "plugins" / "population_api.md").read_text(encoding="utf-8")
FACTS = [public.PersonFacts, public.FamilyFacts, public.PopulationCounts]


def section(heading: str) -> str:
    return PAGE.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def first_column(text: str) -> set[str]:
    return set(re.findall(r"^\| `(\w+)", text, flags=re.MULTILINE))


def published_functions() -> set[str]:
    return {name for name in public.__all__ if inspect.isfunction(getattr(public, name))}


def members(cls: type) -> set[str]:
    """A dataclass's fields and its public methods and properties."""
    own = {
        name
        for name, value in vars(cls).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }
    return {field.name for field in dataclasses.fields(cls)} | own


def test_every_function_is_documented_and_every_documented_one_exists() -> None:
    assert first_column(section("Functions")) == published_functions()


@pytest.mark.parametrize("facts", FACTS, ids=lambda cls: cls.__name__)
def test_every_field_method_and_property_is_documented(facts: type) -> None:
    assert first_column(section(facts.__name__)) == members(facts)


def test_every_event_is_documented_with_its_payload_keys() -> None:
    rows = {
        match[0]: set(re.findall(r"`(\w+)`", match[1]))
        for match in re.findall(
            r"^\| `(population\.\w+)` \|[^|]*\| (.*) \|$",
            section("Domain events"),
            flags=re.MULTILINE,
        )
    }
    assert rows == {name: set(info.payload) for name, info in public.EVENTS.items()}


def plain_signature(function: object) -> str:
    """`text, *, limit=20, living_only=True`: how the page writes a signature, types left out."""
    parts: list[str] = []
    for parameter in inspect.signature(function).parameters.values():  # type: ignore[arg-type]
        if parameter.kind is parameter.KEYWORD_ONLY and "*" not in parts:
            parts.append("*")
        default = parameter.default
        parts.append(parameter.name + ("" if default is parameter.empty else f"={default!r}"))
    return ", ".join(parts)


def test_the_documented_signatures_match_the_functions() -> None:
    documented = dict(re.findall(r"^\| `(\w+)\((.*?)\)` \|", section("Functions"), re.MULTILINE))
    assert documented == {
        name: plain_signature(getattr(public, name)) for name in published_functions()
    }


def test_every_published_name_and_event_field_is_on_the_page() -> None:
    events = section("Domain events")
    assert [name for name in public.__all__ if f"`{name}" not in PAGE] == []
    assert [f for f in dataclasses.fields(public.EventInfo) if f"`{f.name}`" not in events] == []
