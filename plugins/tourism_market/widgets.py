"""The market's dashboard tile: the next market day and the last one's turnover."""

from __future__ import annotations

from markupsafe import Markup

from core import Widget, WidgetProvider
from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_today
from core.tenancy.context import Tenant
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.market_days.markets import coming_dates, markets, past_days
from plugins.tourism_market.money import rupiah
from plugins.tourism_market.pasaran.weton import long_date
from plugins.tourism_market.permissions import VIEW


async def next_market(tenant: Tenant, kernel: Kernel) -> Widget:
    rows = await markets()
    url = f"{tenant.base_url}/pasar"
    if not rows:
        return Widget(title=_("Pasar wisata"), value="–", url=url)
    today = local_today()
    coming = [item for item in await coming_dates(rows[0], today, months=2) if not item.cancelled]
    value = long_date(coming[0].day) if coming else "–"
    body = None
    past = await past_days(rows[0]["id"], today, limit=1)
    if past:
        turnover = (await reconcile(rows[0]["id"], past[0]["id"])).flow(ops.SELL).rupiah
        body = Markup("<p>{}: {}</p>").format(long_date(past[0]["day"]), rupiah(turnover))
    return Widget(title=_("Pasar wisata"), value=value, body_html=body, url=url)


WIDGETS = [WidgetProvider(key="tourism_market.next", permission=VIEW, render=next_market, order=60)]
