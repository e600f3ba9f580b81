"""Family (KK) pages: list, new KK, detail, add or move a member, change the head, split."""

from __future__ import annotations

import math
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import N_, _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.population import disclosures
from plugins.population.domain.codes import RELATIONSHIP
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.register.errors import NotInVillage, RegisterError
from plugins.population.register.families import (
    FamilyInput,
    change_head,
    create_family,
    family_members,
    load_family,
    move_member,
    split_family,
)
from plugins.population.register.resident_form import code_options, neighbourhood, text
from plugins.population.register.web import Desk, desk, form_dict, labels
from plugins.population.tables import Family, Resident

TEMPLATES = "population/register/"
PAGE_SIZE = 50
COLUMNS = [
    {"key": "kk", "label": N_("Nomor KK"), "sortable": False},
    {"key": "address", "label": N_("Alamat"), "sortable": False},
    {"key": "place", "label": N_("Dusun / RW / RT"), "sortable": False},
]


async def _family(d: Desk, family_id: int) -> dict[str, Any]:
    try:
        return await load_family(d.code, family_id)
    except NotInVillage:
        raise NotFoundException() from None


@get("/keluarga", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def family_list(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    kk = str(request.query_params.get("kk") or "").strip()[:16]
    raw_page = str(request.query_params.get("page") or "1")
    where = Family.active == True  # noqa: E712
    if kk:
        where = where & (Family.kk_number == kk)
    total = await Family.count().where(where)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(int(raw_page) if raw_page.isdigit() and int(raw_page) > 0 else 1, pages)
    rows = await (
        Family.select()
        .where(where)
        .order_by(Family.kk_number)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    table = [
        {
            "kk": Markup('<a href="{}/keluarga/{}">{}</a>').format(d.base, r["id"], r["kk_number"]),
            "address": r["address"] or "-",
            "place": " / ".join(p for p in (r["dusun"], r["rw"], r["rt"]) if p) or "-",
        }
        for r in rows
    ]
    disclose(
        request,
        disclosures.FAMILY_LIST,
        subjects=[disclosures.family(r) for r in rows],
        query={"kk": kk, "page": page},
        count=total,
    )
    return await render(
        request,
        TEMPLATES + "families.html",
        {"columns": COLUMNS, "rows": table, "kk": kk, "page": page, "pages": pages, "total": total},
    )


def _family_form(values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    return {"values": values, "errors": errors}


@get("/keluarga/baru", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def new_family(request: Request[Any, Any, Any]) -> Response[Any]:
    return await render(request, TEMPLATES + "family_form.html", _family_form({}, {}))


@post("/keluarga/baru", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def create_family_page(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    errors: dict[str, str] = {}
    rw = neighbourhood(text(values, "rw"), "RW", errors, "rw")
    rt = neighbourhood(text(values, "rt"), "RT", errors, "rt")
    if not errors:
        data = FamilyInput(
            text(values, "kk_number").replace(" ", ""),
            text(values, "address")[:200],
            text(values, "dusun")[:60],
            rw,
            rt,
        )
        try:
            family_id = await create_family(kernel, d.code, d.actor, data)
        except RegisterError as exc:
            errors[exc.field or "kk_number"] = exc.message
        else:
            await flash(
                request, "success", _("KK {kk_number} dibuat.").format(kk_number=data.kk_number)
            )
            return Redirect(f"{d.base}/keluarga/{family_id}", status_code=303)
    return await render(
        request, TEMPLATES + "family_form.html", _family_form(values, errors), status_code=422
    )


def _relationships() -> list[tuple[str, str]]:
    return code_options(RELATIONSHIP)


async def _detail(
    request: Request[Any, Any, Any],
    d: Desk,
    family_id: int,
    errors: dict[str, str],
    status: int = 200,
    values: dict[str, Any] | None = None,
) -> Response[Any]:
    family = await _family(d, family_id)
    members = await family_members(d.code, family_id)
    disclose(
        request,
        disclosures.FAMILY_DETAIL,
        subjects=[disclosures.family(family), *disclosures.residents(members)],
    )
    return await render(
        request,
        TEMPLATES + "family_detail.html",
        {
            "family": family,
            "members": members,
            "errors": errors,
            "values": values or {},
            "relationships": _relationships(),
            "relationship_label": lambda c: (
                _(RELATIONSHIP.labels[c]) if c in RELATIONSHIP.labels else "-"
            ),
            **labels(),
        },
        status_code=status,
    )


@get("/keluarga/{family_id:int}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def family_detail(
    request: Request[Any, Any, Any], family_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    return await _detail(request, desk(request, tenant, principal), family_id, {})


@post(
    "/keluarga/{family_id:int}/anggota", guards=[requires(RESIDENT_WRITE)], include_in_schema=False
)
async def add_member(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    family_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    """Add a resident of this village (found by NIK) to the KK, moving them from their old KK."""
    d = desk(request, tenant, principal)
    await _family(d, family_id)
    values = await form_dict(request)
    nik = text(values, "nik").replace(" ", "")
    relationship = text(values, "relationship")
    errors: dict[str, str] = {}
    resident = (
        await Resident.select(Resident.id)
        .where((Resident.nik == nik) & (Resident.status == 1))
        .first()
        if nik
        else None
    )
    if resident is None:
        errors["nik"] = _("Tidak ada penduduk hidup dengan NIK ini di desa ini.")
    if not relationship.isdigit() or int(relationship) not in RELATIONSHIP.labels:
        errors["relationship"] = _("Hubungan dalam keluarga wajib dipilih.")
    if not errors and resident is not None:
        try:
            await move_member(kernel, d.code, d.actor, resident["id"], family_id, int(relationship))
        except RegisterError as exc:
            errors[exc.field or "nik"] = exc.message
        else:
            await flash(request, "success", _("Anggota keluarga ditambahkan."))
            return Redirect(f"{d.base}/keluarga/{family_id}", status_code=303)
    return await _detail(request, d, family_id, errors, 422, values)


@get("/keluarga/{family_id:int}/kepala", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def head_form(
    request: Request[Any, Any, Any], family_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    return await _head_page(request, d, family_id, {}, {})


async def _head_page(
    request: Request[Any, Any, Any],
    d: Desk,
    family_id: int,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    family = await _family(d, family_id)
    members = await family_members(d.code, family_id)
    living = [(str(m["id"]), f"{m['name']} ({m['nik']})") for m in members if m["status"] == 1]
    disclose(
        request,
        disclosures.FAMILY_FORM,
        subjects=[disclosures.family(family), *disclosures.residents(members)],
    )
    return await render(
        request,
        TEMPLATES + "family_head.html",
        {
            "family": family,
            "values": values,
            "errors": errors,
            "candidates": [("", _("— pilih —")), *living],
            "relationships": [o for o in _relationships() if o[0] != "1"],
        },
        status_code=status,
    )


@post(
    "/keluarga/{family_id:int}/kepala", guards=[requires(RESIDENT_WRITE)], include_in_schema=False
)
async def change_head_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    family_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    await _family(d, family_id)
    values = await form_dict(request)
    errors: dict[str, str] = {}
    new_head = text(values, "new_head")
    old_relationship = text(values, "old_head_relationship") or "9"
    if not new_head.isdigit():
        errors["new_head"] = _("Kepala keluarga baru wajib dipilih.")
    if not old_relationship.isdigit() or int(old_relationship) not in RELATIONSHIP.labels:
        errors["old_head_relationship"] = _("Hubungan keluarga kepala lama tidak dikenal.")
    if not errors:
        try:
            await change_head(
                kernel, d.code, d.actor, family_id, int(new_head), int(old_relationship)
            )
        except RegisterError as exc:
            errors[exc.field or "new_head"] = exc.message
        else:
            await flash(request, "success", _("Kepala keluarga diganti."))
            return Redirect(f"{d.base}/keluarga/{family_id}", status_code=303)
    return await _head_page(request, d, family_id, values, errors, 422)


async def _split_page(
    request: Request[Any, Any, Any],
    d: Desk,
    family_id: int,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    family = await _family(d, family_id)
    members = [m for m in await family_members(d.code, family_id) if m["status"] == 1]
    chosen = values.get("members", [])
    disclose(
        request,
        disclosures.FAMILY_FORM,
        subjects=[disclosures.family(family), *disclosures.residents(members)],
    )
    return await render(
        request,
        TEMPLATES + "family_split.html",
        {
            "family": family,
            "members": members,
            "chosen": {str(c) for c in (chosen if isinstance(chosen, list) else [chosen])},
            "values": values,
            "errors": errors,
            "candidates": [("", _("— pilih —"))] + [(str(m["id"]), m["name"]) for m in members],
        },
        status_code=status,
    )


@get("/keluarga/{family_id:int}/pecah", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def split_form(
    request: Request[Any, Any, Any], family_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    return await _split_page(request, desk(request, tenant, principal), family_id, {}, {})


@post("/keluarga/{family_id:int}/pecah", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def split_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    family_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    await _family(d, family_id)
    values = await form_dict(request)
    raw = values.get("members", [])
    picked = raw if isinstance(raw, list) else [raw]
    errors: dict[str, str] = {}
    if not picked or not all(p.isdigit() for p in picked):
        errors["members"] = _("Pilih anggota yang pindah ke KK baru.")
    head = text(values, "head")
    if not head.isdigit():
        errors["head"] = _("Kepala keluarga KK baru wajib dipilih.")
    if not errors:
        try:
            new_id = await split_family(
                kernel,
                d.code,
                d.actor,
                family_id,
                [int(p) for p in picked],
                text(values, "kk_number").replace(" ", ""),
                int(head),
            )
        except RegisterError as exc:
            errors[exc.field or "members"] = exc.message
        else:
            await flash(request, "success", _("KK dipecah; anggota terpilih kini di KK baru."))
            return Redirect(f"{d.base}/keluarga/{new_id}", status_code=303)
    return await _split_page(request, d, family_id, values, errors, 422)


ROUTES = [
    family_list,
    new_family,
    create_family_page,
    family_detail,
    add_member,
    head_form,
    change_head_page,
    split_form,
    split_page,
]
