"""This part's contribution to the population plugin: village letters (surat keterangan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from core import MenuItem, Widget, WidgetProvider
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.letters import api, public, template_pages, web
from plugins.population.letters.demo import demo_letters
from plugins.population.letters.service import count_by_status
from plugins.population.permissions import RESIDENT_READ

if TYPE_CHECKING:
    from core.kernel import Kernel


def _menu(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind != "village":
        return []
    return [MenuItem("Surat", f"{tenant.base_url}/surat", permission=RESIDENT_READ, order=30)]


async def _awaiting_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    to_check = await count_by_status(tenant.code, "draf")
    to_sign = await count_by_status(tenant.code, "diperiksa")
    return Widget(
        title="Surat menunggu",
        value=str(to_check + to_sign),
        body_html=_awaiting_lines(tenant, to_check, to_sign),
        url=f"{tenant.base_url}/surat",
    )


def _awaiting_lines(tenant: Tenant, to_check: int, to_sign: int) -> Markup:
    return Markup(
        '<ul><li><a href="{base}/surat?status=draf">{check} menunggu pemeriksaan</a></li>'
        '<li><a href="{base}/surat?status=diperiksa">{sign} menunggu tanda tangan</a></li></ul>'
    ).format(base=tenant.base_url, check=to_check, sign=to_sign)


def _widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind != "village":
        return []
    return [WidgetProvider("population.letters.awaiting", RESIDENT_READ, _awaiting_widget, 30)]


FEATURE = Feature(
    village_routes=[*web.ROUTES, *template_pages.ROUTES],
    api_routes=api.ROUTES,
    public_routes=public.ROUTES,
    menu=_menu,
    widgets=_widgets,
    demo=demo_letters,
    demo_order=70,
)
