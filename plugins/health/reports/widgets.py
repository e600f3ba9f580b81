"""Dashboard tiles: the village's weighing coverage this month, stunting for wider scopes."""

from __future__ import annotations

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_today
from core.tenancy.context import Tenant
from plugins.health.dates import month_key
from plugins.health.permissions import REPORT
from plugins.health.reports import skdn, stunting


async def weighing_tile(tenant: Tenant, kernel: Kernel) -> Widget:
    figures = await skdn.village_skdn(local_today())
    value = f"{figures.d}/{figures.s}"
    return Widget(
        title=_("Balita ditimbang bulan ini"),
        value=value,
        url=f"{tenant.base_url}/kesehatan",
    )


async def stunting_tile(tenant: Tenant, kernel: Kernel) -> Widget:
    figures = stunting.total(await stunting.by_village(month_key(local_today()), tenant.code))
    share = figures.stunting
    return Widget(
        title=_("Balita pendek (stunting) bulan ini"),
        value="-" if share is None else f"{share:.1f} %".replace(".", ","),
        url=f"{tenant.base_url}/kesehatan/stunting",
    )


def providers(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind == "village":
        return [WidgetProvider("health.weighing", REPORT, weighing_tile, order=40)]
    return [WidgetProvider("health.stunting", REPORT, stunting_tile, order=40)]
