"""The market's staff pages: the market and its coming dates, a market day from open to close."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.auth.principal import Principal
from core.exports import XLSX_TYPE
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.tourism_market.ledger.postings import LedgerError
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.market_days import closing, day_report, days, markets, parking
from plugins.tourism_market.money import whole_number
from plugins.tourism_market.permissions import GATE, MANAGE, VIEW
from plugins.tourism_market.shifts.shifts import day_shifts
from plugins.tourism_market.tables import Booth
from plugins.tourism_market.web import FORM, fresh_key, once, page_context

Form = Annotated[dict[str, str], FORM]


async def _market(market_id: int) -> dict[str, Any]:
    row = await markets.market(market_id)
    if row is None:
        raise NotFoundException()
    return row


@get("/pasar", guards=[requires(VIEW)], include_in_schema=False)
async def overview(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[Any]:
    rows = await markets.markets()
    if len(rows) == 1:
        return Redirect(f"{tenant.base_url}/pasar/{rows[0]['id']}", status_code=303)
    return await _overview(request, tenant, principal, kernel, rows, {}, {})


async def _overview(
    request: Any,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    rows: list[Any],
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[Any]:
    defaults = {
        "schedule": "Minggu Legi dan Minggu Pahing",
        "opens_at": "06:00",
        "closes_at": "11:00",
        "token_value": "2000",
        "denominations": "1",
        "parking_fee": "2000",
        "fee_mode": "percent",
        "fee_value": "10",
    }
    context = {
        **page_context(principal, tenant, kernel),
        "markets": rows,
        "values": {**defaults, **values},
        "errors": errors,
    }
    return await render(request, "tourism_market/overview.html", context, status_code=status_code)


SAMPLE_MARKET = {
    "name": "Pasar Bahulak",
    "schedule": "Minggu Legi dan Minggu Pahing",
    "opens_at": "06:00",
    "closes_at": "11:00",
    "token_value": "2000",
    "denominations": "1",
    "parking_fee": "2000",
    "fee_mode": "percent",
    "fee_value": "5",
}


@post("/pasar", guards=[requires(MANAGE)], include_in_schema=False, opt={"sample": SAMPLE_MARKET})
async def create(
    request: Request[Any, Any, Any],
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    terms, errors = markets.parse_terms(data)
    if terms is None:
        return await _overview(
            request, tenant, principal, kernel, await markets.markets(), data, errors, 422
        )
    now = request_state(request).now
    market_id, _created = await once(
        tenant, "tourism_market.market", data, principal, lambda: markets.create_market(terms, now)
    )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="create",
        entity="tourism_market.market",
        entity_id=market_id,
        after=dict(terms.__dict__),
    )
    await flash(request, "success", _("Pasar tersimpan."))
    return Redirect(f"{tenant.base_url}/pasar/{market_id}", status_code=303)


@get("/pasar/{market_id:int}", guards=[requires(VIEW)], include_in_schema=False)
async def market_page(
    request: Request[Any, Any, Any],
    market_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    return await _market_page(request, market_id, tenant, principal, kernel, {}, {})


async def _market_page(
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
    today = local_day(request_state(request).now)
    context = {
        **page_context(principal, tenant, kernel),
        "market": row,
        "coming": await markets.coming_dates(row, today, months=3),
        "past": await markets.past_days(market_id, today),
        "booths": await Booth.select().where(Booth.market == market_id).order_by(Booth.name),
        "today": today,
        "values": values,
        "errors": errors,
    }
    return await render(request, "tourism_market/market.html", context, status_code=status_code)


@post("/pasar/{market_id:int}/loket", guards=[requires(MANAGE)], include_in_schema=False)
async def add_booth(
    request: Request[Any, Any, Any],
    market_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _market(market_id)
    name = (data.get("booth_name") or "").strip()
    if not name or len(name) > 50:
        errors = {"booth_name": _("Nama loket wajib diisi, paling banyak 50 karakter.")}
        return await _market_page(request, market_id, tenant, principal, kernel, data, errors, 422)
    await once(tenant, "tourism_market.booth", data, principal, lambda: _add_booth(market_id, name))
    await flash(request, "success", _("Loket ditambahkan."))
    return Redirect(f"{tenant.base_url}/pasar/{market_id}", status_code=303)


@post("/pasar/{market_id:int}/tanggal", guards=[requires(MANAGE)], include_in_schema=False)
async def mark_date(
    request: Request[Any, Any, Any],
    market_id: int,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Announce a special edition or cancel a coming date, with its note."""
    await _market(market_id)
    now = request_state(request).now
    try:
        day = date.fromisoformat((data.get("day") or "").strip())
    except ValueError:
        errors = {"day": _("Tanggal wajib diisi (TTTT-BB-HH).")}
        return await _market_page(request, market_id, tenant, principal, kernel, data, errors, 422)
    note = (data.get("note") or "").strip()

    async def write() -> int:
        if data.get("action") == "cancel":
            day_id = await days.ensure_day(market_id, day, now, special=True)
            await days.act(day_id, "cancel", principal.username, now, note)
            return day_id
        return await days.ensure_day(market_id, day, now, special=True, note=note)

    try:
        day_id, _created = await once(tenant, "tourism_market.date", data, principal, write)
    except WorkflowError as error:
        return await _market_page(
            request, market_id, tenant, principal, kernel, data, {"day": str(error)}, 422
        )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=data.get("action") or "special",
        entity="tourism_market.day",
        entity_id=day_id,
        after={"day": day.isoformat(), "note": note},
    )
    await flash(request, "success", _("Tanggal pasar tersimpan."))
    return Redirect(f"{tenant.base_url}/pasar/{market_id}", status_code=303)


