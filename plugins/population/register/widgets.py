"""The register's dashboard tiles for a village: residents, families, this month's births/deaths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import Widget, WidgetProvider
from core.i18n import _
from core.localtime import local_today
from core.tenancy.context import Tenant
from plugins.population.permissions import RESIDENT_READ
from plugins.population.register.status import ALIVE, BIRTH, DEATH
from plugins.population.tables import Family, LifeEvent, Resident

if TYPE_CHECKING:
    from core.kernel import Kernel


async def residents_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    count = await Resident.count().where(Resident.status == ALIVE)
    return Widget(_("Penduduk"), f"{count:,}".replace(",", "."), url=f"{tenant.base_url}/penduduk")


async def families_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    count = await Family.count().where(Family.active == True)  # noqa: E712
    return Widget(
        _("Kartu Keluarga"), f"{count:,}".replace(",", "."), url=f"{tenant.base_url}/keluarga"
    )


async def month_events_widget(tenant: Tenant, kernel: Kernel) -> Widget:
    first = local_today().replace(day=1)
    rows = await LifeEvent.select(LifeEvent.id, LifeEvent.kind, LifeEvent.corrects).where(
        LifeEvent.event_date >= first
    )
    cancelled = {r["corrects"] for r in rows if r["corrects"] is not None}
    standing = [r for r in rows if r["corrects"] is None and r["id"] not in cancelled]
    births = sum(1 for r in standing if r["kind"] == BIRTH)
    deaths = sum(1 for r in standing if r["kind"] == DEATH)
    return Widget(
        _("Bulan ini"),
        _("{births} lahir · {deaths} meninggal").format(births=births, deaths=deaths),
        url=f"{tenant.base_url}/mutasi",
    )


def village_widgets(tenant: Tenant) -> list[WidgetProvider]:
    if tenant.kind != "village":
        return []
    return [
        WidgetProvider("population.residents", RESIDENT_READ, residents_widget, order=10),
        WidgetProvider("population.families", RESIDENT_READ, families_widget, order=11),
        WidgetProvider("population.month_events", RESIDENT_READ, month_events_widget, order=12),
    ]
