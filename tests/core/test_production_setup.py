"""The README's "Running an instance", followed step by step on a fresh PostgreSQL server.

The commands and the `kampung.toml` are read from the README itself, so the test breaks when the
README drifts from what works. They run in a fresh folder holding that file, as the README's
`--config kampung.toml` implies. Only what must differ on a test machine is changed: the names of
the roles and the database (unique per run, dropped afterwards), the server, the secret key, the
data folder, and a free loopback port as the public URL. Then the instance is served as the
README serves it, as the app role, and checked from outside: the admin signs in and sees a
village page, and a raw connection as the app role sees one village's rows only and cannot
rewrite the audit log.

SQLite has no roles: this test is about PostgreSQL's, so it runs only on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest

from core.testing.databases import TEST_SECRET, backend

pytestmark = pytest.mark.skipif(
    backend() != "postgresql",
    reason="PostgreSQL only: the README's production set-up is about PostgreSQL roles",
)

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "## Running an instance"
KAMPUNG = str(Path(sys.executable).with_name("kampung"))
START_SECONDS = 90


@dataclass(frozen=True)
class Instructions:
    """What the README's production section says to run and to write."""

    commands: list[list[str]]
    config: dict[str, Any]


def readme_instructions() -> Instructions:
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no '{SECTION}' section"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(\w+)\n(.*?)```", section, flags=re.DOTALL)
    shell = next(body for kind, body in blocks if kind == "sh")
    config = next(body for kind, body in blocks if kind == "toml")
    commands = [shlex.split(line, comments=True) for line in shell.splitlines() if line.strip()]
    return Instructions([c for c in commands if c], tomllib.loads(config))


@dataclass(frozen=True)
class Server:
    admin_url: str
    host: str
    port: int
    suffix: str

    def url(self, readme_url: str) -> str:
        """The README's URL with this run's role and database names, on the test server."""
        parts = urlsplit(readme_url)
        password = f":{parts.password}" if parts.password else ""
        database = parts.path.lstrip("/") + self.suffix
        return (
            f"{parts.scheme}://{parts.username}{self.suffix}{password}"
            f"@{self.host}:{self.port}/{database}"
        )

    def role(self, readme_url: str) -> str:
        return f"{urlsplit(readme_url).username}{self.suffix}"

    def database(self, readme_url: str) -> str:
        return urlsplit(readme_url).path.lstrip("/") + self.suffix


@pytest.fixture
def server() -> Iterator[Server]:
    base = os.environ.get("KAMPUNG_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432")
    parts = urlsplit(base)
    found = Server(
        admin_url=base.rstrip("/") + "/postgres",
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        suffix=f"_t{os.getpid()}_{secrets.token_hex(3)}",
    )
    yield found
    asyncio.run(_drop_everything(found))


async def _drop_everything(server: Server) -> None:
    config = readme_instructions().config
    connection = await asyncpg.connect(server.admin_url)
    try:
        await connection.execute(
            f'DROP DATABASE IF EXISTS "{server.database(config["database_url"])}" WITH (FORCE)'
        )
        for key in ("database_url", "database_owner_url"):
            await connection.execute(f'DROP ROLE IF EXISTS "{server.role(config[key])}"')
    finally:
        await connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _toml(values: dict[str, Any]) -> str:
    """The flat tables the README shows: strings, numbers and lists (JSON spells them alike)."""
    return "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items())


def _environment() -> dict[str, str]:
    """The shell's environment without any KAMPUNG_* setting, so only kampung.toml counts."""
    return {k: v for k, v in os.environ.items() if not k.startswith("KAMPUNG_")}


def _prepared(command: list[str], server: Server, port: int) -> list[str]:
    assert command[0] == "kampung", f"README command does not start with kampung: {command}"
    prepared = [KAMPUNG, *command[1:]]
    if "--admin-url" in prepared:
        prepared[prepared.index("--admin-url") + 1] = server.admin_url
    if "serve" in prepared:
        prepared += ["--port", str(port)]
    return prepared


def _config_name(commands: list[list[str]]) -> str:
    names = {c[c.index("--config") + 1] for c in commands if "--config" in c}
    assert len(names) == 1, f"README commands name several config files: {names}"
    return names.pop()


