"""Citizen sign-in with NIK and PIN, the forced PIN change, and sign-out (public routes).

The answer to a failed sign-in is the same whether the NIK has an account or not, and attempts
are counted by `core.auth.throttle` (kept even though the response is an error), so the page
cannot be used to learn who is registered or to guess PINs, and a phone that signed in before
keeps its own allowance while a stranger guesses at the same NIK.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect

from core.auth.csrf import rotate_csrf_token
from core.auth.devices import DEVICE_COOKIE, remember_device, trusted_device
from core.auth.passwords import verify_password
from core.auth.sessions import SESSION_COOKIE, end_session, set_session_cookie, start_session
from core.auth.throttle import forgive, reserve_attempt
from core.db import set_tenant_scope
from core.kernel import Kernel
from core.tenancy.tables import Village
from core.web.guards import public
from core.web.render import render
from core.web.request_state import request_state
from plugins.population.portal.accounts import (
    PinInvalid,
    change_pin,
    check_new_pin,
    citizen_ref,
    find_account,
    sign_in_account,
)
from plugins.population.portal.guard import citizen_resident_id

WRONG = "NIK atau PIN salah."
THROTTLED = "Terlalu banyak percobaan masuk. Tunggu beberapa menit lalu coba lagi."
LOGIN = "/warga/masuk"
CHANGE = "/warga/ganti-pin"


async def citizen_home(village_code: str) -> str:
    row = await Village.select(Village.slug).where(Village.code == village_code).first()
    return f"/desa/{row['slug']}/warga" if row else LOGIN


@get(LOGIN, guards=[public], include_in_schema=False)
async def citizen_login_page(request: Request[Any, Any, Any]) -> Response[Any]:
    return await render(request, "population/portal/login.html", {"error": None})


@post(LOGIN, guards=[public], include_in_schema=False)
async def citizen_login(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    form = await request.form()
    nik = str(form.get("nik", "")).strip()
    pin = str(form.get("pin", ""))
    state = request_state(request)
    state.commit_on_error = True
    settings = kernel.settings
    device_cookie = request.cookies.get(DEVICE_COOKIE)
    reservation = await reserve_attempt(
        settings,
        state.now,
        kind="nik",
        identifier=nik,
        address=request.client.host if request.client else "unknown",
        trusted_device=trusted_device(settings, device_cookie, "nik", nik),
    )
    if not reservation.allowed:
        return await render(
            request, "population/portal/login.html", {"error": THROTTLED}, status_code=429
        )
    await set_tenant_scope(kernel.engine, settings.regency_code)
    account = await sign_in_account(nik) if nik.isdigit() and len(nik) == 16 else None
    valid = await verify_password(account["pin_hash"] if account else None, pin)
    if not valid or account is None:
        return await render(
            request, "population/portal/login.html", {"error": WRONG}, status_code=401
        )
    await forgive(reservation)
    await end_session(request.cookies.get(SESSION_COOKIE))
    token = await start_session(
        state.now, citizen_ref=citizen_ref(account["village_code"], account["resident"])
    )
    target = CHANGE if account["must_change_pin"] else await citizen_home(account["village_code"])
    response = Redirect(target, status_code=303)
    set_session_cookie(response, token, settings)
    rotate_csrf_token(response, settings)
    remember_device(response, settings, device_cookie, "nik", nik)
    return response


async def _signed_in_account(
    request: Request[Any, Any, Any], kernel: Kernel
) -> dict[str, Any] | None:
    citizen = request_state(request).citizen_ref
    if citizen is None:
        return None
    village, resident = citizen_resident_id(citizen)
    await set_tenant_scope(kernel.engine, village)
    return await find_account(village, resident)


@get(CHANGE, guards=[public], include_in_schema=False)
async def change_pin_page(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    account = await _signed_in_account(request, kernel)
    if account is None:
        return Redirect(LOGIN, status_code=303)
    return await render(
        request, "population/portal/change_pin.html", await _pin_context(account, {})
    )


@post(CHANGE, guards=[public], include_in_schema=False)
async def change_pin_submit(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    state = request_state(request)
    account = await _signed_in_account(request, kernel)
    if account is None or state.session is None:
        return Redirect(LOGIN, status_code=303)
    form = await request.form()
    current = str(form.get("current_pin", ""))
    pin, confirm = str(form.get("pin", "")), str(form.get("pin_confirm", ""))
    try:
        await check_new_pin(account, current, pin, confirm)
    except PinInvalid as exc:
        context = await _pin_context(account, exc.errors)
        return await render(request, "population/portal/change_pin.html", context, status_code=422)
    await change_pin(
        kernel, account, pin, actor=f"warga:{account['resident']}", session_id=state.session.id
    )
    return Redirect(await citizen_home(account["village_code"]), status_code=303)


async def _pin_context(account: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The form's context; `citizen_home` is the portal of the citizen's own village, which the
    header's logo leads back to (this page is the instance's, not a village's)."""
    return {
        "errors": errors,
        "forced": bool(account["must_change_pin"]),
        "citizen_home": await citizen_home(account["village_code"]),
    }


@post("/warga/keluar", guards=[public], include_in_schema=False)
async def citizen_logout(request: Request[Any, Any, Any]) -> Response[Any]:
    await end_session(request.cookies.get(SESSION_COOKIE))
    response = Redirect(LOGIN, status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


ROUTES = [citizen_login_page, citizen_login, change_pin_page, change_pin_submit, citizen_logout]
