"""Throttle sign-in guessing so that nobody can be locked out by a stranger.

After OWASP's "slow brute force, no lockout" advice, an attempt is counted against keys that
depend on who asks:

- a browser holding a device cookie for this account (it signed in as it before) is counted
  only against that cookie: an attacker hammering the account elsewhere never reaches it;
- any other browser is counted against the account from its address (the per-account limit),
  the account from any address (a larger limit: a slower, global back-off), and its address.

An attempt is *reserved* before the password is checked, by one conditional upsert per key that
locks the key's row: parallel guesses queue on it, and once a key is full no further guess is
evaluated. Rows live in the database, so every worker process shares the counts. The answer is
the same whether or not the account exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.auth.tables import LoginCounter
from core.config import Settings

GLOBAL_FACTOR = 10
"""The account's limit from all untrusted browsers together is this many per-address limits."""

_TAKE = """
INSERT INTO core_login_counter (key, window_started, attempts) VALUES ({}, {}, 1)
ON CONFLICT (key) DO UPDATE SET
    attempts = CASE WHEN core_login_counter.window_started <= {} THEN 1
                    ELSE core_login_counter.attempts + 1 END,
    window_started = CASE WHEN core_login_counter.window_started <= {} THEN {}
                          ELSE core_login_counter.window_started END
WHERE core_login_counter.window_started <= {} OR core_login_counter.attempts < {}
RETURNING attempts
"""


@dataclass(frozen=True, slots=True)
class Reservation:
    """An attempt counted before its password is checked."""

    allowed: bool
    """False: a key is full, the password must not be checked."""
    taken: tuple[str, ...]
    """The keys this attempt was counted against."""
    own_key: str
    """The key of this browser (its device, or the account from its address)."""


async def reserve_attempt(
    settings: Settings,
    now: datetime,
    *,
    kind: str,
    identifier: str,
    address: str,
    trusted_device: str | None,
) -> Reservation:
    """Count one attempt against every key of this browser, or against none when one is full.

    `trusted_device` is the nonce of a valid device cookie for this very account, if any. Keys
    are locked in sorted order, so two attempts never wait for each other's rows.
    """
    account = f"{kind}:{identifier.strip().lower()}"
    per_account = settings.login_attempts_per_account
    if trusted_device is not None:
        own_key = f"device:{trusted_device}"
        keys = {own_key: per_account}
    else:
        own_key = f"acct:{account}@{address}"
        keys = {
            own_key: per_account,
            f"acct:{account}": per_account * GLOBAL_FACTOR,
            f"addr:{address}": settings.login_attempts_per_address,
        }
    stamp = int(now.timestamp())
    since = stamp - settings.login_window_minutes * 60
    taken: list[str] = []
    for key, limit in sorted(keys.items()):
        rows = await LoginCounter.raw(_TAKE, key, stamp, since, since, stamp, since, limit)
        if not rows:
            await _give_back(taken)
            return Reservation(allowed=False, taken=(), own_key=own_key)
        taken.append(key)
    return Reservation(allowed=True, taken=tuple(taken), own_key=own_key)


async def forgive(reservation: Reservation) -> None:
    """The attempt succeeded: this browser starts afresh; shared keys lose only this attempt."""
    await LoginCounter.delete().where(LoginCounter.key == reservation.own_key)
    await _give_back([key for key in reservation.taken if key != reservation.own_key])


async def _give_back(keys: list[str]) -> None:
    if keys:
        await LoginCounter.update({LoginCounter.attempts: LoginCounter.attempts - 1}).where(
            LoginCounter.key.is_in(keys) & (LoginCounter.attempts > 0)
        )
