"""The booth on a cashier's phone: open a shift, sell, refund, redeem, count and close; and the
supervisor's review. Every money form carries the idempotency key it was rendered with, so a
send repeated by a flaky connection (or by the offline queue) books once and shows the same
receipt number."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import balance, drawer_key
from plugins.tourism_market.ledger.postings import Booked, LedgerError
from plugins.tourism_market.market_days.days import day_row
from plugins.tourism_market.money import rupiah, whole_number
from plugins.tourism_market.permissions import CASH, MANAGE
from plugins.tourism_market.shifts import shifts
from plugins.tourism_market.tables import JournalEntry, Market, MarketDay, Vendor
from plugins.tourism_market.web import FORM, fresh_key, once, page_context, refused

Form = Annotated[dict[str, str], FORM]

OPERATIONS = {"jual": ops.SELL, "kembali": ops.REFUND, "tukar": ops.REDEEM}


def till_address(tenant: Tenant, shift_id: int) -> str:
    return f"{tenant.base_url}/pasar/shift/{shift_id}"


@post(
    "/pasar/{market_id:int}/hari/{day:date}/shift", guards=[requires(CASH)], include_in_schema=False
)
async def open_shift(
    request: Request[Any, Any, Any],
    market_id: int,
    day: date,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    now = request_state(request).now
    float_amount = whole_number(data.get("float_amount"))
    booth = whole_number(data.get("booth"))
    row = await day_row(market_id, day)
    try:
        if row is None:
            raise shifts.ShiftError(_("Pasar hari ini belum dibuka."))
        if float_amount is None:
            raise shifts.ShiftError(_("Modal laci harus bilangan bulat, nol atau lebih."))
        day_id = row["id"]

        async def write() -> int:
            key = data.get("idempotency_key", "")
            return await shifts.open_shift(
                day_id, booth or 0, principal.username, float_amount, now, key
            )

        shift_id, _created = await once(tenant, "tourism_market.shift", data, principal, write)
    except (WorkflowError, LedgerError) as error:
        back = f"{tenant.base_url}/pasar/{market_id}/hari/{day.isoformat()}"
        return await refused(request, str(error), back)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="open",
        entity="tourism_market.shift",
        entity_id=shift_id,
        after={"booth": booth, "float": float_amount},
    )
    return Redirect(till_address(tenant, shift_id), status_code=303)


@get("/pasar/shift/{shift_id:int}", guards=[requires(CASH)], include_in_schema=False)
async def till_page(
    request: Request[Any, Any, Any],
    shift_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    return await till_response(request, shift_id, tenant, principal, kernel, {}, {})


async def till_response(
    request: Any,
    shift_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
    receipt: dict[str, Any] | None = None,
) -> Response[Any]:
    try:
        row = await shifts.shift_row(shift_id)
    except shifts.ShiftError:
        raise NotFoundException() from None
    market = await Market.select().where(Market.id == row["market"]).first()
    status = await shifts.shift_status(shift_id)
    vendors = (
        await Vendor.select(Vendor.id, Vendor.name, Vendor.stall_name)
        .where(Vendor.market == row["market"])
        .order_by(Vendor.stall_name)
    )
    recent = (
        await JournalEntry.select(
            JournalEntry.id,
            JournalEntry.kind,
            JournalEntry.tokens,
            JournalEntry.amount,
            JournalEntry.reverses,
            JournalEntry.note,
            JournalEntry.created_at,
        )
        .where(JournalEntry.shift == shift_id)
        .order_by(JournalEntry.id, ascending=False)
        .limit(10)
    )
    context = {
        **page_context(principal, tenant, kernel),
        "shift": row,
        "market": market,
        "status": status,
        "status_label": shifts.SHIFT_LIFECYCLE.label(status),
        "own": row["cashier"] == principal.username,
        "cash": await balance(int(row["market"]), drawer_key(shift_id)),
        "count": await shifts.last_count(shift_id),
        "vendor_options": [("", "—")]
        + [(v["id"], f"{v['stall_name']} ({v['name']})") for v in vendors],
        "recent": recent,
        "kinds": ops.KIND_LABELS,
        "denominations": shifts.DENOMINATIONS,
        "till_url": till_address(tenant, shift_id),
        "receipt": receipt,
        "values": {**values, "idempotency_key": fresh_key()},
        "errors": errors,
    }
    return await render(request, "tourism_market/till.html", context, status_code=status_code)


@post(
    "/pasar/shift/{shift_id:int}/{operation:str}", guards=[requires(CASH)], include_in_schema=False
)
async def exchange(
    request: Request[Any, Any, Any],
    shift_id: int,
    operation: str,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Sell, refund or redeem tokens; the answer names the receipt, first time or retried."""
    kind = OPERATIONS.get(operation)
    if kind is None:
        raise NotFoundException()
    now = request_state(request).now
    tokens = whole_number(data.get("tokens"))
    key = data.get("idempotency_key", "")
    try:
        till = await shifts.till(shift_id, principal.username, now)
        if not tokens:
            raise LedgerError(_("Jumlah koin harus bilangan bulat lebih dari nol."))
        booked = await _book(kind, till, tokens, key, data)
    except (WorkflowError, LedgerError) as error:
        values = {**data, "operation": operation}
        return await till_response(
            request, shift_id, tenant, principal, kernel, values, {operation: str(error)}, 422
        )
    amount = rupiah(await booked_amount(booked))
    text = f"{ops.KIND_LABELS[kind]} {tokens} koin = {amount} · struk {booked.receipt}"
    return await receipt_shown(request, tenant, shift_id, booked, text)


