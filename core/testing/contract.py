"""The plugin contract as tests a plugin's own suite runs on itself, in one line:

    from core.testing.contract import *  # noqa: F403 -- the core's contract tests, on this plugin

They run with the test module's `kampung_plugins` and `kampung_extra_plugins`, and judge the
plugins `kampung_contract_plugins` names (default: every loaded plugin but the core), so a plugin
is judged alone. This repository runs them on each installed plugin the same way. The checks:

- every Indonesian string the plugin's code and templates translate has an English translation;
- where the plugin is off in a village, its village pages answer 404 to everyone;
- no page or API answer of the plugin, to any village role, shows another village's data: the
  other village is filled with the plugin's own demo data, and every value of eight characters or
  more found in the plugin's tables there must stay out of this village's answers;
- every write of the plugin under a village, sent twice with one idempotency key, takes effect
  once and is answered the same both times (`core.testing.repeats`; a route declares the sample
  submission the contract sends with `opt={"sample": {...}}` on its handler).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import httpx
from babel.messages.extract import extract_from_dir

from core.testing.harness import Harness, VillageRef
from core.testing.repeats import ContractWarning, send_every_write_twice
from core.testing.sweep import (
    fill,
    fill_with_demo_data,
    plugin_tables,
    stored_ids,
    village_get_routes,
    village_roles,
)

__all__ = [
    "test_contract_a_write_sent_twice_takes_effect_once",
    "test_contract_every_string_has_an_english_translation",
    "test_contract_no_other_villages_data_on_any_page",
    "test_contract_pages_are_not_found_where_the_plugin_is_off",
]

KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "MenuItem": None}
METHODS = [("**.py", "python"), ("**.html", "jinja2")]
SECRET_LENGTH = 8
"""Shorter values (a status, a code) can appear on any page without being another village's."""
SECRETS_CHECKED = 300
"""At most this many of the other village's values are looked for, spread over all of them."""


def msgids(package: Path) -> set[str]:
    """What the code and templates under `package` pass to `_`, as gettext tools extract it."""
    found: set[str] = set()
    for _, _, message, _, _ in extract_from_dir(
        package,
        METHODS,
        keywords=KEYWORDS,
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    ):
        found.update(
            part for part in (message if isinstance(message, tuple) else (message,)) if part
        )
    return found


def untranslated(kampung: Harness, plugin: str, lang: str = "en") -> list[str]:
    module = kampung.kernel.registry.by_name[plugin].module
    package = Path(module.__file__).resolve().parent
    translator = kampung.app.state.translator
    return sorted(m for m in msgids(package) if not translator.has(lang, m))


async def stored_values(kampung: Harness, village: VillageRef, plugins: list[str]) -> set[str]:
    """Every text value of the plugins' tables that the village's scope reaches."""
    values: set[str] = set()
    async with kampung.scope(village.code):
        for table in plugin_tables(kampung, plugins):
            for row in await table.select():
                values.update(v for v in row.values() if isinstance(v, str))
    return values


async def answers(
    clients: dict[str, httpx.AsyncClient], paths: list[str], village: VillageRef, ids: list[int]
) -> list[tuple[str, str, str]]:
    """(role, url, text) of every GET route of the plugins, for every role."""
    return [
        (role, url, (await client.get(url)).text)
        for role, client in clients.items()
        for path in paths
        for url in fill(path, village, ids)
    ]


async def find_leaks(kampung: Harness, plugins: list[str]) -> list[str]:
    """What another village's data this village's users can see through the plugins' pages."""
    mine, theirs = await kampung.village(0), await kampung.village(1)
    clients = {role: await kampung.login(role, mine) for role in village_roles(kampung)}
    paths = [p for plugin in plugins for p in village_get_routes(kampung, plugin)]
    before = " ".join(text for _, _, text in await answers(clients, paths, mine, [1]))
    known = await stored_values(kampung, mine, plugins)
    await fill_with_demo_data(kampung, theirs, plugins)
    secrets = {
        value
        for value in await stored_values(kampung, theirs, plugins) - known
        if len(value) >= SECRET_LENGTH and value not in before
    }
    ordered = sorted(secrets)
    step = max(1, len(ordered) // SECRETS_CHECKED)
    secrets = set(ordered[::step])
    ids = await stored_ids(kampung, theirs, plugins)
    return sorted(
        f"{role} GET {url} shows {value!r} of village {theirs.code}"
        for role, url, text in await answers(clients, paths, mine, ids)
        for value in secrets
        if value in text
    )


async def test_contract_every_string_has_an_english_translation(
    kampung: Harness, kampung_contract_plugins: list[str]
) -> None:
    missing = {p: untranslated(kampung, p) for p in kampung_contract_plugins}
    assert {p: m for p, m in missing.items() if m} == {}


async def test_contract_pages_are_not_found_where_the_plugin_is_off(
    kampung: Harness, kampung_contract_plugins: list[str]
) -> None:
    village = await kampung.village(0, plugins=[])
    visitors = {"anonymous": kampung.client(), "village_operator": await kampung.login(
        "village_operator", village)}  # fmt: skip
    answered = [
        f"{who} GET {url}: {(await client.get(url)).status_code}"
        for plugin in kampung_contract_plugins
        for path in village_get_routes(kampung, plugin)
        for url in fill(path, village, [1])
        for who, client in visitors.items()
    ]
    assert [line for line in answered if not line.endswith(": 404")] == []


async def test_contract_no_other_villages_data_on_any_page(
    kampung: Harness, kampung_contract_plugins: list[str]
) -> None:
    assert await find_leaks(kampung, kampung_contract_plugins) == []


async def test_contract_a_write_sent_twice_takes_effect_once(
    kampung: Harness, kampung_contract_plugins: list[str]
) -> None:
    verdict = await send_every_write_twice(kampung, kampung_contract_plugins)
    if verdict.unjudged:
        warnings.warn(
            ContractWarning(
                "writes not judged for lack of a sample; declare opt={'sample': {...}} on: "
                + "; ".join(verdict.unjudged)
            ),
            stacklevel=1,
        )
    assert verdict.problems == [], "\n".join(verdict.problems)
