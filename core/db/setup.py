"""`kampung db setup`: the instance's database and its two roles, on a PostgreSQL server.

Run once by regency IT with an administrator's URL (a superuser, or a role with CREATEROLE and
CREATEDB). It creates, from the names in `database_url` and `database_owner_url`:
- the owner role (LOGIN, so it can run `kampung migrate`), which owns the database and its schema;
- the app role (LOGIN, no superuser, no BYPASSRLS, not a member of the owner role), which may
  connect and use the schema; `kampung migrate` grants it the tables;
- the database, owned by the owner role, closed to every other role.
A password in either URL becomes that role's password. Run again, it changes nothing that is
already right, and refuses (one line) what would let the app role past Row-Level Security.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

import asyncpg

from core.db.roles import (
    PostgresTarget,
    RoleSetupError,
    is_postgres_url,
    quote_identifier,
    quote_literal,
    separate_roles,
)


@dataclass
class SetupReport:
    """What `db setup` did, one line per object, for the command to print."""

    lines: list[str] = field(default_factory=list)


async def set_up_database(admin_url: str, app_url: str, owner_url: str | None) -> SetupReport:
    app, owner = separate_roles(app_url, owner_url)
    report = SetupReport()
    if not is_postgres_url(admin_url):
        raise RoleSetupError(
            "db setup: --admin-url must be a postgresql:// URL of an administrator role"
        )
    maintenance = unquote(urlparse(admin_url).path.lstrip("/")) or "postgres"
    admin = await _connect(admin_url, maintenance)
    try:
        await _refuse_unbound_app_role(admin, app, owner)
        await _owner_role(admin, owner, report)
        await _app_role(admin, app, report)
        await _database(admin, owner, report)
    finally:
        await admin.close()
    inside = await _connect(admin_url, owner.database)
    try:
        await _privileges(inside, app, owner)
    finally:
        await inside.close()
    report.lines.append(
        f"role {app.role} may connect to {owner.database}; kampung migrate grants it the tables"
    )
    return report


async def _connect(admin_url: str, database: str) -> asyncpg.Connection:
    target = PostgresTarget.parse(admin_url)
    try:
        return await asyncpg.connect(
            host=target.host,
            port=target.port,
            user=target.role,
            password=target.password,
            database=database,
        )
    except (OSError, asyncpg.PostgresError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RoleSetupError(
            f"db setup: cannot connect to {target.host}:{target.port}/{database} as "
            f"{target.role} (--admin-url): {reason}"
        ) from None


async def _owner_role(
    admin: asyncpg.Connection, owner: PostgresTarget, report: SetupReport
) -> None:
    if await _role(admin, owner.role) is not None:
        report.lines.append(f"role {owner.role} (owner) exists")
        return
    await admin.execute(f"CREATE ROLE {quote_identifier(owner.role)} LOGIN{_password(owner)}")
    report.lines.append(f"role {owner.role} (owner) created")


async def _refuse_unbound_app_role(
    admin: asyncpg.Connection, app: PostgresTarget, owner: PostgresTarget
) -> None:
    """Before anything is created: an existing app role must be one that RLS binds."""
    existing = await _role(admin, app.role)
    if existing is None:
        return
    if existing["rolsuper"] or existing["rolbypassrls"]:
        raise RoleSetupError(
            f"db setup: role {app.role} of database_url exists and is a superuser or has "
            "BYPASSRLS, so Row-Level Security would not apply to it; name another role in "
            "database_url"
        )
    if await _role(admin, owner.role) is not None and await admin.fetchval(
        "SELECT pg_has_role($1, $2, 'USAGE')", app.role, owner.role
    ):
        raise RoleSetupError(
            f"db setup: role {app.role} of database_url is a member of the owner role "
            f"{owner.role}, so Row-Level Security would not apply to it; name another role"
        )


async def _app_role(admin: asyncpg.Connection, app: PostgresTarget, report: SetupReport) -> None:
    if await _role(admin, app.role) is not None:
        report.lines.append(f"role {app.role} (app) exists")
        return
    await admin.execute(
        f"CREATE ROLE {quote_identifier(app.role)} LOGIN NOSUPERUSER NOBYPASSRLS "
        f"NOCREATEDB NOCREATEROLE{_password(app)}"
    )
    report.lines.append(f"role {app.role} (app) created")


async def _database(admin: asyncpg.Connection, owner: PostgresTarget, report: SetupReport) -> None:
    current = await admin.fetchval(
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", owner.database
    )
    if current is None:
        await admin.execute(
            f"CREATE DATABASE {quote_identifier(owner.database)} "
            f"OWNER {quote_identifier(owner.role)} ENCODING 'UTF8' TEMPLATE template0"
        )
        report.lines.append(f"database {owner.database} created, owned by {owner.role}")
    elif current != owner.role:
        raise RoleSetupError(
            f"db setup: database {owner.database} exists and belongs to {current}, not to the "
            f"owner role {owner.role} of database_owner_url "
            f"(ALTER DATABASE {quote_identifier(owner.database)} "
            f"OWNER TO {quote_identifier(owner.role)})"
        )
    else:
        report.lines.append(f"database {owner.database} exists, owned by {owner.role}")


async def _privileges(
    inside: asyncpg.Connection, app: PostgresTarget, owner: PostgresTarget
) -> None:
    """Only the two roles connect; only the owner creates objects in the schema."""
    database, app_role, owner_role = (
        quote_identifier(owner.database),
        quote_identifier(app.role),
        quote_identifier(owner.role),
    )
    await inside.execute(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    await inside.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {app_role}")
    await inside.execute(f"ALTER SCHEMA public OWNER TO {owner_role}")
    await inside.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    await inside.execute(f"GRANT USAGE ON SCHEMA public TO {app_role}")


async def _role(admin: asyncpg.Connection, name: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await admin.fetchrow(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", name
    )
    return row


def _password(target: PostgresTarget) -> str:
    return f" PASSWORD {quote_literal(target.password)}" if target.password else ""