async def booked_amount(booked: Booked) -> int:
    """The rupiah of a booked entry, the first booking's when the send was a retry."""
    row = (
        await JournalEntry.select(JournalEntry.amount)
        .where(JournalEntry.id == booked.entry_id)
        .first()
    )
    return int(row["amount"]) if row else 0


async def receipt_shown(
    request: Request[Any, Any, Any], tenant: Tenant, shift_id: int, booked: Booked, text: str
) -> Response[Any]:
    """Back to the till, the receipt named in a notice."""
    await flash(request, "success", text)
    return Redirect(till_address(tenant, shift_id) + f"?struk={booked.entry_id}", status_code=303)


async def market_vendor(till: ops.Till, vendor_id: int | None) -> tuple[int, str] | None:
    """(id, name) of the vendor `vendor_id` of the till's market; None when there is none."""
    if not vendor_id:
        return None
    row = (
        await Vendor.select(Vendor.id, Vendor.name)
        .where((Vendor.id == vendor_id) & (Vendor.market == till.market_id))
        .first()
    )
    return (int(row["id"]), str(row["name"])) if row else None


async def _book(kind: str, till: ops.Till, tokens: int, key: str, data: dict[str, str]) -> Booked:
    if kind == ops.SELL:
        return await ops.sell_tokens(till, tokens, key)
    if kind == ops.REFUND:
        return await ops.refund_tokens(till, tokens, key)
    vendor = await market_vendor(till, whole_number(data.get("vendor")))
    if vendor is None:
        raise LedgerError(_("Pilih pedagang yang menukarkan koin."))
    return await ops.redeem_tokens(till, vendor[0], vendor[1], tokens, key)


@post("/pasar/shift/{shift_id:int}/tutup", guards=[requires(CASH)], include_in_schema=False)
async def close_shift(
    request: Request[Any, Any, Any],
    shift_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    counts: dict[int, int] = {}
    errors: dict[str, str] = {}
    for value in shifts.DENOMINATIONS:
        pieces = whole_number(data.get(f"d{value}") or "0")
        if pieces is None:
            errors[f"d{value}"] = _(
                "Jumlah Rp{value} harus bilangan bulat, nol atau lebih."
            ).format(value=value)
        else:
            counts[value] = pieces
    try:
        if errors:
            raise shifts.ShiftError(next(iter(errors.values())))
        now = request_state(request).now

        async def write() -> int:
            await shifts.close_shift(
                shift_id, counts, data.get("note", ""), principal.username, now
            )
            return shift_id

        await once(tenant, "tourism_market.shift_close", data, principal, write)
        count = await shifts.last_count(shift_id)
        counted, expected = int(count["counted"]), int(count["expected"])
    except WorkflowError as error:
        errors.setdefault("close", str(error))
        return await till_response(request, shift_id, tenant, principal, kernel, data, errors, 422)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="close",
        entity="tourism_market.shift",
        entity_id=shift_id,
        after={"counted": counted, "expected": expected},
    )
    await flash(
        request,
        "success",
        _("Kas dihitung {amount}; menunggu persetujuan.").format(amount=rupiah(counted)),
    )
    return Redirect(till_address(tenant, shift_id), status_code=303)


@post("/pasar/shift/{shift_id:int}/tinjau", guards=[requires(MANAGE)], include_in_schema=False)
async def review_shift(
    request: Request[Any, Any, Any],
    shift_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    action = data.get("action", "")
    try:
        row = await shifts.shift_row(shift_id)
        now = request_state(request).now

        async def write() -> int:
            await shifts.review_shift(
                shift_id, action, principal.username, now, data.get("note", "")
            )
            return shift_id

        await once(tenant, "tourism_market.shift_review", data, principal, write)
    except (WorkflowError, LedgerError) as error:
        return await refused(request, str(error), till_address(tenant, shift_id))
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=action,
        entity="tourism_market.shift",
        entity_id=shift_id,
        after={"note": data.get("note", "").strip()},
    )
    day = await MarketDay.select(MarketDay.day).where(MarketDay.id == row["market_day"]).first()
    await flash(
        request,
        "success",
        _("{action}: tersimpan.").format(action=_(shifts.SHIFT_LIFECYCLE.label(action))),
    )
    return Redirect(
        f"{tenant.base_url}/pasar/{row['market']}/hari/{day['day'].isoformat()}", status_code=303
    )


HANDLERS = [open_shift, till_page, close_shift, review_shift, exchange]
