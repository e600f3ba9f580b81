"""The regency's API-token page: list, create (the secret shown once), revoke.

Tokens are made here by a regency admin for the systems that read the API (a regency dashboard,
Dinsos, a district system); each is limited to a scope and to permissions the admin holds.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect

from core.auth.tokens import (
    MAX_LIFETIME,
    TokenError,
    actor_name,
    create_token,
    held_permissions,
    revoke_token,
    tokens_in_scope,
)
from core.builtin.permissions import API_TOKENS
from core.i18n import N_, _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.tenancy.tables import District, Village
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state

PAGE = "pages/api_tokens.html"
DEFAULT_DAYS = 90


@get("/token-api", guards=[requires(API_TOKENS)], include_in_schema=False)
async def tokens_page(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    return await _page(request, kernel, {}, {})


@post("/token-api", guards=[requires(API_TOKENS)], include_in_schema=False)
async def add_token(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    """Create a token and show its secret on this answer only; it is never shown again."""
    state = request_state(request)
    tenant, admin = state.tenant, state.principal
    assert tenant is not None and admin is not None
    form = await request.form()
    values: dict[str, Any] = {
        "name": str(form.get("name", "")).strip(),
        "scope": str(form.get("scope", "")).strip(),
        "expires": str(form.get("expires", "")).strip(),
        "permissions": [str(p) for p in form.getall("permissions", [])],
    }
    try:
        issued = await create_token(
            admin,
            name=values["name"],
            scope_code=values["scope"],
            wanted=values["permissions"],
            expires_at=_end_of_day(values["expires"]),
            now=state.now,
            permissions=kernel.permissions,
            regency_code=tenant.code,
        )
    except TokenError as error:
        return await _page(request, kernel, values, {error.field: error}, status_code=422)
    await kernel.audit(
        tenant,
        actor=admin.username,
        action="create",
        entity="api_token",
        entity_id=actor_name(issued.id),
        after={
            "name": values["name"],
            "scope": values["scope"],
            "permissions": sorted(values["permissions"]),
            "expires": values["expires"],
        },
    )
    return await _page(request, kernel, {}, {}, secret=issued.secret, status_code=201)


@post("/token-api/{token_id:int}/cabut", guards=[requires(API_TOKENS)], include_in_schema=False)
async def revoke(request: Request[Any, Any, Any], kernel: Kernel, token_id: int) -> Response[Any]:
    state = request_state(request)
    tenant, admin = state.tenant, state.principal
    assert tenant is not None and admin is not None
    try:
        revoked = await revoke_token(token_id, admin.username, state.now, tenant.code)
    except TokenError as error:
        return await _page(request, kernel, {}, {"token": error}, status_code=422)
    await kernel.audit(
        tenant,
        actor=admin.username,
        action="revoke",
        entity="api_token",
        entity_id=actor_name(token_id),
        before=revoked,
    )
    await flash(request, "success", N_("Token dicabut; sistem yang memakainya kini ditolak."))
    return Redirect(f"{tenant.base_url}/token-api", status_code=303)


def _end_of_day(text: str) -> datetime | None:
    """A token chosen to expire on a day lasts until the end of that day (UTC)."""
    try:
        return datetime.combine(date.fromisoformat(text), time.max, tzinfo=UTC)
    except ValueError:
        return None


async def _page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    values: dict[str, Any],
    errors: dict[str, TokenError],
    *,
    secret: str | None = None,
    status_code: int = 200,
) -> Response[Any]:
    state = request_state(request)
    tenant, admin = state.tenant, state.principal
    assert tenant is not None and admin is not None
    today = state.now.date()
    offered = held_permissions(admin, tenant.code, kernel.permissions) - {API_TOKENS}
    context = {
        "tokens": await tokens_in_scope(tenant.code),
        "now": state.now,
        "secret": secret,
        "errors": errors,
        "values": values,
        "scopes": await _scopes(tenant),
        "permission_options": [
            (name, _(kernel.permissions[name].label)) for name in sorted(offered)
        ],
        "default_expiry": (today + timedelta(days=DEFAULT_DAYS)).isoformat(),
        "max_expiry": (today + MAX_LIFETIME - timedelta(days=1)).isoformat(),
        "min_expiry": (today + timedelta(days=1)).isoformat(),
    }
    headers = {"Cache-Control": "no-store"}
    return await render(request, PAGE, context, status_code=status_code, headers=headers)


async def _scopes(tenant: Tenant) -> list[tuple[str, str]]:
    """The regency, then each district, then each village: code and name."""
    districts = await District.select(District.code, District.name).order_by(District.code)
    villages = await Village.select(Village.code, Village.name).order_by(Village.code)
    return [
        (tenant.code, tenant.name),
        *((d["code"], d["name"]) for d in districts),
        *((v["code"], v["name"]) for v in villages),
    ]


ROUTES = [tokens_page, add_token, revoke]
