"""Fixtures for testing Kampung and its plugins (registered as the `kampung` pytest plugin).

    async def test_something(kampung):
        village = await kampung.village()
        client = await kampung.login("village_operator", village)
        response = await client.get(village.url)

Override `kampung_plugins` (names of installed plugins to load, `None` for all) or
`kampung_extra_plugins` (plugin objects loaded without an entry point) in a test module.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.testing.databases import (
    TemplateDatabase,
    backend,
    build_template,
    drop_templates,
    make_test_settings,
)
from core.testing.harness import Harness


@pytest.fixture(scope="session", autouse=True)
def kampung_fast_password_hashing() -> Iterator[None]:
    """argon2id at its smallest cost: tests sign in hundreds of times; production keeps its own."""
    from argon2 import PasswordHasher

    from core.auth import passwords

    original = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._hasher = original


@pytest.fixture(scope="session")
def kampung_templates(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, TemplateDatabase]]:
    templates: dict[str, TemplateDatabase] = {}
    yield templates
    drop_templates(list(templates.values()))


@pytest.fixture
def kampung_plugins() -> tuple[str, ...] | None:
    """Installed plugins the test app loads; `None` loads every installed plugin."""
    return None


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    """Plugin objects loaded without an entry point."""
    return []


@pytest.fixture
def kampung_database(
    kampung_templates: dict[str, TemplateDatabase],
    kampung_plugins: tuple[str, ...] | None,
    kampung_extra_plugins: list[Any],
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, str | None]]:
    key = repr((backend(), kampung_plugins, [repr(p) for p in kampung_extra_plugins]))
    if key not in kampung_templates:
        kampung_templates[key] = build_template(
            kampung_plugins, kampung_extra_plugins, tmp_path_factory.mktemp("templates")
        )
    template = kampung_templates[key]
    app_url, owner_url = template.copy_for_test(tmp_path)
    yield app_url, owner_url
    template.drop_copy(app_url)


@pytest.fixture
def kampung_settings(
    kampung_database: tuple[str, str | None],
    kampung_plugins: tuple[str, ...] | None,
    tmp_path: Path,
) -> Any:
    app_url, owner_url = kampung_database
    return make_test_settings(
        app_url, owner_url, plugins=kampung_plugins, data_dir=str(tmp_path / "data")
    )


@pytest.fixture
async def kampung(
    kampung_settings: Any, kampung_extra_plugins: list[Any]
) -> AsyncIterator[Harness]:
    """A running app on a fresh database of the test regency (all villages, none onboarded)."""
    from core.web.app import create_app

    app = create_app(kampung_settings, extra_plugins=kampung_extra_plugins)
    database = app.state.kernel.database
    await database.start()
    try:
        yield Harness(app, kampung_settings)
    finally:
        await database.close()
