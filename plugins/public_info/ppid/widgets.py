"""The PPID's dashboard tile: open requests, and how many are past their deadline."""

from __future__ import annotations

from datetime import UTC, datetime

from markupsafe import Markup

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from plugins.public_info.permissions import REQUEST_READ
from plugins.public_info.ppid.queue import open_requests
from plugins.public_info.ppid.views import late_flag


async def open_requests_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    today = local_day(datetime.now(UTC))
    rows = await open_requests()
    late = sum(1 for row in rows if late_flag(row, today))
    return Widget(
        title=_("Permohonan informasi terbuka"),
        value=str(len(rows)),
        body_html=Markup("<p>{}</p>").format(_("%(count)s melewati batas waktu") % {"count": late}),
        url=f"{tenant.base_url}/ppid",
    )


def widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind != "village":
        return []
    return [WidgetProvider("public_info.requests", REQUEST_READ, open_requests_widget, 40)]
