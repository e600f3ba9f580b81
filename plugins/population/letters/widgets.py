"""The letters' dashboard tile for a village: what waits to be checked, and to be signed."""

from __future__ import annotations

from markupsafe import Markup

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.population.letters.service import count_by_status
from plugins.population.permissions import RESIDENT_READ


async def awaiting_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    to_check = await count_by_status(tenant.code, "draf")
    to_sign = await count_by_status(tenant.code, "diperiksa")
    return Widget(
        title=_("Surat menunggu"),
        value=str(to_check + to_sign),
        body_html=_awaiting_lines(tenant, to_check, to_sign),
        url=f"{tenant.base_url}/surat",
    )


def _awaiting_lines(tenant: Tenant, to_check: int, to_sign: int) -> Markup:
    return Markup(
        '<ul><li><a href="{base}/surat?status=draf">{check}</a></li>'
        '<li><a href="{base}/surat?status=diperiksa">{sign}</a></li></ul>'
    ).format(
        base=tenant.base_url,
        check=_("{count} menunggu pemeriksaan").format(count=to_check),
        sign=_("{count} menunggu tanda tangan").format(count=to_sign),
    )


def widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind != "village":
        return []
    return [WidgetProvider("population.letters.awaiting", RESIDENT_READ, awaiting_widget, 30)]
