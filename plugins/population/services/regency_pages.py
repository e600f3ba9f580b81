"""The regency office's side: the queue across onboarded villages, the summary, its actions."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException, PermissionDeniedException

from core.audit import disclose
from core.auth.principal import Principal, has_permission
from core.i18n import N_, _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.tenancy.tables import District
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.permissions import REQUEST_QUEUE
from plugins.population.services.downloads import document_response
from plugins.population.services.pages import act_and_answer, parse_age, parse_page
from plugins.population.services.queries import (
    PAGE_SIZE,
    Filters,
    list_requests,
    load_request,
    onboarded_villages,
    parse_show,
    summarise,
)
from plugins.population.services.viewer import viewer_note
from plugins.population.services.views import (
    REGENCY_ACTIONS,
    action_links,
    detail_context,
    kind_options,
    permitted_actions,
    show_options,
    status_options,
    table_rows,
)
from plugins.population.services.workflow import PROCESS_PERMISSION, REQUEST_LIFECYCLE

BASE = "/kabupaten/layanan"
QUEUE_COLUMNS = [
    {"key": "id", "label": N_("No.")},
    {"key": "village", "label": N_("Desa")},
    {"key": "kind", "label": N_("Jenis layanan")},
    {"key": "person", "label": N_("Warga")},
    {"key": "status", "label": N_("Status")},
    {"key": "submitted", "label": N_("Diajukan")},
    {"key": "age", "label": N_("Umur")},
]
ACTIONS_COLUMN = {"key": "actions", "label": N_("Tindakan")}
REFUSED_HERE = "Aksi ini dilakukan oleh petugas desa, bukan Disdukcapil."
QUEUE_ACTIONS = ("terima", "kembalikan_ke_desa", "selesai")
"""The regency office's own actions (``views.REGENCY_ACTIONS``), in the order they happen."""


@get("/layanan", guards=[requires(REQUEST_QUEUE)], include_in_schema=False)
async def queue(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    kernel: Kernel,
    principal: Principal,
    district: str = "",
    village: str = "",
    kind: str = "",
    status: str = "",
    min_age: str = "",
    page: str = "1",
    tampil: str = "",
) -> Response[Any]:
    """Open work oldest first by default, so what waits longest is on top; the finished and
    cancelled ones on request (``tampil``)."""
    state = request_state(request)
    filters = Filters(
        district,
        village,
        kind,
        status,
        parse_age(min_age),
        parse_page(page),
        parse_show(tampil),
    )
    villages = await onboarded_villages(tenant.code)
    rows, total = await list_requests(
        tenant.code, filters, state.now, villages=list(villages), oldest_first=True
    )
    disclose(
        request,
        disclosures.REQUEST_LIST,
        subjects=disclosures.many(rows, disclosures.service_request),
        query=filters.query(),
        count=total,
    )
    districts = await District.select(District.code, District.name).order_by(District.code)
    used = {v.district_code for v in villages.values()}

    def link(row: dict[str, Any]) -> str:
        return f"{BASE}/{row['id']}"

    def allowed(row: dict[str, Any]) -> list[str]:
        status = row["status"]
        return permitted_actions(status, principal, tenant, kernel.permissions, QUEUE_ACTIONS)

    cells = table_rows(rows, state.now, link, villages)
    may_act = permitted_actions_anywhere(principal, tenant, kernel)
    if may_act:
        action_links(rows, cells, allowed, link)
    context = {
        "columns": [*QUEUE_COLUMNS, ACTIONS_COLUMN] if may_act else QUEUE_COLUMNS,
        "rows": cells,
        "viewer_note": viewer_note(principal, tenant, kernel.permissions, QUEUE_ACTIONS, may_act),
        "total": total,
        "page": filters.page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "filters": filters,
        "query": filters.query(),
        "base_url": BASE,
        "kind_options": kind_options(),
        "status_options": status_options(),
        "show_options": show_options(),
        "district_options": [("", _("Semua kecamatan"))]
        + [(d["code"], d["name"]) for d in districts if d["code"] in used],
        "village_options": [("", _("Semua desa"))]
        + [(v.code, v.name) for v in sorted(villages.values(), key=lambda v: v.name)],
        "heading": _("Antrean layanan kependudukan"),
        "regency": True,
    }
    return await render(request, "population/services/list.html", context)


def permitted_actions_anywhere(principal: Principal, tenant: Tenant, kernel: Kernel) -> list[str]:
    """The queue's actions the viewer holds the permission for, whatever a request's state."""
    return [
        action
        for action in QUEUE_ACTIONS
        if has_permission(
            principal, tenant, REQUEST_LIFECYCLE.permission_for(action) or "", kernel.permissions
        )
    ]


@get("/layanan/ringkasan", guards=[requires(REQUEST_QUEUE)], include_in_schema=False)
async def summary_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    state = request_state(request)
    summary = await summarise(tenant.code, state.now)
    return await render(request, "population/services/summary.html", {"summary": summary})


async def _queued(tenant: Tenant, request_id: int) -> tuple[dict[str, Any], Any]:
    """The request and its village, when the village is onboarded (else 404)."""
    row = await load_request(tenant.code, request_id)
    villages = await onboarded_villages(tenant.code)
    if row is None or row["village_code"] not in villages:
        raise NotFoundException()
    return row, villages[row["village_code"]]


async def _detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
) -> dict[str, Any]:
    row, village = await _queued(tenant, request_id)
    actions = permitted_actions(
        row["status"], principal, tenant, kernel.permissions, REGENCY_ACTIONS
    )
    now = request_state(request).now
    context = await detail_context(row, now, actions, BASE, f"{BASE}/{request_id}/dokumen")
    disclose(request, disclosures.REQUEST_DETAIL, subjects=disclosures.service_request(row))
    context["back_url"] = BASE
    context["village_name"] = village.name
    context["viewer_note"] = viewer_note(
        principal,
        tenant,
        kernel.permissions,
        REQUEST_LIFECYCLE.allowed_actions(row["status"]),
        actions,
    )
    return context


@get("/layanan/{request_id:int}", guards=[requires(REQUEST_QUEUE)], include_in_schema=False)
async def regency_detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
) -> Response[Any]:
    context = await _detail(request, kernel, tenant, principal, request_id)
    return await render(request, "population/services/detail.html", context)


@post(
    "/layanan/{request_id:int}/aksi/{action:str}",
    guards=[requires(PROCESS_PERMISSION)],
    include_in_schema=False,
)
async def regency_action(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    request_id: int,
    action: str,
) -> Response[Any]:
    if action not in REGENCY_ACTIONS:
        raise PermissionDeniedException(REFUSED_HERE)
    await _queued(tenant, request_id)

    async def detail() -> dict[str, Any]:
        return await _detail(request, kernel, tenant, principal, request_id)

    done_url = f"{BASE}/{request_id}"
    return await act_and_answer(
        request, kernel, tenant, principal, request_id, action, detail, done_url
    )


@get(
    "/layanan/{request_id:int}/dokumen/{document_id:int}",
    guards=[requires(PROCESS_PERMISSION)],
    include_in_schema=False,
)
async def regency_download(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    request_id: int,
    document_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    row, _ = await _queued(tenant, request_id)
    response = await document_response(
        kernel, tenant.code, principal.username, request_id, document_id
    )
    disclose(
        request,
        disclosures.REQUEST_DOCUMENT,
        subjects=[disclosures.document(document_id, row["village_code"])],
    )
    return response


ROUTES = [queue, summary_page, regency_detail, regency_action, regency_download]
