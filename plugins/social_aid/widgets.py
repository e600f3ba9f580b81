"""Dashboard tiles: a village's active recipients and cycles waiting for approval; the regency's
duplicates across villages."""

from __future__ import annotations

from markupsafe import escape

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.social_aid.cycles import cycles
from plugins.social_aid.cycles.lifecycle import SUBMITTED
from plugins.social_aid.permissions import REGENCY, VIEW
from plugins.social_aid.programmes import recipients
from plugins.social_aid.regency import overlaps


async def village_tile(tenant: Tenant, kernel: Kernel) -> Widget:
    waiting = sum(1 for c in await cycles.cycles() if c.status == SUBMITTED)
    body = (
        escape(_("{count} siklus menunggu persetujuan").format(count=waiting)) if waiting else None
    )
    return Widget(
        title=_("Penerima bantuan aktif"),
        value=str(len(await recipients.active())),
        body_html=body,
        url=f"{tenant.base_url}/bantuan",
    )


async def regency_tile(tenant: Tenant, kernel: Kernel) -> Widget:
    return Widget(
        title=_("Penerima ganda antar desa"),
        value=str(len(await overlaps.overlaps())),
        url=f"{tenant.base_url}/bantuan",
    )


VILLAGE = [
    WidgetProvider(key="social_aid.recipients", permission=VIEW, render=village_tile, order=40)
]
REGENCY_WIDGETS = [
    WidgetProvider(key="social_aid.overlaps", permission=REGENCY, render=regency_tile, order=40)
]
