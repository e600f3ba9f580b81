"""Fixtures for testing Kampung and its plugins (registered as the `kampung` pytest plugin).

    async def test_something(kampung):
        village = await kampung.village()
        client = await kampung.login("village_operator", village)
        response = await client.get(village.url)

Override `kampung_plugins` (names of installed plugins to load, `None` for all available) or
`kampung_extra_plugins` (plugin objects loaded without an entry point) in a test module, and
`kampung_available_plugins` (what `None` stands for: every installed plugin) in a conftest.

A test session never reads the developer's instance: every `KAMPUNG_*` variable but
`KAMPUNG_TEST_*` and the knobs named by the `kampung_test_knobs` ini option is removed from the
environment (`KAMPUNG_CONFIG`, `KAMPUNG_DATABASE_URL`, ...), Piccolo is pointed at Kampung's own
`piccolo_conf`, and the session runs in an empty working directory, so neither a `kampung.toml`
there nor a relative default such as `sqlite:///var/kampung.sqlite3` reaches a database the
tests did not create.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from core.config.settings import ENV_PREFIX
from core.testing.databases import (
    TemplateDatabase,
    backend,
    build_template,
    drop_templates,
    make_test_settings,
)
from core.testing.harness import Harness
from core.testing.installed import installed_plugins

KNOBS_INI = "kampung_test_knobs"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        KNOBS_INI,
        type="args",
        default=[],
        help="KAMPUNG_* variables that tune the tests rather than configure the app; kept in "
        "the environment like KAMPUNG_TEST_*, every other KAMPUNG_* is removed",
    )


def instance_variables(environ: Mapping[str, str], knobs: Iterable[str]) -> list[str]:
    """The `KAMPUNG_*` names that could configure an app: all but `KAMPUNG_TEST_*` and knobs.

    Removing every other name, rather than the ones `load_settings` reads today, keeps a
    variable a command reads tomorrow (`KAMPUNG_ADMIN_URL`) out of the tests as well.
    """
    kept = set(knobs)
    return [
        name
        for name in environ
        if name.startswith(ENV_PREFIX)
        and not name.startswith(f"{ENV_PREFIX}TEST_")
        and name not in kept
    ]


_DIRECTORIES = pytest.StashKey[tuple[str, str]]()
"""(the directory pytest started in, the empty one the session runs in)."""


def pytest_configure(config: pytest.Config) -> None:
    """Before collection: no configuration of the developer's instance leaks into the tests."""
    for name in instance_variables(os.environ, config.getini(KNOBS_INI)):
        del os.environ[name]
    os.environ["PICCOLO_CONF"] = "core.db.piccolo_conf"
    if _distributes(config):
        return
    workdir = tempfile.mkdtemp(prefix="kampung-tests-")
    config.stash[_DIRECTORIES] = (os.getcwd(), workdir)
    os.chdir(workdir)


def _distributes(config: pytest.Config) -> bool:
    """True in pytest-xdist's controller, which only hands tests to its workers: they start in
    its working directory to find the project, and each moves to an empty one of its own."""
    return bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _DIRECTORIES not in config.stash:
        return
    started_in, workdir = config.stash[_DIRECTORIES]
    os.chdir(started_in)
    shutil.rmtree(workdir, ignore_errors=True)


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
    """Installed plugins the test app loads; `None` loads every available plugin."""
    return None


@pytest.fixture
def kampung_available_plugins() -> tuple[str, ...]:
    """What `kampung_plugins = None` stands for: every installed plugin. A repository's own
    suite narrows it to the plugins it ships (`core.testing.installed.plugins_of`)."""
    return installed_plugins()


@pytest.fixture
def kampung_loaded_plugins(
    kampung_plugins: tuple[str, ...] | None, kampung_available_plugins: tuple[str, ...]
) -> tuple[str, ...]:
    """The installed plugins the test app loads, by name."""
    return kampung_available_plugins if kampung_plugins is None else tuple(kampung_plugins)


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    """Plugin objects loaded without an entry point."""
    return []


@pytest.fixture
def kampung_database(
    kampung_templates: dict[str, TemplateDatabase],
    kampung_loaded_plugins: tuple[str, ...],
    kampung_extra_plugins: list[Any],
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, str | None]]:
    key = repr((backend(), kampung_loaded_plugins, [repr(p) for p in kampung_extra_plugins]))
    if key not in kampung_templates:
        kampung_templates[key] = build_template(
            kampung_loaded_plugins, kampung_extra_plugins, tmp_path_factory.mktemp("templates")
        )
    template = kampung_templates[key]
    app_url, owner_url = template.copy_for_test(tmp_path)
    yield app_url, owner_url
    template.drop_copy(app_url)


@pytest.fixture
def kampung_contract_plugins(kampung: Harness) -> list[str]:
    """The plugins `core.testing.contract`'s tests judge: every loaded plugin but the core."""
    return [name for name in kampung.kernel.registry.names if name != "core"]


@pytest.fixture
def kampung_settings(
    kampung_database: tuple[str, str | None],
    kampung_loaded_plugins: tuple[str, ...],
    tmp_path: Path,
) -> Any:
    app_url, owner_url = kampung_database
    return make_test_settings(
        app_url, owner_url, plugins=kampung_loaded_plugins, data_dir=str(tmp_path / "data")
    )


@pytest.fixture(scope="session")
def kampung_apps() -> dict[str, Any]:
    """The apps built in this session, one per shape of settings and plugins (see `app_for`)."""
    return {}


@pytest.fixture
async def kampung(
    kampung_settings: Any, kampung_extra_plugins: list[Any], kampung_apps: dict[str, Any]
) -> AsyncIterator[Harness]:
    """A running app on a fresh database of the test regency (all villages, none onboarded)."""
    app = app_for(kampung_apps, kampung_settings, kampung_extra_plugins)
    database = app.state.kernel.database
    await database.start()
    try:
        yield Harness(app, kampung_settings)
    finally:
        await database.close()


def app_for(apps: dict[str, Any], settings: Any, extra_plugins: list[Any]) -> Any:
    """An app with a kernel of its own for these settings, its routes built once per session.

    Building the routes (Litestar reads every handler's signature) is most of what an app costs,
    and they depend only on the plugins and the settings, never on the database or the data
    folder of one test. So an app built for the same plugins and settings is given a new kernel
    (`app.state.kernel`, which the app reads per request): a fresh engine, registry and state,
    and what a handler kept in `app.state` since (a worker's cache) is dropped, as if the app
    were built anew.
    """
    from core.kernel import Kernel
    from core.web.app import create_app

    shape = replace(settings, database_url="", database_owner_url=None, data_dir="")
    key = repr((shape, [repr(plugin) for plugin in extra_plugins]))
    if key not in apps:
        app = create_app(settings, extra_plugins=extra_plugins)
        apps[key] = (app, set(app.state.dict()))
        return app
    app, built = apps[key]
    for name in set(app.state.dict()) - built:
        del app.state[name]
    app.state.kernel = Kernel.build(settings, extra_plugins)
    return app
