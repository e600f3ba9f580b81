"""The regency's pages: the villages and their onboarding."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.builtin.permissions import DASHBOARD, ONBOARD
from core.builtin.rollout import rollout_by_district
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.tables import Village
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state


@get("/desa", guards=[requires(DASHBOARD)], include_in_schema=False)
async def villages_page(request: Request[Any, Any, Any], district: str = "") -> Response[Any]:
    query = Village.select().order_by(Village.district_code).order_by(Village.name)
    if district:
        query = query.where(Village.district_code == district)
    villages = await query
    districts = await rollout_by_district()
    return await render(
        request,
        "pages/villages.html",
        {"villages": villages, "districts": districts, "district": district},
    )


@post("/desa/{code:str}/integrasi", guards=[requires(ONBOARD)], include_in_schema=False)
async def onboard_village(
    request: Request[Any, Any, Any], kernel: Kernel, code: str
) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    form = await request.form()
    onboarded = str(form.get("onboarded", "1")) == "1"
    village = await Village.select().where(Village.code == code).first()
    if village is None or not state.tenant.covers(code):
        raise NotFoundException()
    if village["onboarded"] != onboarded:
        await Village.update(
            {
                Village.onboarded: onboarded,
                Village.onboarded_at: datetime.now(UTC) if onboarded else None,
            }
        ).where(Village.code == code)
        await kernel.audit(
            state.tenant,
            actor=state.principal.username,
            action="onboard" if onboarded else "offboard",
            entity="village",
            entity_id=code,
            before={"onboarded": village["onboarded"]},
            after={"onboarded": onboarded},
        )
    await flash(
        request,
        "success",
        (
            _("Desa {name} diintegrasikan.")
            if onboarded
            else _("Desa {name} dikeluarkan dari integrasi.")
        ).format(name=village["name"]),
    )
    return Redirect(f"/kabupaten/desa?district={village['district_code']}", status_code=303)


ROUTES = [villages_page, onboard_village]
