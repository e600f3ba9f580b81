"""The map a village's public site may show: its boundaries and the points of public buildings
as GeoJSON, open to anyone.

Points of a public building (the village office, a posyandu, the market, a school, a mosque)
are public information; a point of the category "lainnya" may be anything staff noted, a
private house among them, so it is left out, and so is who recorded each feature. A visitor gets
no tenant scope from the core: the handler scopes its transaction to the village of the URL once
it knows that village is onboarded and has the population plugin on, and answers 404 otherwise.
"""

from __future__ import annotations

import json
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.db import set_tenant_scope
from core.web.guards import public
from core.web.request_state import request_state
from plugins.population.village_map.features import all_features, feature_collection
from plugins.population.village_map.routes import GEOJSON

__all__ = ["ROUTES"]

PLUGIN = "population"
PUBLIC_CACHE = "public, max-age=300"
"""Five minutes: a boundary rarely changes, and the public site may be opened by many."""


@get("/desa/{village_slug:str}/peta-umum.geojson", guards=[public], include_in_schema=False)
async def public_map_geojson(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    tenant = state.tenant
    if tenant is None or tenant.kind != "village" or not tenant.onboarded:
        raise NotFoundException()
    if PLUGIN not in state.effective_plugins:
        raise NotFoundException()
    await set_tenant_scope(request.app.state.kernel.engine, tenant.code)
    collection = feature_collection(await all_features(), public=True)
    return Response(
        json.dumps(collection, ensure_ascii=False),
        media_type=GEOJSON,
        headers={"cache-control": PUBLIC_CACHE},
    )


ROUTES = [public_map_geojson]
