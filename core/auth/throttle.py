"""Throttle sign-in guessing per account and per client address.

Failed attempts are rows in the database, so every worker process sees the same counts. The
answer is the same whether or not the account exists.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.auth.tables import LoginAttempt
from core.config import Settings


def account_key(kind: str, identifier: str) -> str:
    return f"{kind}:{identifier.strip().lower()}"


def address_key(address: str) -> str:
    return f"addr:{address}"


async def is_throttled(settings: Settings, keys: dict[str, int], now: datetime) -> bool:
    """True when any key has reached its limit of failures within the window."""
    since = now - timedelta(minutes=settings.login_window_minutes)
    for key, limit in keys.items():
        failures = await LoginAttempt.count().where(
            (LoginAttempt.key == key) & (LoginAttempt.attempted_at > since)
        )
        if failures >= limit:
            return True
    return False


async def record_failure(keys: list[str], now: datetime) -> None:
    await LoginAttempt.insert(*(LoginAttempt(key=key, attempted_at=now) for key in keys))


async def clear_failures(key: str) -> None:
    await LoginAttempt.delete().where(LoginAttempt.key == key)
