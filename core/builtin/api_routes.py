"""The core's JSON API for a village (`/api/v1/desa/{village}`) and the `/-/` meta pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request, get

from core.builtin.permissions import DASHBOARD
from core.kernel import Kernel
from core.tenancy.enablement import effective_plugins
from core.tenancy.tables import Village
from core.version import __version__
from core.web.guards import public, requires
from core.web.request_state import request_state


@dataclass(frozen=True, slots=True)
class VillageInfo:
    code: str
    name: str
    slug: str
    kind: str
    onboarded: bool
    plugins: list[str]


@dataclass(frozen=True, slots=True)
class PluginListing:
    name: str
    title: str
    version: str
    requires: list[str]
    core_version: str
    villages_enabled: int


@get("/", guards=[requires(DASHBOARD)], summary="Data desa", tags=["desa"])
async def village_info(request: Request[Any, Any, Any], kernel: Kernel) -> VillageInfo:
    tenant = request_state(request).tenant
    assert tenant is not None
    plugins = sorted(await effective_plugins(kernel.registry, tenant.code))
    return VillageInfo(tenant.code, tenant.name, tenant.slug, "desa", tenant.onboarded, plugins)


@get("/-/plugins", guards=[public], summary="Modul terpasang", tags=["meta"])
async def plugins_json(kernel: Kernel) -> list[PluginListing]:
    """What is loaded, as `kampung plugins` prints it (no personal data)."""
    from core.builtin.rollout import villages_per_plugin

    counts = await _counts(kernel, villages_per_plugin)
    return [
        PluginListing(
            p.info.name,
            p.info.title,
            p.info.version,
            list(p.info.requires),
            p.info.core_version,
            counts.get(p.info.name, 0),
        )
        for p in kernel.registry.plugins
    ]


async def _counts(kernel: Kernel, counter: Any) -> dict[str, int]:
    """Plugin switches are tenant rows: counting them across villages needs the regency scope."""
    from core.db.scope import set_tenant_scope

    await set_tenant_scope(kernel.engine, kernel.settings.regency_code)
    return await counter(kernel.registry, kernel.settings.regency_code)


@get("/-/health", guards=[public], summary="Status layanan", tags=["meta"])
async def health() -> dict[str, str]:
    await Village.count()
    return {"status": "ok", "version": __version__}


API_ROUTES = [village_info]
META_ROUTES = [plugins_json, health]
