"""Creating and disabling staff accounts, for the CLI, the demo and tests."""

from __future__ import annotations

from datetime import UTC, datetime

from core.auth.passwords import check_strength, hash_password
from core.auth.roles import check_grant
from core.auth.sessions import end_user_sessions
from core.auth.tables import RoleGrant, User


class AccountError(ValueError):
    """The account cannot be created or changed; the message says why."""


async def create_account(
    username: str, display_name: str, password: str, grants: list[tuple[str, str]]
) -> int:
    username = username.strip().lower()
    for role, scope in grants:
        check_grant(role, scope)
    check_strength(password)
    if await User.exists().where(User.username == username):
        raise AccountError(f"nama pengguna {username} sudah dipakai")
    rows = await User.insert(
        User(
            username=username,
            display_name=display_name,
            password_hash=await hash_password(password),
            active=True,
            created_at=datetime.now(UTC),
        )
    ).returning(User.id)
    user_id = int(rows[0]["id"])
    if grants:
        await RoleGrant.insert(
            *(RoleGrant(user=user_id, role=role, scope_code=scope) for role, scope in grants)
        )
    return user_id


async def disable_account(username: str) -> int:
    user = await User.select(User.id).where(User.username == username.strip().lower()).first()
    if user is None:
        raise AccountError(f"pengguna {username} tidak ada")
    await User.update({User.active: False}).where(User.id == user["id"])
    await end_user_sessions(user["id"])
    return int(user["id"])
