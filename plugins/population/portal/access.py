"""The citizen's view of the access trail: who (which office, which staff member) opened their
family's data, and when. Only their own family's entries: the query runs in their village's scope
and names only their family card and its members.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.response import Redirect

from core.audit import disclose, disclosures_of, lines
from core.i18n import N_
from core.web.render import render
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.portal.accounts import find_account
from plugins.population.portal.family import load_citizen
from plugins.population.portal.guard import citizen_of_village, citizen_resident_id
from plugins.population.portal.sign_in import CHANGE, LOGIN

SHOWN = 100
COLUMNS = [
    {"key": "at", "label": N_("Waktu"), "sortable": False},
    {"key": "role", "label": N_("Peran / kantor"), "sortable": False},
    {"key": "who", "label": N_("Siapa"), "sortable": False},
    {"key": "what", "label": N_("Data yang dibuka"), "sortable": False},
]


@get("/warga/akses", guards=[citizen_of_village], include_in_schema=False)
async def citizen_access_page(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    assert state.citizen_ref is not None
    village, resident_id = citizen_resident_id(state.citizen_ref)
    account = await find_account(village, resident_id)
    if account is None or not account["active"]:
        return Redirect(LOGIN, status_code=303)
    if account["must_change_pin"]:
        return Redirect(CHANGE, status_code=303)
    citizen = await load_citizen(village, resident_id)
    if citizen is None:
        return Redirect(LOGIN, status_code=303)
    records: list[tuple[str, object]] = [(disclosures.RESIDENT, i) for i in citizen.member_ids]
    if citizen.resident["family"] is not None:
        records.append((disclosures.FAMILY, citizen.resident["family"]))
    entries = await disclosures_of(village, records, limit=SHOWN)
    disclose(request, disclosures.PORTAL_TRAIL, subjects=[disclosures.resident(citizen.resident)])
    return await render(
        request,
        "population/portal/access.html",
        {"columns": COLUMNS, "rows": lines(entries), "shown": SHOWN},
    )


ROUTES = [citizen_access_page]
