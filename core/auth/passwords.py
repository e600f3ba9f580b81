"""argon2id password and PIN hashing, run off the event loop so sign-ins never stall a worker."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.auth.tables import User

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("kampung-timing-equaliser")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(stored_hash: str | None, password: str) -> bool:
    """Checks a password; with no stored hash it still spends the same time (no account oracle)."""
    target = stored_hash or _DUMMY_HASH
    try:
        ok = await asyncio.to_thread(_hasher.verify, target, password)
    except (VerificationError, InvalidHashError):
        return False
    return bool(ok) and stored_hash is not None


async def confirm_user_password(user_id: int, password: str) -> bool:
    """Whether an active account's own password is this one: for actions that ask for it again
    (signing a letter) on a session that may have been left open. A disabled or missing
    account spends the same time and is refused. Throttle the attempts with `core.auth.throttle`.
    """
    row = await User.select(User.password_hash, User.active).where(User.id == user_id).first()
    stored = row["password_hash"] if row and row["active"] else None
    return await verify_password(stored, password)
