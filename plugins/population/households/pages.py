"""What the household pages share: reading a posted form, a household or 404, the template
helpers, and the household's page (shown again with the error when a change is refused)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.exceptions import NotFoundException

from core.audit import disclose
from core.i18n import N_, _
from core.web.render import render
from plugins.population.domain.codes import RELATIONSHIP
from plugins.population.households import disclosures
from plugins.population.households.queries import (
    HEAD_ROLE,
    families_of,
    former_members,
    load_household,
    members,
)
from plugins.population.register.errors import NotInVillage
from plugins.population.register.web import Desk, labels

TEMPLATES = "population/households/"
ROLE_LABELS = {1: N_("Kepala Rumah Tangga"), 2: N_("Anggota Rumah Tangga")}
"""OpenSID's `tweb_rtm_hubungan`: a member's place in the household."""


def text(values: dict[str, Any], key: str) -> str:
    value = values.get(key, "")
    return (value[-1] if isinstance(value, list) else str(value)).strip()


def picked(values: dict[str, Any], key: str) -> list[int]:
    raw = values.get(key, [])
    return [int(v) for v in (raw if isinstance(raw, list) else [raw]) if str(v).isdigit()]


async def household_or_404(household_id: int) -> dict[str, Any]:
    try:
        return await load_household(household_id)
    except NotInVillage:
        raise NotFoundException() from None


def helpers() -> dict[str, Any]:
    return {
        **labels(),
        "role_label": lambda code: _(ROLE_LABELS.get(code, "-")),
        "relationship_label": lambda c: (
            _(RELATIONSHIP.labels[c]) if c in RELATIONSHIP.labels else "-"
        ),
        "day": lambda d: d.strftime("%d-%m-%Y") if d else "-",
    }


async def detail_page(
    request: Request[Any, Any, Any],
    d: Desk,
    household_id: int,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> Response[Any]:
    household = await household_or_404(household_id)
    current = await members(household_id)
    former = await former_members(household_id)
    disclose(
        request,
        disclosures.HOUSEHOLD_DETAIL,
        subjects=[
            disclosures.household(household),
            *disclosures.residents([*current, *former], d.code),
        ],
    )
    return await render(
        request,
        TEMPLATES + "detail.html",
        {
            "household": household,
            "members": current,
            "families": families_of(current),
            "former": former,
            "errors": errors or {},
            "values": values or {},
            "head_role": HEAD_ROLE,
            **helpers(),
        },
        status_code=status,
    )
