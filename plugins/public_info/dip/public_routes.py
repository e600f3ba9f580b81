"""The information list as the public sees it, and the download of a published file.

Only periodic and immediate information is downloadable; a file of information available on
request goes through the PPID, and an exempt entry has no file to serve.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.web.guards import public
from core.web.public_cache import PUBLIC_CACHE
from core.web.render import render
from plugins.public_info.access import SITE_PREFIX, public_village, site_url
from plugins.public_info.dip.classification import CATEGORIES, EXPLANATIONS, is_downloadable
from plugins.public_info.dip.documents import load_document, public_list
from plugins.public_info.ppid.lifecycle import EXEMPTIONS
from plugins.public_info.uploads import download_headers, read_file


@get(f"{SITE_PREFIX}/informasi", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def information_list(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    return await render(
        request,
        "public_info/dip/public_list.html",
        {
            "grouped": await public_list(),
            "categories": CATEGORIES,
            "explanations": EXPLANATIONS,
            "exemptions": EXEMPTIONS,
            "site_url": site_url(tenant),
        },
    )


@get(f"{SITE_PREFIX}/informasi/{{document_id:int}}/unduh", guards=[public], include_in_schema=False)
async def download(request: Request[Any, Any, Any], document_id: int) -> Response[Any]:
    tenant = await public_village(request)
    row = await load_document(document_id)
    if row is None or not is_downloadable(row["category"], row["withdrawn"]):
        raise NotFoundException()
    data = read_file(request.app.state.kernel.settings, tenant.code, row["stored_name"])
    if data is None:
        raise NotFoundException()
    return Response(
        data,
        media_type=row["content_type"],
        headers=download_headers(row["filename"], public=True),
    )


ROUTES = [information_list, download]
