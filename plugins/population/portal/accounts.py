"""Citizen accounts: a 6-digit PIN per resident, issued at the village office and hashed.

The operator hands the PIN over once (it is shown on screen and stored only as an argon2id hash);
the citizen must choose their own at the first sign-in, so nobody at the office knows it. A reset
ends every session of the citizen; a change ends every other one, and a voluntary change (not the
one forced after an operator's PIN) needs the current PIN, so a forgotten open session cannot be
used to lock the citizen out.
"""

from __future__ import annotations

import datetime as dt
import secrets
from itertools import pairwise
from typing import Any

from core.auth.passwords import hash_password, verify_password
from core.auth.sessions import end_citizen_sessions
from core.i18n import _
from core.kernel import Kernel
from plugins.population.tables import CitizenAccount, Resident

__all__ = [
    "PinInvalid",
    "change_pin",
    "check_new_pin",
    "citizen_ref",
    "find_account",
    "issue_pin",
    "set_pin",
    "weak_pin",
]

PIN_LENGTH = 6


class PinInvalid(ValueError):
    """The chosen PIN is unusable; ``errors`` by field, in Indonesian."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def citizen_ref(village_code: str, resident_id: int) -> str:
    """How a session names the citizen it belongs to."""
    return f"{village_code}:{resident_id}"


def weak_pin(pin: str) -> bool:
    """Every digit the same, or a run up or down (123456, 987654): guessed first."""
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in pairwise(digits)}
    return len(set(pin)) == 1 or steps in ({1}, {-1})


async def issue_pin(
    kernel: Kernel, village_code: str, resident: dict[str, Any], actor: str, now: dt.datetime
) -> str:
    """A fresh PIN for ``resident`` (a new account, or a reset of theirs); shown once."""
    pin = f"{secrets.randbelow(10**PIN_LENGTH):0{PIN_LENGTH}d}"
    await set_pin(kernel, village_code, resident, pin, actor, now, must_change=True)
    return pin


async def set_pin(
    kernel: Kernel,
    village_code: str,
    resident: dict[str, Any],
    pin: str,
    actor: str,
    now: dt.datetime,
    *,
    must_change: bool,
) -> None:
    """Open or reset ``resident``'s account with ``pin``; every session of theirs ends.

    `must_change` is False only where nobody was handed the PIN at a desk (the demo's citizen).
    """
    pin_hash = await hash_password(pin)
    existing = await find_account(village_code, resident["id"])
    if existing:
        await CitizenAccount.update(
            {
                CitizenAccount.pin_hash: pin_hash,
                CitizenAccount.must_change_pin: must_change,
                CitizenAccount.active: True,
                CitizenAccount.nik: resident["nik"],
            }
        ).where(CitizenAccount.id == existing["id"])
    else:
        await CitizenAccount.insert(
            CitizenAccount(
                village_code=village_code,
                resident=resident["id"],
                nik=resident["nik"],
                pin_hash=pin_hash,
                must_change_pin=must_change,
                active=True,
                created_at=now,
            )
        )
    await end_citizen_sessions(citizen_ref(village_code, resident["id"]))
    await kernel.audit(
        village_code,
        actor=actor,
        action="reset" if existing else "create",
        entity="citizen_account",
        entity_id=resident["id"],
        after={"must_change_pin": must_change},
    )


async def find_account(village_code: str, resident_id: int) -> dict[str, Any] | None:
    return (
        await CitizenAccount.select()
        .where(
            (CitizenAccount.village_code == village_code) & (CitizenAccount.resident == resident_id)
        )
        .first()
    )


async def sign_in_account(nik: str) -> dict[str, Any] | None:
    """The live account for ``nik`` whose resident is still alive and living here, if any."""
    return (
        await CitizenAccount.select(
            CitizenAccount.id,
            CitizenAccount.village_code,
            CitizenAccount.resident,
            CitizenAccount.pin_hash,
            CitizenAccount.must_change_pin,
        )
        .where(
            (CitizenAccount.nik == nik)
            & (CitizenAccount.active == True)  # noqa: E712
            & (CitizenAccount.resident.status == 1)
        )
        .first()
    )


async def check_new_pin(account: dict[str, Any], current: str, pin: str, confirm: str) -> None:
    """`current` is asked for unless the PIN was just issued by an operator (the session was
    opened with it a moment ago, and a reset ended every older one)."""
    errors: dict[str, str] = {}
    voluntary = not account["must_change_pin"]
    if voluntary and not await verify_password(account["pin_hash"], current):
        errors["current_pin"] = _("PIN saat ini salah.")
    elif len(pin) != PIN_LENGTH or not pin.isdigit():
        errors["pin"] = _("PIN baru harus 6 digit angka.")
    elif weak_pin(pin):
        errors["pin"] = _("PIN baru terlalu mudah ditebak (angka sama atau berurutan).")
    elif await verify_password(account["pin_hash"], pin):
        errors["pin"] = (
            _("PIN baru harus berbeda dari PIN sekarang.")
            if voluntary
            else _("PIN baru harus berbeda dari PIN yang diberikan petugas.")
        )
    if not errors and confirm != pin:
        errors["pin_confirm"] = _("Ulangi PIN baru tidak sama.")
    if errors:
        raise PinInvalid(errors)


async def change_pin(
    kernel: Kernel, account: dict[str, Any], pin: str, actor: str, *, session_id: int
) -> None:
    """Every session of the citizen but `session_id` (the one changing) ends."""
    await CitizenAccount.update(
        {CitizenAccount.pin_hash: await hash_password(pin), CitizenAccount.must_change_pin: False}
    ).where(
        (CitizenAccount.id == account["id"])
        & (CitizenAccount.village_code == account["village_code"])
    )
    await end_citizen_sessions(
        citizen_ref(account["village_code"], account["resident"]), keep=session_id
    )
    await kernel.audit(
        account["village_code"],
        actor=actor,
        action="update",
        entity="citizen_account",
        entity_id=account["resident"],
        after={"pin_changed": True},
    )


async def resident_by_nik(village_code: str, nik: str) -> dict[str, Any] | None:
    return (
        await Resident.select(Resident.id, Resident.nik, Resident.name, Resident.status)
        .where((Resident.village_code == village_code) & (Resident.nik == nik))
        .first()
    )
