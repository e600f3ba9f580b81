"""Household (rumah tangga) pages under a village: the list, making one, its page, and a
resident's household for the resident page. The changes to a household are in `change_routes`.

Handlers read the form, call `households` (the rules) and render; a refusal comes back on the
page it came from, with what was typed and the message beside its field.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import N_, _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.population.households import change_routes, disclosures, eligibility
from plugins.population.households import households as rules
from plugins.population.households.pages import TEMPLATES, detail_page, helpers, picked, text
from plugins.population.households.queries import (
    HEAD_ROLE,
    family_candidates,
    household_page,
    stay_of,
)
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.register.errors import RegisterError
from plugins.population.register.web import Desk, desk, form_dict
from plugins.population.tables import Resident

IDEMPOTENCY_KIND = "population.household"

COLUMNS = [
    {"key": "number", "label": N_("Nomor rumah tangga"), "sortable": False},
    {"key": "head", "label": N_("Kepala rumah tangga"), "sortable": False},
    {"key": "address", "label": N_("Alamat"), "sortable": False},
    {"key": "members", "label": N_("Anggota"), "sortable": False, "numeric": True},
    {"key": "families", "label": N_("Jumlah KK"), "sortable": False, "numeric": True},
]


def _list_row(d: Desk, row: dict[str, Any]) -> dict[str, Any]:
    place = " / ".join(p for p in (row["dusun"], row["rw"], row["rt"]) if p)
    return {
        "number": Markup('<a href="{}/rumah-tangga/{}">{}</a>').format(
            d.base, row["id"], row["number"]
        ),
        "head": row["head_name"] or "-",
        "address": " · ".join(p for p in (row["address"], place) if p) or "-",
        "members": row["members"],
        "families": row["families"],
    }


@get("/rumah-tangga", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def household_list(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    q = str(request.query_params.get("q") or "").strip()[:60]
    dissolved = request.query_params.get("status") == "bubar"
    raw_page = str(request.query_params.get("page") or "1")
    found = await household_page(q, int(raw_page) if raw_page.isdigit() else 1, dissolved=dissolved)
    disclose(
        request,
        disclosures.HOUSEHOLD_LIST,
        subjects=[
            *(disclosures.household(r) for r in found.rows),
            *disclosures.heads(found.rows),
        ],
        query={"q": q, "status": "bubar" if dissolved else "", "page": found.page},
        count=found.total,
    )
    return await render(
        request,
        TEMPLATES + "list.html",
        {
            "columns": COLUMNS,
            "rows": [_list_row(d, r) for r in found.rows],
            "q": q,
            "status": "bubar" if dissolved else "",
            "page": found.page,
            "pages": found.pages,
            "total": found.total,
        },
    )


async def _create_page(
    request: Request[Any, Any, Any],
    d: Desk,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    """The create form: the head's NIK, and once found, a checkbox for each of their KK."""
    head: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] = []
    nik = text(values, "head_nik")
    if nik and "head_nik" not in errors:
        try:
            head = await eligibility.resident_by_nik(nik, "head_nik")
            await eligibility.refuse_if_elsewhere([head], "head_nik")
        except RegisterError as exc:
            head = None
            errors = {**errors, "head_nik": exc.message}
        else:
            candidates = [
                c for c in await family_candidates(head["family"]) if c["id"] != head["id"]
            ]
    listed = text(values, "members_listed") == "1"
    chosen = (
        set(picked(values, "members"))
        if listed
        else {c["id"] for c in candidates if c["stay"] is None}
    )
    shown = [head] if head else []
    disclose(
        request,
        disclosures.HOUSEHOLD_FORM,
        subjects=disclosures.residents([*shown, *candidates], d.code),
    )
    return await render(
        request,
        TEMPLATES + "form.html",
        {
            "values": values,
            "errors": errors,
            "head": head,
            "candidates": candidates,
            "chosen": chosen,
            **helpers(),
        },
        status_code=status,
    )


@get("/rumah-tangga/baru", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def new_household(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = {
        "head_nik": str(request.query_params.get("head_nik") or "").strip()[:20],
        "idempotency_key": secrets.token_urlsafe(16),
    }
    return await _create_page(request, d, values, {})


@post("/rumah-tangga/baru", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def create_household_page(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    """Make the household. Without `members_listed` (the head was not looked up first) the
    head's whole living KK joins; with it, exactly the members ticked."""
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    key = text(values, "idempotency_key")
    earlier = await recall(d.code, IDEMPOTENCY_KIND, key)
    if earlier is not None:
        return Redirect(f"{d.base}/rumah-tangga/{earlier}", status_code=303)
    errors: dict[str, str] = {}
    try:
        head = await eligibility.resident_by_nik(text(values, "head_nik"), "head_nik")
        if text(values, "members_listed") == "1":
            chosen = picked(values, "members")
        else:
            chosen = [c["id"] for c in await family_candidates(head["family"])]
        household_id = await rules.create_household(
            kernel,
            d.code,
            d.actor,
            head["nik"],
            chosen,
            number=text(values, "number"),
            today=d.today,
            now=d.now,
        )
    except RegisterError as exc:
        errors[exc.field or "head_nik"] = exc.message
    else:
        await remember(d.code, IDEMPOTENCY_KIND, key, d.actor, household_id)
        await flash(request, "success", _("Rumah tangga dibuat."))
        return Redirect(f"{d.base}/rumah-tangga/{household_id}", status_code=303)
    return await _create_page(request, d, values, errors, 422)


@get("/rumah-tangga/{household_id:int}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def household_detail(
    request: Request[Any, Any, Any], household_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    return await detail_page(request, desk(request, tenant, principal), household_id)


@get(
    "/rumah-tangga/penduduk/{resident_id:int}",
    guards=[requires(RESIDENT_READ)],
    include_in_schema=False,
)
async def resident_household(
    request: Request[Any, Any, Any], resident_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    """The household a resident is in: a line for the resident's page when htmx asks for it,
    otherwise the household's own page (or the list, when the resident is in none)."""
    d = desk(request, tenant, principal)
    if not await Resident.exists().where(Resident.id == resident_id):
        raise NotFoundException()  # another village's resident, or none: nothing to say of them
    stay = await stay_of(resident_id)
    if request.headers.get("hx-request") != "true":
        target = f"/rumah-tangga/{stay.household_id}" if stay else "/rumah-tangga"
        return Redirect(d.base + target, status_code=303)
    return await render(
        request,
        TEMPLATES + "resident_household.html",
        {"stay": stay, "resident_id": resident_id, "head_role": HEAD_ROLE},
    )


ROUTES = [
    household_list,
    new_household,
    create_household_page,
    resident_household,
    household_detail,
    *change_routes.ROUTES,
]