def _run(command: list[str], directory: Path, stdin: str = "") -> None:
    done = subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        env=_environment(),
        cwd=directory,
        timeout=600,
    )
    assert done.returncode == 0, f"{shlex.join(command)}\n{done.stdout}\n{done.stderr}"


def _wait_until_serving(process: subprocess.Popen[str], base: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "kampung serve ended; see serve.log"
        try:
            if httpx.get(base + "/masuk", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    raise AssertionError(f"kampung serve did not answer within {START_SECONDS} s")


def test_the_readme_production_setup_serves_pages_with_row_level_security(
    server: Server, tmp_path: Path
) -> None:
    readme = readme_instructions()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    config_values = {
        **readme.config,
        "database_url": server.url(readme.config["database_url"]),
        "database_owner_url": server.url(readme.config["database_owner_url"]),
        "secret_key": TEST_SECRET,
        "data_dir": str(tmp_path / "data"),
        "public_url": base,
    }
    (tmp_path / _config_name(readme.commands)).write_text(_toml(config_values), encoding="utf-8")
    password = "admin-" + secrets.token_urlsafe(16)

    serving: subprocess.Popen[str] | None = None
    for command in readme.commands:
        prepared = _prepared(command, server, port)
        if "serve" in prepared:
            log = (tmp_path / "serve.log").open("w")
            serving = subprocess.Popen(
                prepared, env=_environment(), cwd=tmp_path, text=True,
                start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        else:
            _run(prepared, tmp_path, stdin=password + "\n")
        if prepared[3:5] == ["db", "setup"]:
            _run(prepared, tmp_path)  # run again, it finds everything in place
    assert serving is not None, "the README's production section never runs kampung serve"
    try:
        _wait_until_serving(serving, base)
        admin = _admin_from_readme(readme.commands)
        villages = asyncio.run(_two_villages(config_values["database_owner_url"]))
        with httpx.Client(base_url=base) as browser:
            _sign_in(browser, admin, password)
            for code, _ in villages:
                _onboard(browser, code)
            page = browser.get(f"/desa/{villages[0][1]}")
            assert page.status_code == 200, page.text[:500]
        asyncio.run(_app_role_is_walled(config_values, [code for code, _ in villages]))
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        serving.wait(timeout=30)
        log.close()


def _admin_from_readme(commands: list[list[str]]) -> str:
    created = next(c for c in commands if c[1:2] == ["--config"] and c[3:5] == ["user", "create"])
    return created[5]


def _sign_in(browser: httpx.Client, username: str, password: str) -> None:
    browser.get("/masuk")
    browser.headers["x-csrf-token"] = browser.cookies["kampung_csrf"]
    answer = browser.post("/masuk", data={"username": username, "password": password})
    assert answer.status_code == 303, answer.text[:500]
    browser.headers["x-csrf-token"] = browser.cookies["kampung_csrf"]
    if answer.headers["location"] == "/akun/kata-sandi":
        own = "sendiri-" + secrets.token_urlsafe(16)
        changed = browser.post(
            "/akun/kata-sandi",
            data={"current_password": password, "password": own, "password_confirm": own},
        )
        assert changed.status_code == 303, changed.text[:500]


def _onboard(browser: httpx.Client, code: str) -> None:
    answer = browser.post(f"/kabupaten/desa/{code}/integrasi", data={"onboarded": "1"})
    assert answer.status_code == 303, answer.text[:500]


async def _two_villages(owner_url: str) -> list[tuple[str, str]]:
    connection = await asyncpg.connect(owner_url)
    try:
        rows = await connection.fetch("SELECT code, slug FROM core_village ORDER BY code LIMIT 2")
    finally:
        await connection.close()
    return [(row["code"], row["slug"]) for row in rows]


async def _app_role_is_walled(config: dict[str, Any], villages: list[str]) -> None:
    """What the web pages showed was served by a role that RLS binds: check that role itself."""
    mine, theirs = villages
    owner = await asyncpg.connect(config["database_owner_url"])
    app = await asyncpg.connect(config["database_url"])
    try:
        for code in villages:
            await owner.execute(
                "INSERT INTO core_village_plugin (village_code, plugin, enabled, changed_by, "
                "changed_at) VALUES ($1, 'population', true, 'test', now())",
                code,
            )
        role = await app.fetchrow(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        )
        assert not role["rolsuper"] and not role["rolbypassrls"]
        async with app.transaction():
            await app.execute("SELECT set_config('kampung.scope', $1, true)", mine)
            seen = await app.fetch("SELECT DISTINCT village_code FROM core_village_plugin")
            assert {row["village_code"] for row in seen} == {mine}
            hidden = await app.fetchval(
                "SELECT count(*) FROM core_village_plugin WHERE village_code = $1", theirs
            )
            assert hidden == 0
        for statement in (
            "UPDATE core_audit_entry SET actor = 'orang-lain'",
            "DELETE FROM core_audit_entry",
        ):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                async with app.transaction():
                    await app.execute("SELECT set_config('kampung.scope', $1, true)", mine)
                    await app.execute(statement)
        async with app.transaction():
            unscoped = await app.fetchval("SELECT count(*) FROM core_village_plugin")
        assert unscoped == 0
    finally:
        await app.close()
        await owner.close()


@pytest.fixture
def shell_without_kampung_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in os.environ if k.startswith("KAMPUNG_")]:
        monkeypatch.delenv(key)


def _config_file(tmp_path: Path, **values: str) -> str:
    path = tmp_path / "kampung.toml"
    path.write_text(_toml({"secret_key": TEST_SECRET, **values}), encoding="utf-8")
    return str(path)


def _refusal(capsys: pytest.CaptureFixture[str], config: str, *command: str) -> str:
    from core.cli.main import main

    assert main(["--config", config, *command]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("kampung: "), error
    return error


@pytest.mark.usefixtures("shell_without_kampung_settings")
def test_migrate_without_an_owner_url_is_refused_in_one_line(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://kampung_app@{server.host}:{server.port}/kampung{server.suffix}"
    config = _config_file(tmp_path, database_url=url)
    for command in (["migrate"], ["init"], ["db", "setup", "--admin-url", server.admin_url]):
        assert "database_owner_url is not set" in _refusal(capsys, config, *command)


@pytest.mark.usefixtures("shell_without_kampung_settings")
def test_migrating_or_serving_as_the_owner_role_is_refused_in_one_line(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://kampung_owner@{server.host}:{server.port}/kampung{server.suffix}"
    config = _config_file(tmp_path, database_url=url, database_owner_url=url)
    for command in ("migrate", "serve"):
        assert "both connect as role kampung_owner" in _refusal(capsys, config, command)


@pytest.mark.usefixtures("shell_without_kampung_settings")
def test_db_setup_refuses_a_superuser_as_the_app_role(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    superuser = urlsplit(server.admin_url).username or "postgres"
    where = f"{server.host}:{server.port}/kampung{server.suffix}"
    config = _config_file(
        tmp_path,
        database_url=f"postgresql://{superuser}@{where}",
        database_owner_url=f"postgresql://kampung_owner{server.suffix}@{where}",
    )
    error = _refusal(capsys, config, "db", "setup", "--admin-url", server.admin_url)
    assert f"role {superuser} of database_url exists and is a superuser" in error


@pytest.mark.usefixtures("shell_without_kampung_settings")
def test_migrate_refuses_an_app_role_that_does_not_exist(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The owner exists (the server's administrator), the app role does not: nothing migrates."""
    database = f"kampung{server.suffix}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{database}"'))
    try:
        owner = server.admin_url.rsplit("/", 1)[0] + f"/{database}"
        app = f"postgresql://kampung_app{server.suffix}@{server.host}:{server.port}/{database}"
        config = _config_file(tmp_path, database_url=app, database_owner_url=owner)
        error = _refusal(capsys, config, "migrate")
        assert f"role kampung_app{server.suffix} of database_url does not exist" in error
        tables = asyncio.run(_count_tables(owner))
        assert tables == 0
    finally:
        asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))


async def _admin(server: Server, statement: str) -> None:
    connection = await asyncpg.connect(server.admin_url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def _count_tables(url: str) -> int:
    connection = await asyncpg.connect(url)
    try:
        count: int = await connection.fetchval(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        )
    finally:
        await connection.close()
    return count
