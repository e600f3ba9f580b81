"""The area pages under a village (`/wilayah`): the tree of hamlets, RWs and RTs with their heads
and counts, one area's page, and the writes (add, rename, set the head, remove, create from the
families' text), with the statistics as CSV.

Handlers read the form, call `areas` (the rules) and render; a refusal comes back on the page
it came from, with what was typed and the message beside its field.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal, has_permission
from core.exports import csv_download
from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.population.areas import areas as rules
from plugins.population.areas import disclosures
from plugins.population.areas.counts import area_statistics
from plugins.population.areas.export import statistics_csv
from plugins.population.areas.names import CHILD_LEVEL, DUSUN, HEAD_LABELS, LEVEL_LABELS
from plugins.population.areas.places import Places, all_areas, load_area
from plugins.population.areas.suggestions import suggestions
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.register.errors import NotInVillage, RegisterError
from plugins.population.register.web import Desk, desk, form_dict

TEMPLATES = "population/areas/"
ADD_KIND = "population.area.add"
REMOVE_KIND = "population.area.remove"
ALIVE = 1
NAME_FIELDS = ("rt_name", "child_name", "name")
"""The add forms' name fields: an RT from its hamlet's page, a child from its parent's, a hamlet."""


def _text(values: dict[str, Any], key: str) -> str:
    value = values.get(key, "")
    return (value[-1] if isinstance(value, list) else str(value)).strip()


def _helpers(kernel: Kernel, tenant: Tenant, principal: Principal) -> dict[str, Any]:
    return {
        "level_label": lambda level: _(LEVEL_LABELS[level]),
        "head_label": lambda level: _(HEAD_LABELS[level]),
        "child_level": CHILD_LEVEL,
        "alive": ALIVE,
        "may_change": has_permission(principal, tenant, RESIDENT_WRITE, kernel.permissions),
    }


