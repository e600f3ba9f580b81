"""The core's dashboard widgets: the rollout for the regency and districts, a village's modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from core.builtin.rollout import rollout_by_district, villages_per_plugin
from core.i18n import _
from core.plugins.contributions import Widget
from core.tenancy.context import Tenant
from core.tenancy.enablement import effective_plugins

if TYPE_CHECKING:
    from core.kernel import Kernel


async def rollout_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    district = tenant.code if tenant.kind == "district" else None
    rows = await rollout_by_district(district)
    total = sum(r.villages for r in rows)
    onboarded = sum(r.onboarded for r in rows)
    lines = "".join(
        f"<li>{escape(r.name)}: {r.onboarded}/{r.villages}</li>" for r in rows if r.villages
    )
    url = "/kabupaten/desa" if tenant.kind == "regency" else None
    return Widget(
        title=_("Desa terintegrasi"),
        value=f"{onboarded} / {total}",
        body_html=Markup(f"<ul class='rollout'>{lines}</ul>"),
        url=url,
    )


async def plugin_rollout_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    counts = await villages_per_plugin(kernel.registry, tenant.code)
    lines = "".join(
        f"<li>{escape(_(p.info.title))}: "
        f"{escape(_('{count} desa').format(count=counts.get(p.info.name, 0)))}</li>"
        for p in kernel.registry.plugins
        if p.info.name != "core"
    )
    return Widget(title=_("Modul per desa"), body_html=Markup(f"<ul>{lines}</ul>"))


async def village_modules_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    active = await effective_plugins(kernel.registry, tenant.code)
    titles = [
        _(p.info.title)
        for p in kernel.registry.plugins
        if p.info.name in active and p.info.name != "core"
    ]
    return Widget(
        title=_("Modul aktif"),
        value=str(len(titles)),
        body_html=Markup("<ul>{}</ul>").format(
            Markup("").join(Markup("<li>{}</li>").format(t) for t in titles)
        ),
        url=f"{tenant.base_url}/pengaturan/modul",
    )
