"""The published APBDes: the infographic of a year, and the same figures as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.exports import csv_download
from core.i18n import _
from core.web.guards import public
from core.web.public_cache import PUBLIC_CACHE
from core.web.render import render
from plugins.public_info.access import SITE_PREFIX, public_village, site_url
from plugins.public_info.budget.groups import BY_KEY
from plugins.public_info.budget.revisions import latest_revision, revision_lines, years
from plugins.public_info.budget.summary import summarise
from plugins.public_info.budget.views import infographic


async def _year_page(request: Request[Any, Any, Any], year: int | None) -> Response[Any]:
    tenant = await public_village(request)
    known = await years()
    context: dict[str, Any] = {"site_url": site_url(tenant), "years": known, "year": year}
    if year is None and known:
        year = known[0]
        context["year"] = year
    revision = await latest_revision(year) if year is not None else None
    if year is not None and revision is None:
        raise NotFoundException()
    if revision is not None:
        context.update(infographic(summarise(await revision_lines(revision["id"]))))
        context["revision"] = revision
    return await render(request, "public_info/budget/public.html", context)


@get(f"{SITE_PREFIX}/apbdes", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def budget_latest(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _year_page(request, None)


@get(
    f"{SITE_PREFIX}/apbdes/{{year:int}}", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False
)
async def budget_year(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    return await _year_page(request, year)


@get(f"{SITE_PREFIX}/apbdes/{{year:int}}/csv", guards=[public], include_in_schema=False)
async def budget_csv(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    await public_village(request)
    revision = await latest_revision(year)
    if revision is None:
        raise NotFoundException()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Kelompok"), _("Nama kelompok"), _("Uraian"), _("Anggaran"), _("Realisasi")])
    for line in await revision_lines(revision["id"]):
        group = BY_KEY[line["group"]]
        writer.writerow([group.key, _(group.label), line["name"], line["budget"], line["realised"]])
    return csv_download(out.getvalue(), f"apbdes-{year}.csv")


ROUTES = [budget_latest, budget_year, budget_csv]
