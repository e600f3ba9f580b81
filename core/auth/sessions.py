"""Server-side sessions: only a random token lives in the cookie; the rest is in the database.

Stored rows let every worker share sessions and let disabling a user end them at once. A new
token is issued at every sign-in (no session fixation); idle and absolute timeouts end it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from litestar import Response

from core.auth.principal import Grant, Principal
from core.auth.tables import RoleGrant, Session, User
from core.config import Settings
from core.db.jsonvalue import json_dict

SESSION_COOKIE = "kampung_session"
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(slots=True)
class SessionState:
    """The session of the current request."""

    id: int
    principal: Principal | None
    citizen_ref: str | None
    data: dict[str, Any] = field(default_factory=dict)
    touch_due: bool = False
    """`last_seen_at` is old enough to be moved on when the request's transaction ends."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_session(
    now: datetime, *, user_id: int | None = None, citizen_ref: str | None = None
) -> str:
    """Create a session and return the token for the cookie."""
    token = secrets.token_urlsafe(32)
    await Session.insert(
        Session(
            token_hash=_digest(token),
            user=user_id,
            citizen_ref=citizen_ref,
            csrf_token=secrets.token_hex(16),
            created_at=now,
            last_seen_at=now,
            data={},
        )
    )
    return token


SESSION_WITH_GRANTS = (
    'SELECT s.id, s."user" AS user_id, s.citizen_ref, s.data, s.created_at, s.last_seen_at, '
    "u.username, u.display_name, u.active, u.must_change_password, g.role, g.scope_code "
    'FROM core_session s LEFT JOIN core_user u ON u.id = s."user" '
    'LEFT JOIN core_role_grant g ON g."user" = s."user" '
    "WHERE s.token_hash = {} ORDER BY g.id"
)
"""The session, its user and the user's grants in one round trip: every page reads them first."""


async def load_session(token: str | None, settings: Settings, now: datetime) -> SessionState | None:
    """The live session behind a cookie token; expired or disabled ones are deleted."""
    if not token:
        return None
    rows = await Session.raw(SESSION_WITH_GRANTS, _digest(token))
    if not rows:
        return None
    row = rows[0]
    last_seen, created = as_moment(row["last_seen_at"]), as_moment(row["created_at"])
    idle_limit = last_seen + timedelta(minutes=settings.session_idle_minutes)
    absolute_limit = created + timedelta(hours=settings.session_absolute_hours)
    if now >= idle_limit or now >= absolute_limit:
        await Session.delete().where(Session.id == row["id"])
        return None
    principal = None
    if row["user_id"] is not None:
        if not row["active"]:
            await Session.delete().where(Session.id == row["id"])
            return None
        principal = Principal(
            user_id=row["user_id"],
            username=row["username"],
            display_name=row["display_name"],
            must_change_password=bool(row["must_change_password"]),
            grants=tuple(Grant(r["role"], r["scope_code"]) for r in rows if r["role"] is not None),
        )
    return SessionState(
        id=row["id"],
        principal=principal,
        citizen_ref=row["citizen_ref"],
        data=json_dict(row["data"]),
        touch_due=now - last_seen >= TOUCH_EVERY,
    )


def as_moment(value: datetime | str) -> datetime:
    """A timestamp of a raw query: SQLite hands back the stored text, PostgreSQL a datetime."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


async def touch_session(session: SessionState, now: datetime) -> None:
    """Move `last_seen_at` on, as the last write of the request's transaction.

    Last, so the session row is locked after anything else the request locks (an audit chain):
    two requests of one browser (a double click) that took the two in opposite orders would
    deadlock, one touching the row first and waiting for the chain, the other appending to the
    chain and then waiting for the row to save a flash message.
    """
    if session.touch_due:
        await Session.update({Session.last_seen_at: now}).where(Session.id == session.id)


async def load_principal(user_id: int) -> Principal | None:
    user = await User.select().where((User.id == user_id) & (User.active == True)).first()  # noqa: E712
    if user is None:
        return None
    grants = await RoleGrant.select(RoleGrant.role, RoleGrant.scope_code).where(
        RoleGrant.user == user_id
    )
    return Principal(
        user_id=user["id"],
        username=user["username"],
        display_name=user["display_name"],
        must_change_password=bool(user["must_change_password"]),
        grants=tuple(Grant(g["role"], g["scope_code"]) for g in grants),
    )


async def save_session_data(session: SessionState) -> None:
    await Session.update({Session.data: session.data}).where(Session.id == session.id)


async def end_session(token: str | None) -> None:
    if token:
        await Session.delete().where(Session.token_hash == _digest(token))


async def end_user_sessions(user_id: int, *, keep: int | None = None) -> None:
    """End every session of a user, on every worker (disabled, or their password changed).

    `keep` is the session that changed its own password: it stays, every other one ends.
    """
    query = Session.delete().where(Session.user == user_id)
    if keep is not None:
        query = query.where(Session.id != keep)
    await query


async def end_citizen_sessions(citizen_ref: str, *, keep: int | None = None) -> None:
    """End every session of a citizen (their PIN was reset or changed), except `keep`."""
    query = Session.delete().where(Session.citizen_ref == citizen_ref)
    if keep is not None:
        query = query.where(Session.id != keep)
    await query


def set_session_cookie(response: Response[Any], token: str, settings: Settings) -> None:
    """The cookie that carries only the session token: not readable by scripts, same-site."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
