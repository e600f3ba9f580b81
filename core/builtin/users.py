"""Managing staff accounts: an admin creates, disables and resets the passwords of users only
within their own scope. A password an admin sets must be changed by its owner at sign-in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from litestar.exceptions import NotFoundException

from core.auth.accounts import place_names, reset_password
from core.auth.password_policy import WeakPassword, check_password
from core.auth.passwords import hash_password
from core.auth.principal import Principal, role_label
from core.auth.roles import ROLES, SCOPE_DEPTH
from core.auth.sessions import end_user_sessions
from core.auth.tables import RoleGrant, User
from core.i18n import _
from core.tenancy.context import Tenant

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


class UserFormError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    username: str
    display_name: str
    active: bool
    roles: str


def roles_for(tenant: Tenant) -> list[str]:
    """Roles an admin may grant here: those whose level matches the tenant's."""
    depth = len(tenant.code.split("."))
    return [name for name, role in ROLES.items() if SCOPE_DEPTH[role.level] == depth]


async def create_user(tenant: Tenant, admin: Principal, values: dict[str, str]) -> int:
    errors: dict[str, str] = {}
    username = values.get("username", "").lower()
    if not USERNAME.match(username):
        errors["username"] = _("Nama pengguna 3-64 karakter: huruf kecil, angka, titik, - atau _.")
    elif await User.exists().where(User.username == username):
        errors["username"] = _("Nama pengguna sudah dipakai.")
    if not values.get("display_name"):
        errors["display_name"] = _("Nama lengkap wajib diisi.")
    if values.get("role") not in roles_for(tenant):
        errors["role"] = _("Peran harus salah satu dari: {roles}.").format(
            roles=", ".join(roles_for(tenant))
        )
    try:
        names = [tenant.name, *await place_names([tenant.code])]
        check_password(values.get("password", ""), username=username, place_names=names)
    except WeakPassword as exc:
        errors["password"] = str(exc)
    if not admin.can_enter(tenant):
        errors["role"] = _("Anda tidak berwenang di wilayah ini.")
    if errors:
        raise UserFormError(errors)
    rows = await User.insert(
        User(
            username=username,
            display_name=values["display_name"],
            password_hash=await hash_password(values["password"]),
            active=True,
            created_at=datetime.now(UTC),
            must_change_password=True,
        )
    ).returning(User.id)
    user_id = int(rows[0]["id"])
    await RoleGrant.insert(RoleGrant(user=user_id, role=values["role"], scope_code=tenant.code))
    return user_id


async def users_in_scope(scope_code: str) -> list[UserRow]:
    grants = await RoleGrant.select(RoleGrant.user, RoleGrant.role, RoleGrant.scope_code).where(
        (RoleGrant.scope_code == scope_code) | (RoleGrant.scope_code.like(scope_code + ".%"))
    )
    by_user: dict[int, list[str]] = {}
    for grant in grants:
        label = role_label(grant["role"])
        by_user.setdefault(grant["user"], []).append(f"{label} ({grant['scope_code']})")
    if not by_user:
        return []
    users = await User.select().where(User.id.is_in(list(by_user))).order_by(User.username)
    return [
        UserRow(u["id"], u["username"], u["display_name"], u["active"], ", ".join(by_user[u["id"]]))
        for u in users
    ]


async def _check_in_scope(tenant: Tenant, user_id: int) -> None:
    """An admin manages only users whose every grant lies inside their scope; others are 404."""
    grants = await RoleGrant.select(RoleGrant.scope_code).where(RoleGrant.user == user_id)
    if not grants or not all(tenant.covers(g["scope_code"]) for g in grants):
        raise NotFoundException()


async def set_user_active(tenant: Tenant, user_id: int, active: bool) -> None:
    """Disabling ends the user's sessions."""
    await _check_in_scope(tenant, user_id)
    await User.update({User.active: active}).where(User.id == user_id)
    if not active:
        await end_user_sessions(user_id)


async def reset_user_password(tenant: Tenant, user_id: int) -> tuple[str, str]:
    """`(username, temporary password)`: shown once to the admin, changed by the owner at the
    next sign-in; the user's sessions end now."""
    await _check_in_scope(tenant, user_id)
    user = await User.select(User.username).where(User.id == user_id).first()
    if user is None:
        raise NotFoundException()
    return user["username"], await reset_password(user_id)
