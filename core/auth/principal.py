"""Who is asking, and what they may do in the tenant of the request."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.auth.roles import ROLES
from core.auth.tables import User
from core.i18n import _
from core.plugins.contributions import Permission
from core.tenancy.context import Tenant


@dataclass(frozen=True, slots=True)
class Grant:
    role: str
    scope_code: str

    def covers(self, code: str) -> bool:
        return code == self.scope_code or code.startswith(self.scope_code + ".")


@dataclass(frozen=True, slots=True)
class Principal:
    """A signed-in staff user and their grants."""

    user_id: int
    username: str
    display_name: str
    grants: tuple[Grant, ...]
    must_change_password: bool = False
    """An admin set the password; nothing but choosing a new one is allowed until then."""
    token_permissions: frozenset[str] | None = None
    """For a request made with an API token: the permissions the token still has, which replace
    the roles' (`core.auth.tokens`). One class for both, so a handler's injected `principal:
    Principal` is exactly that type whoever calls."""

    def roles_in(self, tenant: Tenant) -> set[str]:
        return {grant.role for grant in self.grants if grant.covers(tenant.code)}

    def can_enter(self, tenant: Tenant) -> bool:
        return bool(self.roles_in(tenant))

    def holds(self, tenant: Tenant, declared: Permission) -> bool:
        """Whether one of the roles held in this tenant is granted the permission (a token: the
        token was given it)."""
        if self.token_permissions is not None:
            return self.can_enter(tenant) and declared.name in self.token_permissions
        return bool(self.roles_in(tenant) & set(declared.default_roles))

    def role_labels(self) -> list[str]:
        return [f"{role_label(g.role)} ({g.scope_code})" for g in self.grants if g.role in ROLES]

    def home_url(self, resolve_slug: Mapping[str, str]) -> str:
        """Where to land after sign-in: the widest scope the user holds."""
        widest = min(self.grants, key=lambda grant: len(grant.scope_code), default=None)
        if widest is None:
            return "/"
        depth = len(widest.scope_code.split("."))
        if depth == 2:
            return "/kabupaten"
        prefix = "kecamatan" if depth == 3 else "desa"
        slug = resolve_slug.get(widest.scope_code)
        return f"/{prefix}/{slug}" if slug else "/"


def has_permission(
    principal: Principal | None,
    tenant: Tenant | None,
    permission: str,
    permissions: Mapping[str, Permission],
) -> bool:
    """True when one of the principal's roles in this tenant holds the permission."""
    if principal is None or tenant is None:
        return False
    declared = permissions.get(permission)
    if declared is None:
        return False
    return principal.holds(tenant, declared)


async def staff_principal(username: str, role: str, scope_code: str) -> Principal | None:
    """The staff user `username` acting in one role of one scope, as demo data and commands act
    without a request; None when there is no such user."""
    user = await User.select(User.id, User.display_name).where(User.username == username).first()
    if user is None:
        return None
    return Principal(user["id"], username, user["display_name"], (Grant(role, scope_code),))


def role_label(role: str) -> str:
    """A role's name in the viewer's language (`village_operator` → "Operator Desa", or
    "Village operator" in English); an unknown role as given."""
    return _(ROLES[role].label) if role in ROLES else role


async def display_names(usernames: Iterable[str]) -> dict[str, str]:
    """The name each staff account shows, for histories that store who acted by username;
    an account not found is left out, so the caller decides what to show instead."""
    wanted = sorted({name for name in usernames if name})
    if not wanted:
        return {}
    rows = await User.select(User.username, User.display_name).where(User.username.is_in(wanted))
    return {r["username"]: r["display_name"] or r["username"] for r in rows}
