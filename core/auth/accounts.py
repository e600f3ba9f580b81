"""Staff accounts and their passwords: create, disable, change, reset.

Every password a person chooses passes `core.auth.password_policy`. A password an admin set (a
new account made by someone else, or a reset) must be changed by its owner at the next sign-in,
and any change of password ends the account's other sessions.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from core.auth.password_policy import WeakPassword, check_password
from core.auth.passwords import hash_password, verify_password
from core.auth.roles import check_grant
from core.auth.sessions import end_user_sessions
from core.auth.tables import RoleGrant, User
from core.db.jsonvalue import json_dict
from core.i18n import _
from core.tenancy.tables import Village

TEMPORARY_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMPORARY_PASSWORD_LENGTH = 16


class AccountError(ValueError):
    """The account cannot be created or changed; the message says why."""


async def place_names(scope_codes: list[str]) -> list[str]:
    """Names of the villages among these scopes, as the policy compares passwords with them."""
    villages = await Village.select(Village.name, Village.settings).where(
        Village.code.is_in(scope_codes or [""])
    )
    names = [row["name"] for row in villages]
    for row in villages:
        display_name = json_dict(row["settings"]).get("display_name")
        if display_name:
            names.append(str(display_name))
    return names


async def create_account(
    username: str,
    display_name: str,
    password: str,
    grants: list[tuple[str, str]],
    *,
    must_change_password: bool = False,
) -> int:
    """A new account whose password passes the policy."""
    for role, scope in grants:
        check_grant(role, scope)
    names = await place_names([scope for _, scope in grants])
    check_password(password, username=username.strip().lower(), place_names=names)
    return await add_account(
        username, display_name, password, grants, must_change_password=must_change_password
    )


async def add_account(
    username: str,
    display_name: str,
    password: str,
    grants: list[tuple[str, str]],
    *,
    must_change_password: bool,
) -> int:
    """Insert an account without judging its password: for the demo, whose password is public
    on purpose (and therefore refused by the policy); everything else calls `create_account`."""
    username = username.strip().lower()
    for role, scope in grants:
        check_grant(role, scope)
    if await User.exists().where(User.username == username):
        raise AccountError(_("nama pengguna {username} sudah dipakai").format(username=username))
    rows = await User.insert(
        User(
            username=username,
            display_name=display_name,
            password_hash=await hash_password(password),
            active=True,
            created_at=datetime.now(UTC),
            must_change_password=must_change_password,
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
        raise AccountError(_("pengguna {username} tidak ada").format(username=username))
    await User.update({User.active: False}).where(User.id == user["id"])
    await end_user_sessions(user["id"])
    return int(user["id"])


class PasswordChangeError(ValueError):
    """A change of one's own password was refused; `errors` by form field, in Indonesian."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


async def change_own_password(
    user_id: int, current: str, new: str, confirm: str, *, session_id: int
) -> None:
    """The owner replaces their password; every session but the one asking ends."""
    user = await User.select().where(User.id == user_id).first()
    if user is None:
        raise AccountError(_("pengguna tidak ada"))
    errors: dict[str, str] = {}
    if not await verify_password(user["password_hash"], current):
        errors["current_password"] = _("Kata sandi saat ini salah.")
    else:
        grants = await RoleGrant.select(RoleGrant.scope_code).where(RoleGrant.user == user_id)
        names = await place_names([g["scope_code"] for g in grants])
        try:
            check_password(new, username=user["username"], place_names=names)
        except WeakPassword as exc:
            errors["password"] = str(exc)
        else:
            if new == current:
                errors["password"] = _("Kata sandi baru harus berbeda dari yang sekarang.")
            elif confirm != new:
                errors["password_confirm"] = _("Ulangi kata sandi baru tidak sama.")
    if errors:
        raise PasswordChangeError(errors)
    await User.update(
        {User.password_hash: await hash_password(new), User.must_change_password: False}
    ).where(User.id == user_id)
    await end_user_sessions(user_id, keep=session_id)


def temporary_password() -> str:
    """A random password for a reset, long and without look-alike characters (read aloud)."""
    return "".join(
        secrets.choice(TEMPORARY_PASSWORD_ALPHABET) for _ in range(TEMPORARY_PASSWORD_LENGTH)
    )


async def reset_password(user_id: int) -> str:
    """A new temporary password, shown once to the admin; the owner must change it at the next
    sign-in, and every session of the account ends now."""
    password = temporary_password()
    await User.update(
        {User.password_hash: await hash_password(password), User.must_change_password: True}
    ).where(User.id == user_id)
    await end_user_sessions(user_id)
    return password
