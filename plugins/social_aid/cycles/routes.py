"""Cycle pages: the list, one cycle (schedule, payout list, actions, signed document), the
invitation slips, the door-to-door list, and the counter where payouts are recorded."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.localtime import local_clock, zone
from core.qr import qr_svg
from core.signing import SignerIdentity
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.workflow import WorkflowError
from plugins.social_aid import disclosures
from plugins.social_aid.cycles import cycles, payouts, reconciliation
from plugins.social_aid.cycles.cycles import CycleError
from plugins.social_aid.cycles.lifecycle import CYCLE
from plugins.social_aid.form_input import FORM, new_key, note, seen
from plugins.social_aid.permissions import MANAGE, PAY, VIEW
from plugins.social_aid.programmes import programmes

ONE = "/bantuan/siklus/{cycle_id:int}"
MAX_UPLOAD = 5 * 1024 * 1024
SLOT, ACTION = "social_aid.slot", "social_aid.cycle_action"


def _url(tenant: Tenant, cycle_id: int) -> str:
    return f"{tenant.base_url}/bantuan/siklus/{cycle_id}"


async def _state(cycle_id: int) -> cycles.CycleState:
    state = await cycles.load(cycle_id)
    if state is None:
        raise NotFoundException("Siklus tidak ditemukan di desa ini.")
    return state


async def _index(
    request: Request[Any, Any, Any], values: dict[str, str], errors: dict[str, str]
) -> Response[str]:
    context = {
        "items": await cycles.cycles(),
        "lifecycle": CYCLE,
        "errors": errors,
        "programmes": [p for p in await programmes.programmes() if not p["national"]],
        "values": {"idempotency_key": new_key(), **values},
    }
    return await render(
        request, "social_aid/cycles.html", context, status_code=422 if errors else 200
    )


@get("/bantuan/siklus", guards=[requires(VIEW)], include_in_schema=False)
async def index(request: Request[Any, Any, Any]) -> Response[str]:
    return await _index(request, {}, {})


@post("/bantuan/siklus", guards=[requires(MANAGE)], include_in_schema=False)
async def create(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    key = data.get("idempotency_key", "")
    earlier = await recall(tenant.code, cycles.ENTITY, key)
    if earlier is not None:
        return Redirect(_url(tenant, earlier), status_code=303)
    chosen = data.get("programme", "")
    try:
        created = await cycles.open_cycle(
            kernel,
            tenant.code,
            int(chosen) if chosen.isdigit() else 0,
            principal.username,
            datetime.now(UTC),
        )
    except CycleError as exc:
        return await _index(request, data, {exc.field: exc.message})
    await remember(tenant.code, cycles.ENTITY, key, principal.username, created)
    return Redirect(_url(tenant, created), status_code=303)


async def _page(
    request: Request[Any, Any, Any],
    state: cycles.CycleState,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
    reports: list[reconciliation.RowReport] | None = None,
) -> Response[str]:
    rows = await cycles.entitlements(state.row["id"])
    disclose(
        request,
        disclosures.CYCLE_LIST,
        subjects=disclosures.people(rows),
        query={"cycle": state.row["id"]},
        count=len(rows),
    )
    actions = [(a, _(CYCLE.label(a))) for a in CYCLE.allowed_actions(state.status)]
    context = {
        "state": state,
        "entitlements": rows,
        "slots": await cycles.slots(state.row["id"]),
        "lifecycle": CYCLE,
        "actions": actions,
        "values": values,
        "errors": errors,
        "paid_total": sum(r["payout"]["amount"] for r in rows if r["payout"]),
        "clock": _clock,
        "new_key": new_key,
        "reports": reports,
        "reconciliation_columns": reconciliation.COLUMNS,
    }
    return await render(request, "social_aid/cycle.html", context, status_code=status_code)


@get(ONE, guards=[requires(VIEW)], include_in_schema=False)
async def show(request: Request[Any, Any, Any], cycle_id: int) -> Response[str]:
    return await _page(request, await _state(cycle_id), {}, {})


def _clock(moment: datetime | None) -> str:
    """A moment as the village reads it (WIB, WITA or WIT)."""
    return local_clock(moment) if moment else "-"


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=zone())
    except ValueError:
        return None


@post(ONE + "/jadwal", guards=[requires(MANAGE)], include_in_schema=False)
async def add_slot(
    request: Request[Any, Any, Any],
    cycle_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    state = await _state(cycle_id)
    if await seen(tenant.code, SLOT, data) is not None:
        return Redirect(_url(tenant, cycle_id), status_code=303)
    starts, ends = (
        _moment(data.get("starts_at", "")),
        _moment(data.get("ends_at", "")),
    )
    if starts is None or ends is None:
        field = "starts_at" if starts is None else "ends_at"
        return await _page(request, state, data, {field: "Isi tanggal dan jam pembayaran."}, 422)
    try:
        slot_id = await cycles.add_slot(
            kernel,
            tenant.code,
            state,
            data.get("place", ""),
            data.get("dusun", ""),
            starts,
            ends,
            principal.username,
        )
    except CycleError as exc:
        return await _page(request, state, data, {exc.field: exc.message}, 422)
    await note(tenant.code, SLOT, data, principal.username, slot_id)
    return Redirect(_url(tenant, cycle_id), status_code=303)


def _identity(principal: Principal, tenant: Tenant) -> SignerIdentity:
    roles = principal.roles_in(tenant)
    office = (
        f"Kepala {tenant.local_word} {tenant.display_name}"
        if "village_head" in roles
        else f"Penyetuju bantuan sosial, {tenant.display_name}"
    )
    return SignerIdentity(
        id=f"user-{principal.user_id}",
        name=principal.display_name or principal.username,
        position=office,
        organisation=f"Pemerintah {tenant.local_word} {tenant.display_name}",
    )


@post(ONE + "/aksi", guards=[requires(VIEW)], include_in_schema=False)
async def act(
    request: Request[Any, Any, Any],
    cycle_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """One lifecycle action; the lifecycle names the permission each needs."""
    state = await _state(cycle_id)
    action = data.get("action", "")
    if await seen(tenant.code, ACTION, data) is not None:
        return Redirect(_url(tenant, cycle_id), status_code=303)
    try:
        needed = CYCLE.permission_for(action)
        if needed and not principal.holds(tenant, kernel.permissions[needed]):
            refusal = {"action": "Anda tidak berwenang mengambil aksi ini."}
            return await _page(request, state, data, refusal, 403)
        await cycles.act(
            kernel,
            tenant,
            state,
            action,
            data,
            actor=principal.username,
            identity=_identity(principal, tenant),
            now=datetime.now(UTC),
        )
    except CycleError as exc:
        return await _page(request, state, data, {exc.field: exc.message}, 422)
    except WorkflowError as exc:
        return await _page(request, state, data, {"action": str(exc)}, 422)
    await note(tenant.code, ACTION, data, principal.username, cycle_id)
    await flash(request, "success", _(CYCLE.label(action)) + ": " + _("tersimpan."))
    return Redirect(_url(tenant, cycle_id), status_code=303)


@get(ONE + "/dokumen", guards=[requires(VIEW)], include_in_schema=False)
async def signed_document(
    request: Request[Any, Any, Any],
    cycle_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[bytes]:
    state = await _state(cycle_id)
    if state.document is None:
        raise NotFoundException("Siklus ini belum disetujui; belum ada dokumen bertanda tangan.")
    path = Path(state.document["path"])
    if not path.is_file():
        raise NotFoundException("Berkas dokumen tidak ditemukan di penyimpanan.")
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="read",
        entity="social_aid.cycle_document",
        entity_id=cycle_id,
    )
    disclose(request, disclosures.CYCLE_LIST, query={"cycle": cycle_id, "document": "pdf"})
    return Response(
        path.read_bytes(),
        media_type="application/pdf",
        headers={
            "content-disposition": f'attachment; filename="daftar-bayar-{cycle_id}.pdf"',
            "x-content-type-options": "nosniff",
        },
    )


@get(ONE + "/undangan", guards=[requires(MANAGE)], include_in_schema=False)
async def invitations(request: Request[Any, Any, Any], cycle_id: int) -> Response[str]:
    """Printable invitation slips with a QR code, a place and a time slot each."""
    state = await _state(cycle_id)
    rows = [r for r in await cycles.entitlements(cycle_id) if r["outcome"] == "pending"]
    disclose(
        request,
        disclosures.CYCLE_LIST,
        subjects=disclosures.people(rows),
        query={"cycle": cycle_id, "slips": 1},
        count=len(rows),
    )
    slips_ = [(row, Markup(qr_svg(row["token"]))) for row in rows]
    door = request.query_params.get("rumah") == "1"
    if door:
        slips_ = [(row, qr) for row, qr in slips_ if row["door_to_door"]]
    context = {"state": state, "slips": slips_, "door": door, "clock": _clock}
    return await render(request, "social_aid/slips.html", context)


async def _counter(
    request: Request[Any, Any, Any],
    values: dict[str, str],
    errors: dict[str, str],
    receipt: payouts.Recorded | None = None,
    status_code: int = 200,
) -> Response[str]:
    context = {
        "values": {"idempotency_key": new_key(), **values},
        "errors": errors,
        "receipt": receipt,
    }
    return await render(request, "social_aid/counter.html", context, status_code=status_code)


@get("/bantuan/bayar", guards=[requires(PAY)], include_in_schema=False)
async def counter(request: Request[Any, Any, Any]) -> Response[str]:
    return await _counter(request, {"token": request.query_params.get("kode", "")}, {})


@post("/bantuan/bayar", guards=[requires(PAY)], include_in_schema=False)
async def pay(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[str]:
    """Record a payout at the counter or at the door; a retry shows the same receipt."""
    key = data.get("idempotency_key", "")
    earlier = await recall(tenant.code, payouts.ENTITY, key)
    if earlier is not None:
        found = await payouts.payout(earlier)
        if found is not None:
            return await _counter(request, {}, {}, found)
    try:
        recorded = await payouts.record(
            kernel,
            tenant.code,
            data.get("token", ""),
            channel=data.get("channel", "counter"),
            place=data.get("place", ""),
            ktp_checked=data.get("ktp_checked") == "1",
            officer=principal.username,
            now=datetime.now(UTC),
        )
    except payouts.PayoutRefused as exc:
        return await _counter(request, data, {exc.field: exc.message}, status_code=422)
    await remember(tenant.code, payouts.ENTITY, key, principal.username, recorded.payout_id)
    disclose(request, disclosures.CYCLE_LIST, subjects=disclosures.people([recorded.entitlement]))
    return await _counter(request, {}, {}, recorded)


@post(ONE + "/rekonsiliasi", guards=[requires(PAY)], include_in_schema=False)
async def reconcile(
    request: Request[Any, Any, Any],
    cycle_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """Import the paying agent's file; the cycle page lists every row's outcome."""
    state = await _state(cycle_id)
    form = await request.form()
    upload = form.get("file")
    content = await upload.read(MAX_UPLOAD + 1) if isinstance(upload, UploadFile) else b""
    if not content or len(content) > MAX_UPLOAD:
        error = "Pilih berkas CSV rekonsiliasi (paling besar 5 MB)."
        return await _page(request, state, {}, {"file": error}, 422)
    reports = await reconciliation.import_csv(
        kernel, tenant.code, cycle_id, content, actor=principal.username, now=datetime.now(UTC)
    )
    return await _page(request, await _state(cycle_id), {}, {}, reports=reports)


ROUTES = [index, create, show, add_slot, act, signed_document, invitations, counter, pay, reconcile]
