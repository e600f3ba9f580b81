"""A citizen's own request: its detail and history, and fixing and resending it when returned."""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.portal.family import CitizenView
from plugins.population.portal.guard import citizen_of_village
from plugins.population.portal.request_history import request_view
from plugins.population.portal.resubmit import resubmit, resubmit_errors
from plugins.population.portal.session import signed_in_citizen
from plugins.population.services.details import DETAIL_FIELDS
from plugins.population.services.intake import (
    BODY_LIMIT,
    form_values,
    read_uploads,
    upload_field,
    upload_limits,
)
from plugins.population.services.kinds import get_kind
from plugins.population.services.queries import load_request
from plugins.population.services.requests import ActionConflict

__all__ = ["ROUTES"]


async def _own_request(tenant: Tenant, citizen: CitizenView, request_id: int) -> dict[str, Any]:
    """The request, if it is this citizen's or their family's; 404 otherwise, as if absent."""
    row = await load_request(tenant.code, request_id)
    if row is None or not citizen.owns_request(row):
        raise NotFoundException()
    return row


async def _page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    citizen: CitizenView,
    row: dict[str, Any],
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response[Any]:
    view = await request_view(row, citizen)
    disclose(request, disclosures.REQUEST_DETAIL, subjects=disclosures.service_request(row))
    try:
        kind = get_kind(row["kind"])
    except LookupError:
        kind = None
    details = json_dict(row["payload"])
    prefilled = {
        spec.key: str(details.get(spec.key, "")) for spec in DETAIL_FIELDS.get(row["kind"], ())
    }
    context = {
        "view": view,
        "kind": kind,
        "detail_fields": DETAIL_FIELDS.get(row["kind"], ()),
        "upload_field": upload_field,
        "values": {"idempotency_key": secrets.token_hex(16), **prefilled, **(values or {})},
        "errors": errors or {},
        "action": f"{tenant.base_url}/warga/layanan/{row['id']}/ajukan-ulang",
        **upload_limits(kernel.settings),
    }
    return await render(
        request, "population/portal/request_detail.html", context, status_code=status_code
    )


@get("/warga/layanan/{request_id:int}", guards=[citizen_of_village], include_in_schema=False)
async def citizen_request_detail(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, request_id: int
) -> Response[Any]:
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    row = await _own_request(tenant, citizen, request_id)
    return await _page(request, kernel, tenant, citizen, row)


@post(
    "/warga/layanan/{request_id:int}/ajukan-ulang",
    guards=[citizen_of_village],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def citizen_request_resubmit(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, request_id: int
) -> Response[Any]:
    state = request_state(request)
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    row = await _own_request(tenant, citizen, request_id)
    detail_url = f"{tenant.base_url}/warga/layanan/{request_id}"
    form = await request.form()
    values = form_values(form)
    today = local_day(state.now)
    errors = resubmit_errors(row["kind"], values, today)
    uploads, upload_errors = await read_uploads(form, row["kind"], kernel.settings)
    errors.update(upload_errors)
    if errors:
        return await _page(request, kernel, tenant, citizen, row, values, errors, 422)
    actor = f"warga:{citizen.resident['id']}"
    try:
        await resubmit(kernel, row, values, uploads, actor, state.now, today)
    except ActionConflict as exc:
        await flash(request, "warning", str(exc))
        return Redirect(detail_url, status_code=303)
    await flash(
        request,
        "success",
        _("Permohonan #{id} dikirim ulang. Petugas desa akan memeriksanya kembali.").format(
            id=request_id
        ),
    )
    return Redirect(detail_url, status_code=303)


ROUTES = [citizen_request_detail, citizen_request_resubmit]
