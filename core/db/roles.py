"""The two PostgreSQL roles of an instance, and the checks that keep Row-Level Security on.

The owner role owns the tables and runs `kampung migrate`; the app role serves requests. PostgreSQL
lets a table's owner (and a member of the owner role, and a superuser, and a role with BYPASSRLS)
past every policy, so the wall between villages holds only while the app role is none of these.
A set-up that breaks this is refused with one line that says what to change, before anything is
written, rather than discovered as a silently open database.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from piccolo.engine.base import Engine

from core.config import ConfigError

DEFAULT_ROLE = "postgres"
"""The role a PostgreSQL URL without a user name connects as (the engine's default too)."""


class RoleSetupError(ConfigError):
    """The database roles would let the app role past Row-Level Security, or cannot be used.

    A configuration error: the command line reports it in one line and exits 2."""


@dataclass(frozen=True, slots=True)
class PostgresTarget:
    """What a `postgresql://` URL names: the server, the database and the role."""

    host: str
    port: int
    database: str
    role: str
    password: str | None

    @classmethod
    def parse(cls, url: str) -> PostgresTarget:
        parsed = urlparse(url)
        return cls(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or 5432,
            database=unquote(parsed.path.lstrip("/")) or "kampung",
            role=unquote(parsed.username or DEFAULT_ROLE),
            password=unquote(parsed.password) if parsed.password else None,
        )


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def separate_roles(app_url: str, owner_url: str | None) -> tuple[PostgresTarget, PostgresTarget]:
    """The app's and the owner's targets, refused unless they are two roles on one database."""
    if owner_url is None:
        raise RoleSetupError(
            "database: database_owner_url is not set; on PostgreSQL the tables belong to an owner "
            "role and the app role of database_url must not own them (see docs/operations.md)"
        )
    app, owner = PostgresTarget.parse(app_url), PostgresTarget.parse(owner_url)
    if app.role == owner.role:
        raise RoleSetupError(
            f"database: database_url and database_owner_url both connect as role {app.role}; "
            "the app role must not own the tables, or Row-Level Security does not apply to it "
            "(kampung db setup creates the two roles)"
        )
    if (app.host, app.port, app.database) != (owner.host, owner.port, owner.database):
        raise RoleSetupError(
            f"database: database_url names {app.host}:{app.port}/{app.database} but "
            f"database_owner_url names {owner.host}:{owner.port}/{owner.database}; "
            "both must name the same database"
        )
    return app, owner


async def check_app_role(owner: Engine, app_role: str) -> None:
    """Refuse an app role that does not exist or that PostgreSQL would let past the policies."""
    rows = await owner.run_ddl(
        "SELECT r.rolsuper, r.rolbypassrls, current_user AS owner, "
        "pg_has_role(r.rolname, current_user, 'USAGE') AS owns "
        f"FROM pg_roles r WHERE r.rolname = {quote_literal(app_role)}"
    )
    if not rows:
        raise RoleSetupError(
            f"database: role {app_role} of database_url does not exist "
            "(kampung db setup creates it)"
        )
    row = rows[0]
    if row["rolsuper"] or row["rolbypassrls"]:
        raise RoleSetupError(
            f"database: role {app_role} of database_url is a superuser or has BYPASSRLS, "
            f"so Row-Level Security does not apply to it; use a role without them "
            f"(ALTER ROLE {quote_identifier(app_role)} NOSUPERUSER NOBYPASSRLS)"
        )
    if row["owns"]:
        raise RoleSetupError(
            f"database: role {app_role} of database_url is the owner role {row['owner']} "
            "or a member of it, so Row-Level Security does not apply to it; the app role must "
            "be a role of its own"
        )
    owned = await owner.run_ddl(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        f"AND tableowner = {quote_literal(app_role)} ORDER BY tablename LIMIT 1"
    )
    if owned:
        raise RoleSetupError(
            f"database: role {app_role} of database_url owns table {owned[0]['tablename']}, "
            "so Row-Level Security does not apply to it; give the tables to the owner role "
            f"(REASSIGN OWNED BY {quote_identifier(app_role)} TO {quote_identifier(row['owner'])})"
        )


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """A string literal for statements that take no parameters (CREATE ROLE … PASSWORD)."""
    return "'" + text.replace("'", "''") + "'"
