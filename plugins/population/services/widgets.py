"""Dashboard tiles: a village's open requests, the regency's queue and how much of it is late."""

from __future__ import annotations

from datetime import UTC, datetime

from markupsafe import Markup

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.population.permissions import REQUEST_QUEUE, RESIDENT_READ
from plugins.population.services.queries import OPEN_STATES, summarise
from plugins.population.tables import ServiceRequest


async def village_open_requests(tenant: Tenant, kernel: Kernel) -> Widget:
    count = await ServiceRequest.count().where(ServiceRequest.status.is_in(list(OPEN_STATES)))
    return Widget(
        title=_("Permohonan layanan terbuka"), value=str(count), url=f"{tenant.base_url}/layanan"
    )


async def regency_queue(tenant: Tenant, kernel: Kernel) -> Widget:
    summary = await summarise(tenant.code, datetime.now(UTC))
    body = Markup("<p>{}</p>").format(
        _("{count} melewati target waktu").format(count=summary.overdue)
    )
    return Widget(
        title=_("Antrean layanan kependudukan"),
        value=str(summary.open),
        body_html=body,
        url="/kabupaten/layanan/ringkasan",
    )


def widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind == "village":
        return [
            WidgetProvider(
                "population.requests.open", RESIDENT_READ, village_open_requests, order=30
            )
        ]
    if tenant.kind == "regency":
        return [WidgetProvider("population.requests.queue", REQUEST_QUEUE, regency_queue, order=30)]
    return []
