"""Why a viewer sees no button for a request, and who takes the actions they may not.

A regency admin opens the queue to follow the work, while its actions belong to the regency's
officers and the village's operators. A page without buttons and without a word reads as broken,
so the pages say in what role the viewer sees it and which role acts, from the permission each
action needs (``workflow.py``) and the roles that hold it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core import Permission
from core.auth.principal import Principal, role_label
from core.tenancy.context import Tenant
from plugins.population.services.workflow import REQUEST_LIFECYCLE

__all__ = ["OthersAct", "ViewerNote", "viewer_note"]


@dataclass(frozen=True, slots=True)
class OthersAct:
    """Actions (their labels) that the holders of ``roles`` (their labels) take."""

    actions: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ViewerNote:
    """``Anda melihat … sebagai <roles>; <actions> dilakukan oleh <roles>.``"""

    viewer_roles: tuple[str, ...]
    others: tuple[OthersAct, ...]


def _role_labels(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(role_label(name) for name in names)


def viewer_note(
    principal: Principal,
    tenant: Tenant,
    permissions: Mapping[str, Permission],
    actions: Iterable[str],
    permitted: Iterable[str],
) -> ViewerNote | None:
    """The note for ``actions`` the page could offer of which the viewer may take ``permitted``;
    ``None`` when the viewer may take them all."""
    allowed = set(permitted)
    grouped: dict[tuple[str, ...], list[str]] = {}
    for action in actions:
        if action in allowed:
            continue
        declared = permissions.get(REQUEST_LIFECYCLE.permission_for(action) or "")
        roles = _role_labels(declared.default_roles) if declared else ()
        grouped.setdefault(roles, []).append(REQUEST_LIFECYCLE.label(action))
    if not grouped:
        return None
    return ViewerNote(
        viewer_roles=_role_labels(sorted(principal.roles_in(tenant))),
        others=tuple(OthersAct(tuple(labels), roles) for roles, labels in grouped.items()),
    )
