"""The manager's vendor pages (register, approve, stalls, prices) and a vendor's own phone page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import DisclosureKind, Subject, disclose
from core.auth.principal import Principal
from core.i18n import N_, _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.tourism_market.market_days.markets import market
from plugins.tourism_market.money import whole_number
from plugins.tourism_market.permissions import MANAGE, VENDOR_SELF
from plugins.tourism_market.tables import Vendor
from plugins.tourism_market.vendors import residents, stalls, vendors
from plugins.tourism_market.web import FORM, once, page_context, refused

Form = Annotated[dict[str, str], FORM]
VENDOR_LIST = DisclosureKind("tourism_market.vendor.list", N_("Daftar pedagang pasar wisata"))


def _vendors_url(tenant: Tenant, market_id: int) -> str:
    return f"{tenant.base_url}/pasar/{market_id}/pedagang"


async def _market(market_id: int) -> dict[str, Any]:
    row = await market(market_id)
    if row is None:
        raise NotFoundException()
    return row


@get("/pasar/{market_id:int}/pedagang", guards=[requires(MANAGE)], include_in_schema=False)
async def vendor_list(
    request: Request[Any, Any, Any],
    market_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    q: str = "",
) -> Response[Any]:
    return await _vendor_page(request, market_id, tenant, principal, kernel, {"q": q}, {})


async def _vendor_page(
    request: Any,
    market_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[Any]:
    row = await _market(market_id)
    rows = await vendors.vendors(market_id)
    lookup = residents.available(request)
    found = await residents.search(values.get("q", "")) if lookup and values.get("q") else []
    today = local_day(request_state(request).now)
    plan = await stalls.plan_on(market_id, today)
    disclose(
        request,
        VENDOR_LIST,
        subjects=[Subject("tourism_market.vendor", vendor["id"]) for vendor in rows]
        + [Subject("population.resident", person.id, person.nik) for person in found],
        query={"q": values.get("q", "")} if found else None,
        count=len(rows) + len(found),
    )
    context = {
        **page_context(principal, tenant, kernel),
        "market": row,
        "vendors": rows,
        "actions": {
            vendor["id"]: [
                (action, vendors.VENDOR_LIFECYCLE.label(action))
                for action in vendors.VENDOR_LIFECYCLE.allowed_actions(vendor["status"])
            ]
            for vendor in rows
        },
        "category_labels": dict(vendors.CATEGORIES),
        "category_options": [("", "—"), *vendors.CATEGORIES],
        "resident_options": [(p.id, f"{p.name} · {p.dusun} RT {p.rt}") for p in found],
        "lookup": lookup,
        "found": found,
        "plan": plan,
        "stall_options": [(stall["id"], str(stall["number"])) for stall in plan],
        "prices": await stalls.price_lists(market_id),
        "today": today,
        "vendors_url": _vendors_url(tenant, market_id),
        "approved": [
            (v["id"], f"{v['stall_name']} ({v['name']})") for v in rows if v["status"] == "approved"
        ],
        "values": values,
        "errors": errors,
    }
    return await render(request, "tourism_market/vendors.html", context, status_code=status_code)


@post("/pasar/{market_id:int}/pedagang", guards=[requires(MANAGE)], include_in_schema=False)
async def register_vendor(
    request: Request[Any, Any, Any],
    market_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _market(market_id)
    resident = None
    if residents.available(request) and data.get("resident_id"):
        resident = await residents.resident(whole_number(data.get("resident_id")) or 0)
        if resident is None:
            errors = {"resident_id": _("Warga tidak ditemukan di desa ini.")}
            return await _vendor_page(
                request, market_id, tenant, principal, kernel, data, errors, 422
            )
    registration, errors = vendors.parse_registration(data, resident)
    try:
        if registration is None:
            raise vendors.VendorError(next(iter(errors.values())))
        now, ready = request_state(request).now, registration
        vendor_id, _created = await once(
            tenant,
            "tourism_market.vendor",
            data,
            principal,
            lambda: vendors.register(market_id, ready, now),
        )
    except WorkflowError as error:
        errors = errors or {"name": str(error)}
        return await _vendor_page(request, market_id, tenant, principal, kernel, data, errors, 422)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="create",
        entity="tourism_market.vendor",
        entity_id=vendor_id,
        after={"stall_name": registration.stall_name},
    )
    await flash(request, "success", _("Pedagang terdaftar; menunggu persetujuan."))
    return Redirect(_vendors_url(tenant, market_id), status_code=303)


@post(
    "/pasar/{market_id:int}/pedagang/{vendor_id:int}/aksi",
    guards=[requires(MANAGE)],
    include_in_schema=False,
)
async def vendor_action(
    request: Request[Any, Any, Any],
    market_id: int,
    vendor_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _vendor_of_market(market_id, vendor_id)
    action = data.get("action", "")
    try:
        now, note = request_state(request).now, data.get("note", "")

        async def write() -> int:
            await vendors.act(vendor_id, action, principal.username, now, note)
            return vendor_id

        await once(tenant, "tourism_market.vendor_action", data, principal, write)
    except WorkflowError as error:
        return await refused(request, str(error), _vendors_url(tenant, market_id))
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=action,
        entity="tourism_market.vendor",
        entity_id=vendor_id,
        after={"note": data.get("note", "").strip()},
    )
    await flash(
        request,
        "success",
        _("{action}: tersimpan.").format(action=_(vendors.VENDOR_LIFECYCLE.label(action))),
    )
    return Redirect(_vendors_url(tenant, market_id), status_code=303)


async def _vendor_of_market(market_id: int, vendor_id: int) -> None:
    found = await Vendor.exists().where((Vendor.id == vendor_id) & (Vendor.market == market_id))
    if not found:
        raise NotFoundException()


@post("/pasar/{market_id:int}/lapak", guards=[requires(MANAGE)], include_in_schema=False)
async def add_stall(
    request: Request[Any, Any, Any],
    market_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _market(market_id)
    number = whole_number(data.get("number"))
    try:
        if not number:
            raise vendors.VendorError(_("Nomor lapak harus bilangan bulat lebih dari nol."))
        stall_number, zone = number, data.get("zone", "")
        await once(
            tenant,
            "tourism_market.stall",
            data,
            principal,
            lambda: stalls.add_stall(market_id, stall_number, zone),
        )
    except WorkflowError as error:
        errors = {"number": str(error)}
        return await _vendor_page(request, market_id, tenant, principal, kernel, data, errors, 422)
    return Redirect(_vendors_url(tenant, market_id) + "#denah", status_code=303)


@post("/pasar/{market_id:int}/lapak/tugaskan", guards=[requires(MANAGE)], include_in_schema=False)
async def assign_stall(
    request: Request[Any, Any, Any],
    market_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _market(market_id)
    now = request_state(request).now
    try:
        stall_id, vendor_id = whole_number(data.get("stall")), whole_number(data.get("vendor"))
        starts = date.fromisoformat(data.get("starts_on") or now.date().isoformat())
        ends = date.fromisoformat(data.get("ends_on") or starts.isoformat())
        if not stall_id or not vendor_id:
            raise vendors.VendorError(_("Pilih lapak dan pedagang."))
        await _vendor_of_market(market_id, vendor_id)
        chosen = (stall_id, vendor_id)
        await once(
            tenant,
            "tourism_market.assignment",
            data,
            principal,
            lambda: stalls.assign(chosen[0], chosen[1], starts, ends, principal.username, now),
        )
    except ValueError as error:
        message = str(error) if isinstance(error, WorkflowError) else "Tanggal tidak sah."
        return await _vendor_page(
            request, market_id, tenant, principal, kernel, data, {"stall": message}, 422
        )
    return Redirect(_vendors_url(tenant, market_id) + "#denah", status_code=303)


@post(
    "/pasar/{market_id:int}/pedagang/{vendor_id:int}/harga",
    guards=[requires(MANAGE)],
    include_in_schema=False,
)
async def add_price(
    request: Request[Any, Any, Any],
    market_id: int,
    vendor_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _vendor_of_market(market_id, vendor_id)
    try:
        price = whole_number(data.get("price_tokens"))
        item = data.get("item", "")
        await once(
            tenant,
            "tourism_market.price",
            data,
            principal,
            lambda: stalls.add_price(vendor_id, item, price or 0),
        )
    except WorkflowError as error:
        return await refused(request, str(error), _vendors_url(tenant, market_id))
    return Redirect(_vendors_url(tenant, market_id), status_code=303)


@get("/pasar/lapak-saya", guards=[requires(VENDOR_SELF)], include_in_schema=False)
async def my_stall(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[Any]:
    """A vendor's own page: their stall, prices and what they took home, day by day."""
    mine = await vendors.vendor_of_user(principal.username)
    for vendor in mine:
        vendor["status_label"] = vendors.VENDOR_LIFECYCLE.label(
            await vendors.vendor_status(vendor["id"])
        )
        vendor["takings"] = await vendors.takings_by_day(vendor["id"])
        vendor["prices"] = (await stalls.price_lists(vendor["market"])).get(vendor["id"], [])
    since = local_day(request_state(request).now) - timedelta(days=365)
    context = {**page_context(principal, tenant, kernel), "mine": mine, "since": since}
    return await render(request, "tourism_market/my_stall.html", context)


HANDLERS = [
    my_stall,
    vendor_list,
    register_vendor,
    vendor_action,
    add_stall,
    assign_stall,
    add_price,
]
