"""API tokens: credentials for machine clients (a regency dashboard, Dinsos, a district system).

A token is `kpg_<id>_<secret>`: the id finds the row, the 32-byte random secret proves it. Only
the secret's SHA-256 is stored. A slow password hash (argon2) protects low-entropy secrets
against guessing; a 256-bit random secret cannot be guessed, so a fast hash loses nothing and
keeps every API call cheap. The digests are compared in constant time.

A token holds a scope (a village, district or regency code) and a set of declared permissions,
each of which its creator held in that scope when creating it and must still hold when it is
used: a token never does more than the admin who made it. It expires (at most a year) and can be
revoked. It authenticates only the JSON API (`Authorization: Bearer`), never a page, and acts as
the principal `token:<id>`, so the audit trail names it.

The table has no `village_code` column on purpose: Row-Level Security would then hide every
token from the request that looks one up, which happens before any tenant scope is set.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from piccolo.columns import JSON, ForeignKey, Serial, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from core.auth.principal import Grant, Principal
from core.auth.sessions import load_principal
from core.auth.tables import User
from core.i18n import N_
from core.plugins.contributions import Permission
from core.tenancy.tables import District, Village

PREFIX = "kpg"
MAX_LIFETIME = timedelta(days=366)
"""The longest a token may live: a year (and the leap day)."""
NAME_MAX = 120
_SHAPE = re.compile(r"kpg_(\d{1,10})_([A-Za-z0-9_-]{43})")


class ApiToken(Table, tablename="core_api_token"):
    """A machine client's credential; `secret_hash` is the SHA-256 of the secret, hex."""

    id: Serial
    name = Varchar(length=NAME_MAX)
    scope_code = Varchar(length=13, index=True)
    permissions = JSON(default="[]")
    secret_hash = Varchar(length=64)
    created_by = ForeignKey(User, on_delete=OnDelete.cascade, index=True)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    revoked_by = Varchar(length=120, null=True, default=None)


class TokenError(ValueError):
    """A token cannot be created or revoked as asked: the field at fault and why.

    `str()` is the Indonesian sentence (the command line prints it); pages translate `msgid`
    and fill in `params` in the reader's language.
    """

    def __init__(self, field: str, msgid: str, **params: object) -> None:
        self.field = field
        self.msgid = msgid
        self.params = params
        super().__init__(msgid.format(**params))


@dataclass(frozen=True, slots=True)
class IssuedToken:
    id: int
    secret: str
    """The whole `kpg_<id>_<secret>` string: shown once, never stored."""


def actor_name(token_id: int) -> str:
    """How the audit trail and every step history name the token."""
    return f"token:{token_id}"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def held_permissions(
    principal: Principal, scope_code: str, permissions: Mapping[str, Permission]
) -> set[str]:
    """The declared permissions `principal` holds everywhere in `scope_code`."""
    roles = {grant.role for grant in principal.grants if grant.covers(scope_code)}
    return {name for name, p in permissions.items() if roles & set(p.default_roles)}


def json_list(value: object) -> list[str]:
    """JSON columns come back as text on SQLite."""
    loaded = json.loads(value) if isinstance(value, str) else value
    return [str(item) for item in loaded] if isinstance(loaded, list) else []


def _within(code: str, scope_code: str) -> bool:
    return code == scope_code or code.startswith(scope_code + ".")


async def scope_exists(scope_code: str, regency_code: str) -> bool:
    if scope_code == regency_code:
        return True
    if not scope_code.startswith(regency_code + "."):
        return False
    if scope_code.count(".") == 2:
        return await District.exists().where(District.code == scope_code)
    return await Village.exists().where(Village.code == scope_code)


