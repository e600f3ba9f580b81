"""What a handler may declare by name, injected by Litestar: `kernel`, `tenant`, `principal`.

A handler writes `async def page(tenant: Tenant, principal: Principal) -> ...` instead of reading
the request state and asserting that it holds what the guards promised: a page outside a tenant
answers 404 and a visitor who is not signed in is sent to sign in, before the handler runs.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.di import Provide
from litestar.exceptions import NotAuthorizedException, NotFoundException

from core.auth.principal import Principal
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import NOT_SIGNED_IN
from core.web.request_state import request_state


def request_tenant(request: Request[Any, Any, Any]) -> Tenant:
    tenant = request_state(request).tenant
    if tenant is None:
        raise NotFoundException()
    return tenant


def request_principal(request: Request[Any, Any, Any]) -> Principal:
    principal = request_state(request).principal
    if principal is None:
        raise NotAuthorizedException(NOT_SIGNED_IN)
    return principal


def request_kernel(request: Request[Any, Any, Any]) -> Kernel:
    kernel: Kernel = request.app.state.kernel
    return kernel


def dependencies() -> dict[str, Provide]:
    """The app-wide dependencies, each declared explicitly (Litestar 3 infers none). The kernel
    is the app's, `app.state.kernel`, like everything else the app keeps."""
    return {
        "kernel": Provide(request_kernel, sync_to_thread=False),
        "tenant": Provide(request_tenant, sync_to_thread=False),
        "principal": Provide(request_principal, sync_to_thread=False),
    }
