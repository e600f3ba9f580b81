"""Dashboards of a village, a district and the regency, built from the plugins' widget hooks."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from litestar import Request, Response, get

from core.auth.principal import has_permission
from core.builtin.permissions import DASHBOARD
from core.kernel import Kernel
from core.plugins.contributions import Widget
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.links import may_open
from core.web.render import render
from core.web.request_state import request_state


async def widgets_for(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant
) -> list[Widget]:
    """The tiles the viewer may see, each linking only where the viewer may go."""
    state = request_state(request)
    providers = []
    for plugin, found in kernel.registry.results("kampung_dashboard_widgets", tenant=tenant):
        if tenant.kind == "village" and plugin not in state.effective_plugins:
            continue
        providers.extend(found)
    rendered = []
    for provider in sorted(providers, key=lambda p: p.order):
        if provider.permission and not has_permission(
            state.principal, tenant, provider.permission, kernel.permissions
        ):
            continue
        widget = await provider.render(tenant, kernel)
        if widget.url and not may_open(request, widget.url):
            widget = replace(widget, url=None)
        rendered.append(widget)
    return rendered


async def dashboard(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    heading = (
        f"{tenant.local_word if tenant.kind == 'village' else ''} {tenant.display_name}".strip()
    )
    widgets = await widgets_for(request, kernel, tenant)
    return await render(request, "pages/dashboard.html", {"heading": heading, "widgets": widgets})


@get("/", guards=[requires(DASHBOARD)], name="village-dashboard", include_in_schema=False)
async def village_dashboard(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    return await dashboard(request, kernel)


@get("/", guards=[requires(DASHBOARD)], name="district-dashboard", include_in_schema=False)
async def district_dashboard(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    return await dashboard(request, kernel)


@get("/", guards=[requires(DASHBOARD)], name="regency-dashboard", include_in_schema=False)
async def regency_dashboard(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    return await dashboard(request, kernel)
