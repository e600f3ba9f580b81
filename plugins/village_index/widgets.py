"""Dashboard tiles: a village's current status; for a district or the regency, how many of its
villages are maju or mandiri in the latest year and how many surveys wait for verification."""

from __future__ import annotations

from markupsafe import escape

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.village_index.permissions import OVERSEE, VIEW
from plugins.village_index.standing.charts import STATUS_LABELS
from plugins.village_index.standing.results import standing
from plugins.village_index.survey.lifecycle import SUBMITTED


async def village_tile(tenant: Tenant, kernel: Kernel) -> Widget:
    loaded = await standing()
    url = f"{tenant.base_url}/indeks-desa"
    if not loaded.results:
        return Widget(
            title=_("Indeks Desa"), value="—", body_html=escape(_("Belum ada hasil.")), url=url
        )
    latest = loaded.results[-1]
    body = escape(f"{latest.year}: {latest.figure}")
    return Widget(
        title=_("Indeks Desa"), value=_(STATUS_LABELS[latest.status.key]), body_html=body, url=url
    )


async def area_tile(tenant: Tenant, kernel: Kernel) -> Widget:
    loaded = await standing()
    url = f"{tenant.base_url}/indeks-desa"
    pending = sum(1 for s in loaded.surveys if s.state == SUBMITTED)
    if not loaded.results:
        return Widget(
            title=_("Indeks Desa"), value="—", body_html=escape(_("Belum ada hasil.")), url=url
        )
    year = max(r.year for r in loaded.results)
    of_year = [r for r in loaded.results if r.year == year]
    ahead = sum(1 for r in of_year if r.status.key in ("maju", "mandiri"))
    body = escape(
        _("Desa maju dan mandiri tahun {year}; {pending} survei menunggu verifikasi.").format(
            year=year, pending=pending
        )
    )
    return Widget(title=_("Indeks Desa"), value=f"{ahead}/{len(of_year)}", body_html=body, url=url)


VILLAGE_WIDGETS = [
    WidgetProvider(key="village_index.status", permission=VIEW, render=village_tile, order=80)
]
AREA_WIDGETS = [
    WidgetProvider(key="village_index.overview", permission=OVERSEE, render=area_tile, order=80)
]
