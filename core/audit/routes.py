"""The access-trail search page, for the regency (all villages) and a village admin (theirs).

Reading the trail shows who looked at whose data, so the search is itself recorded.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get

from core.audit.disclosure import DisclosureKind, disclose
from core.audit.trail import read_trail_filter, search_trail
from core.audit.views import TRAIL_COLUMNS, lines
from core.builtin.permissions import AUDIT
from core.i18n import N_
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state

TRAIL_SEARCH = DisclosureKind("core.audit.search", N_("Pencarian jejak akses"))
TRAIL_PATH = "/jejak-akses"


@get(TRAIL_PATH, guards=[requires(AUDIT)], include_in_schema=False)
async def trail_page(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    f = read_trail_filter(request.query_params)
    page = await search_trail(state.tenant.scope_code, f)
    disclose(
        request,
        TRAIL_SEARCH,
        query={**f.query(), "page": page.page},
        count=page.total,
    )
    return await render(
        request,
        "pages/access_trail.html",
        {
            "filter": f,
            "columns": TRAIL_COLUMNS,
            "lines": lines(page.rows),
            "page": page,
            "show_village_filter": state.tenant.kind != "village",
        },
    )


ROUTES = [trail_page]
