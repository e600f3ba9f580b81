"""Render a page or an htmx fragment with the context every template can rely on."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from litestar import Request, Response
from litestar.enums import MediaType
from litestar.utils.scope.state import ScopeState

from core import i18n
from core.auth.principal import has_permission
from core.auth.sessions import save_session_data
from core.plugins.contributions import MenuItem
from core.web.links import may_open
from core.web.request_state import request_state
from core.web.security_headers import csp_nonce
from core.web.static_assets import StaticAssets

LANG_COOKIE = "kampung_lang"
HTMX_PATH = "/vendor/htmx.min.js"


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str
    url: str
    icon: str | None
    active: bool
    children: list[NavItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class InstanceView:
    name: str


@dataclass(frozen=True, slots=True)
class UserView:
    display_name: str
    role_labels: list[str]


def request_language(request: Request[Any, Any, Any]) -> str:
    state = request_state(request)
    session_lang = state.session.data.get("lang") if state.session else None
    return i18n.pick_language(
        session_lang,
        request.cookies.get(LANG_COOKIE),
        request.app.state.kernel.settings.language,
    )


def navigation(request: Request[Any, Any, Any]) -> list[NavItem]:
    state = request_state(request)
    kernel = request.app.state.kernel
    tenant = state.tenant
    if tenant is None or state.principal is None or not state.principal.can_enter(tenant):
        return []
    items: list[MenuItem] = []
    for plugin, found in kernel.registry.results("kampung_menu_items", tenant=tenant):
        if tenant.kind == "village" and plugin not in state.effective_plugins:
            continue
        items.extend(found)
    visible = [
        item
        for item in sorted(items, key=lambda item: (item.order, item.label))
        if item.permission is None
        or has_permission(state.principal, tenant, item.permission, kernel.permissions)
    ]
    path = request.url.path
    return [
        NavItem(
            label=i18n._(item.label),
            url=item.url,
            icon=item.icon,
            active=path == item.url
            or (path.startswith(item.url + "/") and item.url != tenant.base_url),
        )
        for item in visible
    ]


def asset_context(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """Links to static files under their hashed names, and the nonce of the page's `<style>`."""
    assets: StaticAssets = request.app.state.assets
    return {
        "htmx_src": assets.url(HTMX_PATH),
        "static_url": assets.static_url,
        "csp_nonce": csp_nonce(request.scope),
    }


def page_context(request: Request[Any, Any, Any]) -> dict[str, Any]:
    kernel = request.app.state.kernel
    state = request_state(request)
    principal = state.principal
    flash = list(state.session.data.get("flash", [])) if state.session else []
    return {
        "request": request,
        "lang": i18n.pick_language(request_language(request)),
        "csrf_token": ScopeState.from_scope(request.scope).csrf_token or "",
        **asset_context(request),
        "instance": InstanceView(kernel.settings.instance_name),
        "tenant": state.tenant,
        "user": UserView(principal.display_name, principal.role_labels()) if principal else None,
        "nav": navigation(request),
        "flash": flash,
        "languages": list(i18n.LANGUAGES.items()),
        "may_open": partial(may_open, request),
    }


async def render(
    request: Request[Any, Any, Any],
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response[str]:
    """A full page, or the fragment layout when htmx asks for a part of the page."""
    translator: i18n.Translator = request.app.state.translator
    # The language is on before the page context is built: it translates the menu labels.
    token = translator.activate(i18n.pick_language(request_language(request)))
    try:
        full = {**page_context(request), **(context or {})}
        is_htmx = request.headers.get("hx-request") == "true"
        boosted = request.headers.get("hx-boosted") == "true"
        full["layout"] = "layouts/fragment.html" if is_htmx and not boosted else "layouts/base.html"
        html = request.app.state.templates.get_template(template).render(full)
    finally:
        translator.reset(token)
    state = request_state(request)
    if state.session and state.session.data.get("flash"):
        state.session.data["flash"] = []
        await save_session_data(state.session)
    return Response(html, media_type=MediaType.HTML, status_code=status_code, headers=headers)


async def flash(request: Request[Any, Any, Any], level: str, text: str) -> None:
    """A message shown on the next page the user sees (after a redirect)."""
    session = request_state(request).session
    if session is None:
        return
    session.data.setdefault("flash", []).append([level, text])
    await save_session_data(session)
