"""The services a village's enabled plugins offer its residents, gathered for a catalogue.

Each plugin declares its own (`kampung_service_standards`); a plugin switched off in the village
offers nothing there, as its pages answer 404 there.
"""

from __future__ import annotations

from typing import Any

from litestar import Request

from core.kernel import Kernel
from core.plugins.contributions import ServiceStandard
from core.tenancy.context import Tenant
from core.web.request_state import request_state


def offered_services(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant
) -> list[ServiceStandard]:
    """Every enabled plugin's services for `tenant`, in the order the plugins load."""
    enabled = request_state(request).effective_plugins
    return [
        standard
        for plugin, standards in kernel.registry.results("kampung_service_standards", tenant=tenant)
        if tenant.kind != "village" or plugin in enabled
        for standard in standards
    ]
