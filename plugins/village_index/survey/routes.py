"""A survey's pages: its figures and history, a dimension's form, and its lifecycle actions
(the village submits, the regency verifies or returns).

Handlers stay thin: read the form, call `assessments`, render or redirect.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotFoundException
from litestar.params import Body
from litestar.response import Redirect

from core.auth.principal import Principal, has_permission
from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.workflow import WorkflowError
from plugins.village_index.permissions import EDIT, SUBMIT, VIEW
from plugins.village_index.survey import assessments
from plugins.village_index.survey.assessments import Survey, SurveyError
from plugins.village_index.survey.forms import evidence_field, parse_dimension, score_field
from plugins.village_index.survey.lifecycle import SURVEY

FORM = Body(media_type=RequestEncodingType.URL_ENCODED)
BASE = "/indeks-desa"


async def _survey(year: int) -> Survey:
    found = await assessments.survey_for_year(year)
    if found is None:
        raise NotFoundException("Survei tahun ini belum dibuat.")
    return found


@get(BASE + "/{year:int}", guards=[requires(VIEW)], include_in_schema=False)
async def survey_page(
    request: Request[Any, Any, Any], year: int, tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[str]:
    return await _survey_page(request, await _survey(year), tenant, principal, kernel, {})


async def _survey_page(
    request: Request[Any, Any, Any],
    survey: Survey,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[str]:
    actions = [
        (action, SURVEY.label(action))
        for action in SURVEY.allowed_actions(survey.state)
        if has_permission(
            principal, tenant, SURVEY.permission_for(action) or VIEW, kernel.permissions
        )
    ]
    context = {
        "survey": survey,
        "state_label": SURVEY.label(survey.state),
        "labels": SURVEY.labels,
        "actions": actions,
        "can_edit": survey.editable and has_permission(principal, tenant, EDIT, kernel.permissions),
        "errors": errors,
        "idempotency_key": secrets.token_urlsafe(16),
    }
    return await render(request, "village_index/survey.html", context, status_code=status_code)


@get(BASE + "/{year:int}/isi/{dimension:str}", guards=[requires(EDIT)], include_in_schema=False)
async def dimension_form(
    request: Request[Any, Any, Any], year: int, dimension: str
) -> Response[str]:
    survey = await _survey(year)
    values = {}
    for code, answer in survey.answers.items():
        values[score_field(code)] = str(answer.score)
        values[evidence_field(code)] = answer.evidence
    return await _dimension_page(request, survey, dimension, values, {})


async def _dimension_page(
    request: Request[Any, Any, Any],
    survey: Survey,
    dimension: str,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[str]:
    found = survey.edition.dimension(dimension)
    if found is None:
        raise NotFoundException("Dimensi tidak dikenal.")
    context = {
        "survey": survey,
        "dimension": found,
        "values": values,
        "errors": errors,
        "score_field": score_field,
        "evidence_field": evidence_field,
        "choices": [("", _("Belum diisi"))]
        + [(str(n), str(n)) for n in range(survey.edition.score_min, survey.edition.score_max + 1)],
    }
    return await render(request, "village_index/dimension.html", context, status_code=status_code)


@post(BASE + "/{year:int}/isi/{dimension:str}", guards=[requires(EDIT)], include_in_schema=False)
async def save_dimension(
    request: Request[Any, Any, Any],
    year: int,
    dimension: str,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Save one dimension (blank scores stay unanswered); errors keep what was typed."""
    survey = await _survey(year)
    found = survey.edition.dimension(dimension)
    if found is None:
        raise NotFoundException("Dimensi tidak dikenal.")
    answers, errors = parse_dimension(survey.edition, found, data)
    if errors:
        return await _dimension_page(request, survey, dimension, data, errors, 422)
    before = {c: a.score for c, a in survey.answers.items() if c in answers}
    try:
        saved = await assessments.save_dimension(
            survey, dimension, answers, principal.username, datetime.now(UTC)
        )
    except SurveyError as error:
        return await _dimension_page(
            request, survey, dimension, data, {error.field: str(error)}, 409
        )
    after = {c: a.score for c, a in saved.answers.items() if c in answers}
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="update",
        entity="village_index.survey",
        entity_id=survey.id,
        before=before,
        after=after,
    )
    await flash(request, "success", _("Jawaban dimensi tersimpan."))
    return Redirect(f"{tenant.base_url}{BASE}/{year}", status_code=303)


@post(BASE + "/{year:int}/tindakan", guards=[requires(VIEW)], include_in_schema=False)
async def take_action(
    request: Request[Any, Any, Any],
    year: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Submit, return or verify; the action's own permission is checked here, from the table."""
    survey = await _survey(year)
    action = data.get("action", "")
    key = data.get("idempotency_key", "")
    if await recall(tenant.code, "village_index.step", key) is not None:
        return Redirect(f"{tenant.base_url}{BASE}/{year}", status_code=303)
    try:
        needed = SURVEY.permission_for(action) or SUBMIT
        if not has_permission(principal, tenant, needed, kernel.permissions):
            return await _survey_page(
                request,
                survey,
                tenant,
                principal,
                kernel,
                {"action": _("Anda tidak berhak melakukan ini.")},
                403,
            )
        step = await assessments.act(
            survey, action, principal.username, datetime.now(UTC), data.get("note", "")
        )
    except SurveyError as error:
        return await _survey_page(
            request, survey, tenant, principal, kernel, {error.field: str(error)}, 422
        )
    except WorkflowError as error:
        return await _survey_page(
            request, survey, tenant, principal, kernel, {"action": str(error)}, 409
        )
    await remember(tenant.code, "village_index.step", key, principal.username, step)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=action,
        entity="village_index.survey",
        entity_id=survey.id,
        before={"state": survey.state},
        after={"state": SURVEY.next_state(survey.state, action)},
    )
    await flash(
        request,
        "success",
        _("Status survei: {state}.").format(
            state=_(SURVEY.label(SURVEY.next_state(survey.state, action)))
        ),
    )
    return Redirect(f"{tenant.base_url}{BASE}/{year}", status_code=303)


HANDLERS = [survey_page, dimension_form, save_dimension, take_action]
