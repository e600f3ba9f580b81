"""A resident's history for the village admin: who changed the record and who saw it (UU PDP)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.audit import (
    AUDIT_VIEW,
    CHANGE_COLUMNS,
    TRAIL_COLUMNS,
    change_lines,
    changes_of,
    disclose,
    disclosures_of,
    lines,
)
from core.auth.principal import Principal
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from plugins.population import disclosures
from plugins.population.register.errors import NotInVillage
from plugins.population.register.residents import load_resident
from plugins.population.register.web import desk

HISTORY_LIMIT = 200


@get("/penduduk/{resident_id:int}/riwayat", guards=[requires(AUDIT_VIEW)], include_in_schema=False)
async def resident_history(
    request: Request[Any, Any, Any], resident_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    try:
        resident = await load_resident(d.code, resident_id)
    except NotInVillage:
        raise NotFoundException() from None
    changes = await changes_of(d.code, disclosures.RESIDENT, resident_id, limit=HISTORY_LIMIT)
    views = await disclosures_of(d.code, [(disclosures.RESIDENT, resident_id)], limit=HISTORY_LIMIT)
    disclose(request, disclosures.RESIDENT_HISTORY, subjects=[disclosures.resident(resident)])
    return await render(
        request,
        "population/register/resident_history.html",
        {
            "resident": resident,
            "change_columns": CHANGE_COLUMNS,
            "changes": change_lines(changes),
            "trail_columns": TRAIL_COLUMNS,
            "views": lines(views),
            "limit": HISTORY_LIMIT,
        },
    )


ROUTES = [resident_history]
