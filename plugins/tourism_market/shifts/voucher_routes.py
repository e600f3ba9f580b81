"""QR vouchers at the booth: sell one (and show its QR to print or to photograph), and take one
back — redeemed for the vendor who was paid with it, or refunded to the visitor who did not
spend it. The ledger side is `ledger.vouchers`; these pages only read the form and answer."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup

from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.qr import qr_svg
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger import vouchers
from plugins.tourism_market.ledger.postings import LedgerError
from plugins.tourism_market.money import rupiah, whole_number
from plugins.tourism_market.permissions import CASH
from plugins.tourism_market.shifts import shifts
from plugins.tourism_market.shifts.routes import (
    Form,
    booked_amount,
    market_vendor,
    receipt_shown,
    till_address,
    till_response,
)
from plugins.tourism_market.tables import JournalEntry, Market
from plugins.tourism_market.web import page_context

SELL, USE = "voucher", "pakai-voucher"


@post("/pasar/shift/{shift_id:int}/voucher", guards=[requires(CASH)], include_in_schema=False)
async def sell(
    request: Request[Any, Any, Any],
    shift_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Sell tokens as one QR voucher; the answer is the voucher itself."""
    tokens = whole_number(data.get("tokens"))
    try:
        till = await shifts.till(shift_id, principal.username, request_state(request).now)
        if not tokens:
            raise LedgerError(_("Jumlah koin harus bilangan bulat lebih dari nol."))
        booked = await vouchers.sell_voucher(till, tokens, data.get("idempotency_key", ""))
    except (WorkflowError, LedgerError) as error:
        values = {**data, "operation": SELL}
        return await till_response(
            request, shift_id, tenant, principal, kernel, values, {SELL: str(error)}, 422
        )
    return Redirect(f"{till_address(tenant, shift_id)}/voucher/{booked.entry_id}", status_code=303)


@get(
    "/pasar/shift/{shift_id:int}/voucher/{entry_id:int}",
    guards=[requires(CASH)],
    include_in_schema=False,
)
async def show(
    request: Request[Any, Any, Any],
    shift_id: int,
    entry_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """The voucher as the visitor gets it: the QR, its code in letters, what it is worth."""
    entry = (
        await JournalEntry.select()
        .where((JournalEntry.id == entry_id) & (JournalEntry.shift == shift_id))
        .first()
    )
    if entry is None or entry["note"] != vouchers.NOTE:
        raise NotFoundException()
    market = await Market.select(Market.name).where(Market.id == entry["market"]).first()
    code = vouchers.voucher_code(kernel.settings.secret_key, tenant.code, entry_id)
    context = {
        **page_context(principal, tenant, kernel),
        "market": market,
        "entry": entry,
        "code": code,
        "qr": Markup(qr_svg(code)),
        "value": rupiah(entry["amount"]),
        "till_url": till_address(tenant, shift_id),
    }
    return await render(request, "tourism_market/voucher.html", context)


@post("/pasar/shift/{shift_id:int}/voucher/pakai", guards=[requires(CASH)], include_in_schema=False)
async def use(
    request: Request[Any, Any, Any],
    shift_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Take a voucher back: for the chosen vendor, or (no vendor) refunded to its bearer."""
    try:
        till = await shifts.till(shift_id, principal.username, request_state(request).now)
        vendor_id = whole_number(data.get("vendor"))
        vendor = await market_vendor(till, vendor_id)
        if vendor_id and vendor is None:
            raise LedgerError(_("Pedagang tidak ditemukan di pasar ini."))
        booked = await vouchers.use_voucher(
            till, kernel.settings.secret_key, tenant.code, data.get("code", ""), vendor
        )
    except (WorkflowError, LedgerError) as error:
        values = {**data, "operation": USE}
        return await till_response(
            request, shift_id, tenant, principal, kernel, values, {USE: str(error)}, 422
        )
    kind = ops.REDEEM if vendor else ops.REFUND
    text = _("Voucher: {label} {amount} · struk {receipt}").format(
        label=_(ops.KIND_LABELS[kind]),
        amount=rupiah(await booked_amount(booked)),
        receipt=booked.receipt,
    )
    return await receipt_shown(request, tenant, shift_id, booked, text)


HANDLERS = [sell, show, use]
