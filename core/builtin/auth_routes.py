"""Sign-in, sign-out and the language switch."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect

from core.auth.passwords import verify_password
from core.auth.sessions import (
    SESSION_COOKIE,
    end_session,
    load_principal,
    set_session_cookie,
    start_session,
)
from core.auth.tables import User
from core.auth.throttle import (
    account_key,
    address_key,
    clear_failures,
    is_throttled,
    record_failure,
)
from core.kernel import Kernel
from core.tenancy.tables import District, Village
from core.web.guards import public
from core.web.render import LANG_COOKIE, render
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
    principal = request_state(request).principal
    if principal is None:
        return Redirect("/masuk", status_code=303)
    return Redirect(await home_url(principal), status_code=303)


async def home_url(principal: Any) -> str:
    slugs = {r["code"]: r["slug"] for r in await Village.select(Village.code, Village.slug)}
    slugs.update(
        {r["code"]: r["slug"] for r in await District.select(District.code, District.slug)}
    )
    return principal.home_url(slugs)


@get("/masuk", guards=[public], include_in_schema=False)
async def login_page(request: Request[Any, Any, Any], next: str = "") -> Response[Any]:
    return await render(
        request, "pages/login.html", {"action": "/masuk", "next": next, "error": None}
    )


@post("/masuk", guards=[public], include_in_schema=False)
async def login(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    form = await request.form()
    username = str(form.get("username", "")).strip().lower()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")))
    state = request_state(request)
    state.commit_on_error = True
    settings = kernel.settings
    address = request.client.host if request.client else "unknown"
    limits = {
        account_key("user", username): settings.login_attempts_per_account,
        address_key(address): settings.login_attempts_per_address,
    }

    async def refuse(message: str, status: int) -> Response[Any]:
        context = {"action": "/masuk", "next": target or "", "error": message, "username": username}
        return await render(request, "pages/login.html", context, status_code=status)

    if await is_throttled(settings, limits, state.now):
        return await refuse(THROTTLED, 429)
    user = await User.select().where(User.username == username).first() if username else None
    valid = await verify_password(user["password_hash"] if user else None, password)
    if not valid or user is None or not user["active"]:
        await record_failure(list(limits), state.now)
        return await refuse(WRONG, 401)
    principal = await load_principal(user["id"])
    if principal is None or not await _may_sign_in(principal):
        return await refuse(NOT_ONBOARDED, 403)
    await clear_failures(account_key("user", username))
    await end_session(request.cookies.get(SESSION_COOKIE))
    token = await start_session(state.now, user_id=user["id"])
    response = Redirect(target or await home_url(principal), status_code=303)
    set_session_cookie(response, token, kernel.settings)
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


@post("/keluar", guards=[public], include_in_schema=False)
async def logout(request: Request[Any, Any, Any]) -> Response[Any]:
    await end_session(request.cookies.get(SESSION_COOKIE))
    response = Redirect("/masuk", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@post("/-/lang", guards=[public], include_in_schema=False)
async def switch_language(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    lang = str(form.get("lang", "id"))
    response = Redirect(safe_next(str(form.get("next", ""))) or "/", status_code=303)
    if lang in ("id", "en"):
        response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="lax", path="/")
    return response


ROUTES = [home, login_page, login, logout, switch_language]