async def create_token(
    creator: Principal,
    *,
    name: str,
    scope_code: str,
    wanted: Iterable[str],
    expires_at: datetime | None,
    now: datetime,
    permissions: Mapping[str, Permission],
    regency_code: str,
) -> IssuedToken:
    """Store a new token for `creator`; raise `TokenError` naming what is wrong."""
    name = " ".join(name.split())
    chosen = sorted(set(wanted))
    if not name or len(name) > NAME_MAX:
        raise TokenError(
            "name", N_("Nama token wajib diisi (paling banyak {limit} karakter)."), limit=NAME_MAX
        )
    if not await scope_exists(scope_code, regency_code):
        raise TokenError(
            "scope",
            N_("Wilayah {scope} tidak ada di kabupaten {regency}."),
            scope=scope_code,
            regency=regency_code,
        )
    if not chosen:
        raise TokenError("permissions", N_("Pilih paling sedikit satu izin untuk token."))
    unknown = [p for p in chosen if p not in permissions]
    if unknown:
        raise TokenError(
            "permissions", N_("Izin tidak dikenal: {names}."), names=", ".join(unknown)
        )
    beyond = [p for p in chosen if p not in held_permissions(creator, scope_code, permissions)]
    if beyond:
        raise TokenError(
            "permissions",
            N_("Anda tidak memegang izin ini di wilayah {scope}: {names}."),
            scope=scope_code,
            names=", ".join(beyond),
        )
    if expires_at is None:
        raise TokenError("expires", N_("Tanggal kedaluwarsa wajib diisi."))
    if expires_at <= now or expires_at > now + MAX_LIFETIME:
        raise TokenError(
            "expires",
            N_("Tanggal kedaluwarsa harus setelah hari ini dan paling lama satu tahun lagi."),
        )
    secret = secrets.token_urlsafe(32)
    rows = await ApiToken.insert(
        ApiToken(
            name=name,
            scope_code=scope_code,
            permissions=chosen,
            secret_hash=digest(secret),
            created_by=creator.user_id,
            created_at=now,
            expires_at=expires_at,
        )
    ).returning(ApiToken.id)
    token_id = int(rows[0]["id"])
    return IssuedToken(token_id, f"{PREFIX}_{token_id}_{secret}")


async def revoke_token(token_id: int, actor: str, now: datetime, within: str) -> dict[str, str]:
    """Revoke a live token inside the scope `within`; return what the audit entry records."""
    row = await ApiToken.select().where(ApiToken.id == token_id).first()
    if row is None or not _within(row["scope_code"], within):
        raise TokenError("token", N_("Token {id} tidak ada."), id=token_id)
    if row["revoked_at"] is not None:
        raise TokenError("token", N_("Token {id} sudah dicabut."), id=token_id)
    await ApiToken.update({ApiToken.revoked_at: now, ApiToken.revoked_by: actor}).where(
        ApiToken.id == token_id
    )
    return {"name": row["name"], "scope": row["scope_code"]}


async def authenticate(
    presented: str, now: datetime, permissions: Mapping[str, Permission]
) -> Principal | None:
    """The principal a presented token acts as, or None when it is not a live token."""
    shape = _SHAPE.fullmatch(presented.strip())
    if shape is None:
        return None
    token_id = int(shape.group(1))
    row = await ApiToken.select().where(ApiToken.id == token_id).first()
    if row is None or not hmac.compare_digest(row["secret_hash"], digest(shape.group(2))):
        return None
    if row["revoked_at"] is not None or now >= row["expires_at"]:
        return None
    creator = await load_principal(row["created_by"])
    if creator is None:
        return None
    still_held = held_permissions(creator, row["scope_code"], permissions)
    return Principal(
        user_id=creator.user_id,
        username=actor_name(token_id),
        display_name=row["name"],
        grants=(Grant("api_token", row["scope_code"]),),
        token_permissions=frozenset(set(json_list(row["permissions"])) & still_held),
    )


def bearer(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The token of an `Authorization: Bearer` header, if the request carries one."""
    for key, value in headers:
        if key == b"authorization":
            scheme, _, credentials = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer":
                return credentials
    return None


async def tokens_in_scope(scope_code: str) -> list[dict[str, object]]:
    """Every token created inside `scope_code`, newest first (never a secret or its hash)."""
    rows = await (
        ApiToken.select(
            ApiToken.id,
            ApiToken.name,
            ApiToken.scope_code,
            ApiToken.permissions,
            ApiToken.created_by.username.as_alias("created_by"),
            ApiToken.created_at,
            ApiToken.expires_at,
            ApiToken.revoked_at,
        )
        .where((ApiToken.scope_code == scope_code) | ApiToken.scope_code.like(scope_code + ".%"))
        .order_by(ApiToken.id, ascending=False)
    )
    return [{**row, "permissions": json_list(row["permissions"])} for row in rows]
