"""The village's own page: its status over the years, the ministry's figure beside its own
survey, what to improve, and the form that opens a year's survey."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect

from core.auth.principal import Principal, has_permission
from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.village_index.permissions import EDIT, VIEW
from plugins.village_index.standing import charts
from plugins.village_index.standing.results import standing, survey_result
from plugins.village_index.survey import assessments
from plugins.village_index.survey.assessments import SurveyError
from plugins.village_index.survey.lifecycle import SURVEY

FORM = Body(media_type=RequestEncodingType.URL_ENCODED)
BASE = "/indeks-desa"
KIND = "village_index.survey"


async def overview_page(
    request: Request[Any, Any, Any],
    errors: dict[str, str],
    values: dict[str, str],
    status_code: int = 200,
) -> Response[str]:
    state = request_state(request)
    assert state.tenant is not None
    loaded = await standing()
    by_year = {r.year: r for r in loaded.results}
    ministry = {r.year: r for r in loaded.ministry}
    own = {s.year: s for s in loaded.surveys}
    years = sorted(set(by_year) | set(own), reverse=True)
    rows = [
        {
            "year": year,
            "official": by_year.get(year),
            "ministry": ministry.get(year),
            "survey": own.get(year),
            "survey_result": survey_result(own[year]) if year in own else None,
            "state_label": SURVEY.label(own[year].state) if year in own else "",
        }
        for year in years
    ]
    latest = next((s for s in loaded.surveys if s.answers), None)
    principal = state.principal
    can_edit = has_permission(principal, state.tenant, EDIT, request.app.state.kernel.permissions)
    context = {
        "rows": rows,
        "latest": latest,
        "current": by_year[max(by_year)] if by_year else None,
        "chart": charts.village_trend(list(by_year.values())) if by_year else None,
        "status_labels": charts.STATUS_LABELS,
        "can_edit": can_edit,
        "errors": errors,
        "values": {"idempotency_key": secrets.token_urlsafe(16), **values},
        "this_year": state.now.year,
    }
    return await render(request, "village_index/village.html", context, status_code=status_code)


@get(BASE, guards=[requires(VIEW)], include_in_schema=False)
async def overview(request: Request[Any, Any, Any]) -> Response[str]:
    return await overview_page(request, {}, {})


@post(
    BASE + "/survei",
    guards=[requires(EDIT)],
    include_in_schema=False,
    opt={"sample": {"year": "2023"}},
)
async def start(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Open a year's survey; a retry with the same key lands on the survey made the first time."""
    raw = (data.get("year") or "").strip()
    if not raw.isdecimal() or len(raw) != 4:
        return await overview_page(request, {"year": _("Tahun: isi empat angka.")}, data, 422)
    year, key = int(raw), data.get("idempotency_key", "")
    if await recall(tenant.code, KIND, key) is None:
        try:
            created = await assessments.start(year, principal.username, datetime.now(UTC))
        except SurveyError as error:
            return await overview_page(request, {error.field: str(error)}, data, 422)
        await remember(tenant.code, KIND, key, principal.username, created)
        await kernel.audit(
            tenant,
            actor=principal.username,
            action="create",
            entity=KIND,
            entity_id=created,
            after={"year": year},
        )
        await flash(request, "success", _("Survei dibuat. Isi tiap dimensi; simpan kapan saja."))
    return Redirect(f"{tenant.base_url}{BASE}/{year}", status_code=303)


HANDLERS = [overview, start]
