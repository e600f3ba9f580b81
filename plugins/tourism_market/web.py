"""What every page of the market shares: the form body, fresh till keys, the money filters and
the "may this user" flags its templates read."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request, Response
from litestar.enums import RequestEncodingType
from litestar.params import Body

from core.auth.principal import Principal, has_permission
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.render import render
from plugins.tourism_market.money import rupiah
from plugins.tourism_market.pasaran.weton import Weton, long_date
from plugins.tourism_market.permissions import CASH, GATE, MANAGE

FORM = Body(media_type=RequestEncodingType.URL_ENCODED)


def fresh_key() -> str:
    """A new idempotency key for a form: each rendered form books at most one entry."""
    return secrets.token_urlsafe(16)


def page_context(principal: Principal | None, tenant: Tenant, kernel: Kernel) -> dict[str, Any]:
    """What a market template needs besides its own data."""

    def can(permission: str) -> bool:
        return has_permission(principal, tenant, permission, kernel.permissions)

    return {
        "rupiah": rupiah,
        "long_date": long_date,
        "weton": Weton.of,
        "can_manage": can(MANAGE),
        "can_cash": can(CASH),
        "can_gate": can(GATE),
        "market_url": f"{tenant.base_url}/pasar",
        "username": principal.username if principal else "",
        "fresh_key": fresh_key,
    }


async def once(
    tenant: Tenant,
    kind: str,
    data: dict[str, str],
    principal: Principal,
    write: Callable[[], Awaitable[int]],
) -> tuple[int, bool]:
    """Run `write` once per form key: a repeated send gets the first result, `(id, False)`."""
    key = data.get("idempotency_key", "")
    earlier = await recall(tenant.code, kind, key)
    if earlier is not None:
        return earlier, False
    made = await write()
    await remember(tenant.code, kind, key, principal.username, made)
    return made, True


async def refused(request: Request[Any, Any, Any], message: str, back_url: str) -> Response[Any]:
    """A refused action's page (422, so the request's transaction rolls back), with a way back."""
    context = {"message": message, "back_url": back_url}
    return await render(request, "tourism_market/refused.html", context, status_code=422)
