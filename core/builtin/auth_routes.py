"""Sign-in, sign-out, changing one's own password and the language switch."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect

from core.auth.accounts import PasswordChangeError, change_own_password
from core.auth.csrf import rotate_csrf_token
from core.auth.devices import DEVICE_COOKIE, remember_device, trusted_device
from core.auth.password_first import BEFORE_PASSWORD_CHANGE, CHANGE_PASSWORD_URL
from core.auth.password_policy import MIN_PASSWORD_LENGTH
from core.auth.passwords import verify_password
from core.auth.sessions import (
    SESSION_COOKIE,
    end_session,
    load_principal,
    set_session_cookie,
    start_session,
)
from core.auth.tables import User
from core.auth.throttle import forgive, reserve_attempt
from core.db.scope import set_tenant_scope
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.tables import District, Village
from core.web.guards import public, signed_in
from core.web.render import LANG_COOKIE, flash, render
from core.web.request_state import request_state

WRONG = "Nama pengguna atau kata sandi salah."
THROTTLED = "Terlalu banyak percobaan masuk. Tunggu beberapa menit lalu coba lagi."
NOT_ONBOARDED = "Desa Anda belum terintegrasi. Hubungi admin kabupaten."


def safe_next(target: str | None) -> str | None:
    """Only same-site paths, so a crafted link cannot bounce a user to another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@get("/", guards=[public], include_in_schema=False)
async def home(request: Request[Any, Any, Any]) -> Response[Any]:
    """A village's own host name leads to its public site; the instance's to the user's home."""
    site = request.app.state.kernel.settings.site_paths.get(_host_name(request))
    if site is not None:
        return Redirect(site, status_code=302)
    principal = request_state(request).principal
    if principal is None:
        return Redirect("/masuk", status_code=303)
    return Redirect(await home_url(principal), status_code=303)


def _host_name(request: Request[Any, Any, Any]) -> str:
    """The Host header's name, without its port."""
    host = request.headers.get("host", "").strip().lower()
    return host.rsplit(":", 1)[0] if not host.endswith("]") else host


async def home_url(principal: Any) -> str:
    slugs = {r["code"]: r["slug"] for r in await Village.select(Village.code, Village.slug)}
    slugs.update(
        {r["code"]: r["slug"] for r in await District.select(District.code, District.slug)}
    )
    return principal.home_url(slugs)


OPEN = {BEFORE_PASSWORD_CHANGE: True}


@get("/masuk", guards=[public], include_in_schema=False, opt=OPEN)
async def login_page(request: Request[Any, Any, Any], next: str = "") -> Response[Any]:
    return await render(
        request, "pages/login.html", {"action": "/masuk", "next": next, "error": None}
    )


@post("/masuk", guards=[public], include_in_schema=False, opt=OPEN)
async def login(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    form = await request.form()
    username = str(form.get("username", "")).strip().lower()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")))
    state = request_state(request)
    state.commit_on_error = True
    settings = kernel.settings
    device_cookie = request.cookies.get(DEVICE_COOKIE)
    reservation = await reserve_attempt(
        settings,
        state.now,
        kind="user",
        identifier=username,
        address=request.client.host if request.client else "unknown",
        trusted_device=trusted_device(settings, device_cookie, "user", username),
    )

    async def refuse(message: str, status: int) -> Response[Any]:
        context = {"action": "/masuk", "next": target or "", "error": message, "username": username}
        return await render(request, "pages/login.html", context, status_code=status)

    if not reservation.allowed:
        return await refuse(THROTTLED, 429)
    user = await User.select().where(User.username == username).first() if username else None
    valid = await verify_password(user["password_hash"] if user else None, password)
    if not valid or user is None or not user["active"]:
        return await refuse(WRONG, 401)
    principal = await load_principal(user["id"])
    if principal is None or not await _may_sign_in(principal):
        return await refuse(NOT_ONBOARDED, 403)
    await forgive(reservation)
    await end_session(request.cookies.get(SESSION_COOKIE))
    token = await start_session(state.now, user_id=user["id"])
    if principal.must_change_password:
        destination = CHANGE_PASSWORD_URL
    else:
        destination = target or await home_url(principal)
    response = Redirect(destination, status_code=303)
    set_session_cookie(response, token, settings)
    rotate_csrf_token(response, settings)
    remember_device(response, settings, device_cookie, "user", username)
    return response


async def _may_sign_in(principal: Any) -> bool:
    """Village users of a village that is not onboarded yet cannot sign in to it."""
    for grant in principal.grants:
        if len(grant.scope_code.split(".")) < 4:
            return True
        village = (
            await Village.select(Village.onboarded).where(Village.code == grant.scope_code).first()
        )
        if village and village["onboarded"]:
            return True
    return False


@post("/keluar", guards=[public], include_in_schema=False, opt=OPEN)
async def logout(request: Request[Any, Any, Any]) -> Response[Any]:
    await end_session(request.cookies.get(SESSION_COOKIE))
    response = Redirect("/masuk", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@get(CHANGE_PASSWORD_URL, guards=[signed_in], include_in_schema=False, opt=OPEN)
async def change_password_page(request: Request[Any, Any, Any]) -> Response[Any]:
    return await render(request, "pages/change_password.html", _password_context(request, {}))


@post(CHANGE_PASSWORD_URL, guards=[signed_in], include_in_schema=False, opt=OPEN)
async def change_password(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    """Asks for the current password: a session left open on a shared computer cannot take the
    account over. Every other session of the account ends."""
    state = request_state(request)
    assert state.principal is not None and state.session is not None
    form = await request.form()
    try:
        await change_own_password(
            state.principal.user_id,
            str(form.get("current_password", "")),
            str(form.get("password", "")),
            str(form.get("password_confirm", "")),
            session_id=state.session.id,
        )
    except PasswordChangeError as exc:
        context = _password_context(request, exc.errors)
        return await render(request, "pages/change_password.html", context, status_code=422)
    # Accounts are the regency's: the change is written to its audit chain, whatever the user's
    # scope (this page lies outside every tenant, so no scope is set yet).
    await set_tenant_scope(kernel.engine, kernel.settings.regency_code)
    await kernel.audit(
        kernel.settings.regency_code,
        actor=state.principal.username,
        action="change_password",
        entity="user",
        entity_id=state.principal.user_id,
    )
    await flash(request, "success", _("Kata sandi diganti. Sesi lain akun ini sudah diakhiri."))
    return Redirect(await home_url(state.principal), status_code=303)


def _password_context(request: Request[Any, Any, Any], errors: dict[str, str]) -> dict[str, Any]:
    principal = request_state(request).principal
    return {
        "errors": errors,
        "forced": bool(principal and principal.must_change_password),
        "min_length": MIN_PASSWORD_LENGTH,
    }


@post("/-/lang", guards=[public], include_in_schema=False, opt=OPEN)
async def switch_language(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    lang = str(form.get("lang", "id"))
    response = Redirect(safe_next(str(form.get("next", ""))) or "/", status_code=303)
    if lang in ("id", "en"):
        response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="lax", path="/")
    return response


ROUTES = [
    home,
    login_page,
    login,
    logout,
    change_password_page,
    change_password,
    switch_language,
]