async def _tree(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    d: Desk,
    principal: Principal,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response[Any]:
    found = await area_statistics()
    disclose(request, disclosures.AREA_TREE, subjects=disclosures.heads(found.heads, d.code))
    values = values or {}
    values.setdefault("idempotency_key", secrets.token_urlsafe(16))
    return await render(
        request,
        TEMPLATES + "tree.html",
        {
            "statistics": found,
            "values": values,
            "errors": errors or {},
            **_helpers(kernel, d.tenant, principal),
        },
        status_code=status,
    )


@get("/wilayah", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def area_tree(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    return await _tree(request, kernel, desk(request, tenant, principal), principal)


@get("/wilayah/statistik.csv", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def area_csv(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    found = await area_statistics()
    disclose(request, disclosures.AREA_TREE, subjects=disclosures.heads(found.heads, tenant.code))
    return csv_download(statistics_csv(found), f"wilayah-{tenant.code}.csv")


@get("/wilayah/saran", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def area_suggestions(request: Request[Any, Any, Any]) -> Response[Any]:
    """The recorded hamlets, RWs and RTs as `<datalist>`s for the family form's fields."""
    return await render(request, TEMPLATES + "suggestions.html", await suggestions())


async def _detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    d: Desk,
    principal: Principal,
    area_id: int,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response[Any]:
    try:
        area = await load_area(area_id)
    except NotInVillage:
        raise NotFoundException() from None
    found = await area_statistics()
    places = Places.of(await all_areas())
    lineage = places.lineage(area_id)
    rows = [
        r
        for r in found.rows
        if r.lineage and r.lineage[: len(lineage)] == lineage and (r.kind == "rest" or r.area)
    ]
    shown = [r.area for r in rows if r.area]
    disclose(request, disclosures.AREA_DETAIL, subjects=disclosures.heads(shown, d.code))
    values = dict(values or {})
    values.setdefault("idempotency_key", secrets.token_urlsafe(16))
    values.setdefault("name", area["name"])
    values.setdefault("head_nik", area["head_nik"] or "")
    child = CHILD_LEVEL[area["level"]]
    return await render(
        request,
        TEMPLATES + "area.html",
        {
            "area": area,
            "lineage": lineage,
            "rows": rows,
            "child": child,
            "wards": places.children(area_id) if area["level"] == DUSUN else [],
            "values": values,
            "errors": errors or {},
            **_helpers(kernel, d.tenant, principal),
        },
        status_code=status,
    )


@get("/wilayah/{area_id:int}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def area_detail(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    area_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    return await _detail(request, kernel, desk(request, tenant, principal), principal, area_id)


def _parent_id(values: dict[str, Any]) -> int | None:
    raw = _text(values, "parent")
    return int(raw) if raw.isdigit() else None


@post(
    "/wilayah",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
    opt={"sample": {"level": DUSUN, "name": "Sumber Rejo Wetan"}},
)
async def add_area_page(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    """Add a hamlet (from the tree page) or an RW or RT (from its parent's page)."""
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    key = _text(values, "idempotency_key")
    earlier = await recall(d.code, ADD_KIND, key)
    if earlier is not None:
        return Redirect(f"{d.base}/wilayah/{earlier}", status_code=303)
    level = _text(values, "level") or DUSUN
    back = _text(values, "back")
    field = next((f for f in NAME_FIELDS if f in values), "name")
    try:
        area_id = await rules.add_area(
            kernel, d.code, d.actor, level, _text(values, field), _parent_id(values), now=d.now
        )
    except RegisterError as exc:
        errors = {field if exc.field in (None, "name") else exc.field: exc.message}
        if back.isdigit():
            try:
                return await _detail(request, kernel, d, principal, int(back), values, errors, 422)
            except NotFoundException:
                pass
        return await _tree(request, kernel, d, principal, values, errors, 422)
    await remember(d.code, ADD_KIND, key, d.actor, area_id)
    await flash(request, "success", _("{level} ditambahkan.").format(level=_(LEVEL_LABELS[level])))
    return Redirect(f"{d.base}/wilayah/{area_id}", status_code=303)


@post(
    "/wilayah/{area_id:int}/nama",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
    opt={"sample": {"name": "099"}},
)
async def rename_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    area_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    try:
        carried = await rules.rename_area(
            kernel, d.code, d.actor, area_id, _text(values, "name"), now=d.now
        )
    except NotInVillage:
        raise NotFoundException() from None
    except RegisterError as exc:
        errors = {exc.field or "name": exc.message}
        return await _detail(request, kernel, d, principal, area_id, values, errors, 422)
    message = _("Nama wilayah disimpan.")
    if carried:
        message += " " + _("Alamat {n} KK ikut diubah.").format(n=carried)
    await flash(request, "success", message)
    return Redirect(f"{d.base}/wilayah/{area_id}", status_code=303)


@post(
    "/wilayah/{area_id:int}/kepala",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
    opt={"sample": {"head_nik": ""}},
)
async def head_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    area_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    try:
        head = await rules.set_head(
            kernel, d.code, d.actor, area_id, _text(values, "head_nik"), now=d.now
        )
    except NotInVillage:
        raise NotFoundException() from None
    except RegisterError as exc:
        errors = {exc.field or "head_nik": exc.message}
        return await _detail(request, kernel, d, principal, area_id, values, errors, 422)
    if head:
        await flash(
            request, "success", _("{name} dicatat sebagai kepala.").format(name=head["name"])
        )
    else:
        await flash(request, "success", _("Wilayah ini kini tanpa kepala."))
    return Redirect(f"{d.base}/wilayah/{area_id}", status_code=303)


@post("/wilayah/{area_id:int}/hapus", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def remove_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    area_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    key = _text(values, "idempotency_key")
    kind = f"{REMOVE_KIND}.{area_id}"
    earlier = await recall(d.code, kind, key)
    if earlier is not None:
        return Redirect(f"{d.base}/wilayah" + (f"/{earlier}" if earlier else ""), status_code=303)
    try:
        parent = await rules.remove_area(kernel, d.code, d.actor, area_id)
    except NotInVillage:
        raise NotFoundException() from None
    except RegisterError as exc:
        errors = {exc.field or "area": exc.message}
        return await _detail(request, kernel, d, principal, area_id, values, errors, 422)
    await remember(d.code, kind, key, d.actor, parent or 0)
    await flash(request, "success", _("Wilayah dihapus."))
    return Redirect(f"{d.base}/wilayah" + (f"/{parent}" if parent else ""), status_code=303)


@post("/wilayah/impor", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def import_page(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    """Create the areas the families' text names; running it again adds nothing."""
    d = desk(request, tenant, principal)
    created = await rules.import_from_families(kernel, d.code, d.actor, now=d.now)
    if created:
        await flash(
            request, "success", _("{n} wilayah dibuat dari data keluarga.").format(n=created)
        )
    else:
        await flash(request, "info", _("Semua dusun, RW dan RT data keluarga sudah tercatat."))
    return Redirect(f"{d.base}/wilayah", status_code=303)


ROUTES = [
    area_tree,
    area_csv,
    area_suggestions,
    area_detail,
    add_area_page,
    rename_page,
    head_page,
    remove_page,
    import_page,
]