async def _add_booth(market_id: int, name: str) -> int:
    rows = await Booth.insert(Booth(market=market_id, name=name)).returning(Booth.id)
    return int(rows[0]["id"])


def _day_url(tenant: Tenant, market_id: int, day: date) -> str:
    return f"{tenant.base_url}/pasar/{market_id}/hari/{day.isoformat()}"


@get("/pasar/{market_id:int}/hari/{day:date}", guards=[requires(VIEW)], include_in_schema=False)
async def day_page(
    request: Request[Any, Any, Any],
    market_id: int,
    day: date,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    return await _day_page(request, market_id, day, tenant, principal, kernel, {}, {})


async def _day_page(
    request: Any,
    market_id: int,
    day: date,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[Any]:
    market = await _market(market_id)
    row = await days.day_row(market_id, day)
    status = await days.day_status(row["id"]) if row else days.PLANNED
    booths = await Booth.select().where(Booth.market == market_id).order_by(Booth.name)
    context = {
        **page_context(principal, tenant, kernel),
        "market": market,
        "day": day,
        "day_row": row,
        "status": status,
        "status_label": days.DAY_LIFECYCLE.label(status),
        "actions": [
            (action, days.DAY_LIFECYCLE.label(action))
            for action in days.DAY_LIFECYCLE.allowed_actions(status)
        ],
        "visitors": await days.visitor_total(row["id"]) if row else 0,
        "parking": await parking.parking_summary(row["id"]) if row else (0, 0),
        "shifts": await day_shifts(row["id"]) if row else [],
        "booths": booths,
        "booth_options": [(booth["id"], booth["name"]) for booth in booths],
        "report": await reconcile(market_id, row["id"]) if row else None,
        "day_url": _day_url(tenant, market_id, day),
        "values": {"idempotency_key": fresh_key(), **values},
        "errors": errors,
    }
    return await render(request, "tourism_market/day.html", context, status_code=status_code)


@post("/pasar/{market_id:int}/hari/{day:date}", guards=[requires(MANAGE)], include_in_schema=False)
async def day_action(
    request: Request[Any, Any, Any],
    market_id: int,
    day: date,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _market(market_id)
    now, action, note = request_state(request).now, data.get("action", ""), data.get("note", "")

    async def write() -> int:
        day_id = await days.ensure_day(market_id, day, now)
        if action == "close":
            await closing.close_day(day_id, principal.username, now)
        else:
            await days.act(day_id, action, principal.username, now, note)
        return day_id

    try:
        day_id, _created = await once(tenant, "tourism_market.day_action", data, principal, write)
    except WorkflowError as error:
        return await _day_page(
            request, market_id, day, tenant, principal, kernel, data, {"action": str(error)}, 422
        )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=action,
        entity="tourism_market.day",
        entity_id=day_id,
        after={"note": note.strip()},
    )
    await flash(
        request,
        "success",
        _("{action}: tersimpan.").format(action=_(days.DAY_LIFECYCLE.label(action))),
    )
    return Redirect(_day_url(tenant, market_id, day), status_code=303)


@post(
    "/pasar/{market_id:int}/hari/{day:date}/pengunjung",
    guards=[requires(GATE)],
    include_in_schema=False,
)
async def count_visitors(
    request: Request[Any, Any, Any],
    market_id: int,
    day: date,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    text = (data.get("visitors") or "").strip()
    negative = text.startswith("-")
    number = whole_number(text.lstrip("-"))
    row = await days.day_row(market_id, day)
    try:
        if number is None or row is None:
            raise days.MarketDayError(_("Jumlah pengunjung harus bilangan bulat."))
        visitors, day_id, now = (
            -number if negative else number,
            row["id"],
            request_state(request).now,
        )

        async def write() -> int:
            await days.count_visitors(
                day_id, visitors, principal.username, now, data.get("note", "")
            )
            return int(day_id)

        await once(tenant, "tourism_market.tally", data, principal, write)
    except WorkflowError as error:
        return await _day_page(
            request, market_id, day, tenant, principal, kernel, data, {"visitors": str(error)}, 422
        )
    return Redirect(_day_url(tenant, market_id, day) + "#gerbang", status_code=303)


@post(
    "/pasar/{market_id:int}/hari/{day:date}/parkir",
    guards=[requires(GATE)],
    include_in_schema=False,
)
async def record_parking(
    request: Request[Any, Any, Any],
    market_id: int,
    day: date,
    data: Form,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    vehicles = whole_number(data.get("vehicles"))
    row = await days.day_row(market_id, day)
    try:
        if vehicles is None or row is None:
            raise LedgerError(_("Jumlah kendaraan harus bilangan bulat."))
        await parking.park(
            row["id"],
            vehicles,
            principal.username,
            request_state(request).now,
            data.get("idempotency_key", ""),
        )
    except (WorkflowError, LedgerError) as error:
        return await _day_page(
            request, market_id, day, tenant, principal, kernel, data, {"vehicles": str(error)}, 422
        )
    return Redirect(_day_url(tenant, market_id, day) + "#gerbang", status_code=303)


@get(
    "/pasar/{market_id:int}/hari/{day:date}/laporan/{kind:str}",
    guards=[requires(MANAGE)],
    include_in_schema=False,
)
async def day_export(
    request: Request[Any, Any, Any],
    market_id: int,
    day: date,
    kind: str,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """The day report as XLSX for the BUMDes books or as the PDF the manager signs."""
    market = await _market(market_id)
    row = await days.day_row(market_id, day)
    if row is None or kind not in ("xlsx", "pdf"):
        raise NotFoundException()
    report = await day_report.day_report(market, row)
    name = f"pasar-{day.isoformat()}.{kind}"
    if kind == "xlsx":
        body = day_report.as_xlsx(report)
        media = XLSX_TYPE
    else:
        closed = await days.day_status(int(row["id"])) == days.CLOSED
        body = await day_report.report_pdf(kernel, report, principal, tenant, closed=closed)
        media = "application/pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media, headers=headers)


HANDLERS = [
    day_export,
    overview,
    create,
    market_page,
    add_booth,
    mark_date,
    day_page,
    day_action,
    count_visitors,
    record_parking,
]
