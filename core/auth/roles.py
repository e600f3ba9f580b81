"""The roles a user can hold, each granted within a scope of the matching level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.i18n import _

Level = Literal["regency", "district", "village"]


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    label: str
    level: Level


CORE_ROLES: tuple[Role, ...] = (
    Role("regency_admin", "Admin Kabupaten", "regency"),
    Role("regency_officer", "Petugas Kabupaten", "regency"),
    Role("district_viewer", "Pemantau Kecamatan", "district"),
    Role("village_admin", "Admin Desa", "village"),
    Role("village_operator", "Operator Desa", "village"),
    Role("village_secretary", "Sekretaris Desa", "village"),
    Role("village_head", "Kepala Desa", "village"),
)

ROLES: dict[str, Role] = {role.name: role for role in CORE_ROLES}
"""The roles of the running instance: the core's and those its plugins declare
(`kampung_roles`). Refilled in place by `install_roles` when the plugins are loaded, so every
module that imported it sees the same roles."""

SCOPE_DEPTH: dict[Level, int] = {"regency": 2, "district": 3, "village": 4}


def install_roles(roles: list[Role]) -> None:
    """Make `roles` the instance's roles (the plugin registry calls this once it has loaded)."""
    ROLES.clear()
    ROLES.update((role.name, role) for role in roles)


class RoleError(ValueError):
    """A role name is unknown or granted at a scope of the wrong level."""


def check_grant(role: str, scope_code: str) -> Role:
    """A role is granted at a scope of its own level: a village role needs a village code."""
    found = ROLES.get(role)
    if found is None:
        raise RoleError(
            _("peran '{role}' tidak dikenal; pilih salah satu: {ROLES}").format(
                role=role, ROLES=", ".join(ROLES)
            )
        )
    if len(scope_code.split(".")) != SCOPE_DEPTH[found.level]:
        raise RoleError(
            _(
                "peran '{role}' diberikan pada kode wilayah tingkat {level}, bukan {scope_code}"
            ).format(role=role, level=found.level, scope_code=scope_code)
        )
    return found
