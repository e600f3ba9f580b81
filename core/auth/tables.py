"""Accounts, their role grants, server-side sessions and sign-in attempts."""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    BigInt,
    Boolean,
    ForeignKey,
    Integer,
    Serial,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete
from piccolo.table import Table


class User(Table, tablename="core_user"):
    """A staff account (regency, district or village); citizens sign in with their NIK."""

    id: Serial  # Piccolo adds the primary key; declared so type checkers know it
    username = Varchar(length=64, unique=True, index=True)
    display_name = Varchar(length=120)
    password_hash = Varchar(length=200)
    active = Boolean(default=True)
    created_at = Timestamptz()
    must_change_password = Boolean(default=False)
    """The password was set by an admin (a new account or a reset): only its owner may know it,
    so every page waits until they choose their own."""


class RoleGrant(Table, tablename="core_role_grant"):
    """A role held within a scope: a region code (regency, district or village)."""

    user = ForeignKey(User, on_delete=OnDelete.cascade, index=True)
    role = Varchar(length=40)
    scope_code = Varchar(length=13, index=True)


class Session(Table, tablename="core_session"):
    """A signed-in browser; stored here so every worker process shares it."""

    id: Serial
    token_hash = Varchar(length=64, unique=True, index=True)
    user = ForeignKey(User, on_delete=OnDelete.cascade, null=True, index=True)
    citizen_ref = Varchar(length=64, null=True, default=None)
    csrf_token = Varchar(length=64)
    created_at = Timestamptz()
    last_seen_at = Timestamptz()
    data = JSON(default="{}")


class LoginCounter(Table, tablename="core_login_counter"):
    """Sign-in attempts of one throttle key (a device, an account from an address, an account, an
    address) in the window that began at `window_started` (Unix seconds).

    One row per key, counted up by a single conditional upsert, so parallel guesses cannot all
    read "below the limit" before any of them is written.
    """

    key = Varchar(length=200, unique=True)
    window_started = BigInt(default=0)
    attempts = Integer(default=0)


class IdempotencyRecord(Table, tablename="core_idempotency"):
    """The outcome of a write, so a retried or double-clicked request repeats it, not the write."""

    key = Varchar(length=100, unique=True, index=True)
    user_ref = Varchar(length=64)
    status_code = Integer()
    location = Varchar(length=500, null=True, default=None)
    body = JSON(default="null")
    created_at = Timestamptz()
