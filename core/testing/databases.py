"""Test databases: migrate once into a template, then give every test its own fresh copy.

`KAMPUNG_TEST_DATABASE=postgresql` runs the suite on PostgreSQL (server from
`KAMPUNG_TEST_PG_URL`, default `postgresql://postgres@127.0.0.1:5432`), connecting the app as the
non-owner role `KAMPUNG_TEST_PG_APP_ROLE` (default `kampung_app`) so Row-Level Security applies.
Anything else runs on SQLite files.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import asyncpg

from core.config import Settings, load_settings

TEST_SECRET = "kampung-test-secret-key-of-sufficient-length"
TEST_REGENCY = "35.27"
_counter = itertools.count()


def backend() -> str:
    return (
        "postgresql"
        if os.environ.get("KAMPUNG_TEST_DATABASE", "").startswith("postg")
        else "sqlite"
    )


def _pg_server() -> str:
    return os.environ.get("KAMPUNG_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432").rstrip("/")


def _pg_app_role() -> str:
    return os.environ.get("KAMPUNG_TEST_PG_APP_ROLE", "kampung_app")


def make_test_settings(database_url: str, owner_url: str | None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "secret_key": TEST_SECRET,
        "database_url": database_url,
        "database_owner_url": owner_url,
        "regency_code": TEST_REGENCY,
        "data_dir": overrides.pop("data_dir", "var/test"),
    }
    values.update(overrides)
    return load_settings(None, environ={}, **values)


@dataclass
class TemplateDatabase:
    """A migrated database with the test regency's regions, copied for each test."""

    key: str
    location: str

    def copy_for_test(self, tmp_path: Path) -> tuple[str, str | None]:
        """(app URL, owner URL) of a fresh copy."""
        if backend() == "sqlite":
            target = tmp_path / "kampung.sqlite3"
            shutil.copyfile(self.location, target)
            return f"sqlite:///{target}", None
        name = f"kampung_t{os.getpid()}_{next(_counter)}"
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.location}"'))
        return _pg_urls(name)

    def drop_copy(self, app_url: str) -> None:
        if backend() == "postgresql":
            name = urlparse(app_url).path.lstrip("/")
            asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _pg_urls(name: str) -> tuple[str, str]:
    server = urlparse(_pg_server())
    host = f"{server.hostname}:{server.port or 5432}"
    owner = f"{server.scheme}://{server.username or 'postgres'}@{host}/{name}"
    return f"{server.scheme}://{_pg_app_role()}@{host}/{name}", owner


async def _pg_admin(*statements: str) -> None:
    connection = await asyncpg.connect(_pg_server() + "/postgres")
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


def build_template(
    plugin_names: tuple[str, ...] | None, extra: list[Any], work_dir: Path
) -> TemplateDatabase:
    """Migrate the core and the plugins into a template and import the test regency."""
    from core.kernel import Kernel
    from core.tenancy.regions import import_regions

    key = hashlib.sha256(repr((plugin_names, [repr(e) for e in extra])).encode()).hexdigest()[:10]
    if backend() == "sqlite":
        location = str(work_dir / f"template-{key}.sqlite3")
        app_url, owner_url = f"sqlite:///{location}", None
    else:
        location = f"kampung_tpl_{os.getpid()}_{key}"
        role = _pg_app_role()
        asyncio.run(
            _pg_admin(
                f"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                f"THEN CREATE ROLE {role} LOGIN; END IF; END$$",
                f'DROP DATABASE IF EXISTS "{location}" WITH (FORCE)',
                f'CREATE DATABASE "{location}"',
            )
        )
        app_url, owner_url = _pg_urls(location)
    settings = make_test_settings(app_url, owner_url, plugins=plugin_names)

    async def prepare() -> None:
        kernel = Kernel.build(
            make_test_settings(owner_url or app_url, None, plugins=plugin_names),
            extra_plugins=extra,
        )
        await kernel.database.start()
        try:
            kernel.database.owner_engine = kernel.database.engine
            await _migrate_as(kernel, app_url)
            await import_regions(settings.regency_code)
        finally:
            await kernel.database.close()

    asyncio.run(prepare())
    return TemplateDatabase(key=key, location=location)


async def _migrate_as(kernel: Any, app_url: str) -> None:
    from core.db.migrate import migrate

    await migrate(kernel.database, kernel.registry.piccolo_app_modules(), app_url)


def drop_templates(templates: list[TemplateDatabase]) -> None:
    if backend() == "postgresql":
        for template in templates:
            asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{template.location}" WITH (FORCE)'))
