"""The village's public site, open to anyone: home, profile and government, news, agenda and
services. It shows only what the village publishes on purpose; population figures are counts."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from core.i18n import _
from core.kernel import Kernel
from core.localtime import local_clock
from core.web.guards import public
from core.web.public_cache import PUBLIC_CACHE
from core.web.render import render
from core.web.request_state import request_state
from core.web.services import offered_services
from plugins.public_info.access import SITE_PREFIX, public_village, site_url
from plugins.public_info.site.content import agenda_from, officials, profile, services
from plugins.public_info.site.population import village_figures
from plugins.public_info.site.post_lifecycle import POST_KINDS
from plugins.public_info.site.posts import public_post, public_posts
from plugins.public_info.uploads import read_file

HOME_ITEMS = 3


def _post_view(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "kind_label": _(POST_KINDS.get(row["kind"], row["kind"])),
        "when": local_clock(row["publish_at"]) if row["publish_at"] else "",
        "paragraphs": [p.strip() for p in row["body"].split("\n\n") if p.strip()],
    }


@get(SITE_PREFIX, guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def home(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    now = request_state(request).now
    posts = await public_posts(now, HOME_ITEMS)
    agenda = await agenda_from(now)
    return await render(
        request,
        "public_info/site/home.html",
        {
            "site_url": site_url(tenant),
            "profile": await profile(),
            "posts": [_post_view(p) for p in posts],
            "agenda": [{**a, "when": local_clock(a["starts_at"])} for a in agenda[:HOME_ITEMS]],
        },
    )


@get(f"{SITE_PREFIX}/profil", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def profile_page(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    state = request_state(request)
    return await render(
        request,
        "public_info/site/profile.html",
        {
            "site_url": site_url(tenant),
            "profile": await profile(),
            "officials": await officials(),
            "figures": await village_figures(tenant.code, state.effective_plugins),
        },
    )


@get(f"{SITE_PREFIX}/berita", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def post_list(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    posts = await public_posts(request_state(request).now)
    return await render(
        request,
        "public_info/site/posts.html",
        {"site_url": site_url(tenant), "posts": [_post_view(p) for p in posts]},
    )


@get(
    f"{SITE_PREFIX}/berita/{{post_id:int}}",
    guards=[public],
    opt=PUBLIC_CACHE,
    include_in_schema=False,
)
async def post_page(request: Request[Any, Any, Any], post_id: int) -> Response[Any]:
    tenant = await public_village(request)
    row = await public_post(post_id, request_state(request).now)
    if row is None:
        raise NotFoundException()
    return await render(
        request,
        "public_info/site/post.html",
        {"site_url": site_url(tenant), "post": _post_view(row)},
    )


@get(f"{SITE_PREFIX}/berita/{{post_id:int}}/foto", guards=[public], include_in_schema=False)
async def post_photo(request: Request[Any, Any, Any], post_id: int) -> Response[Any]:
    """A published post's photo: a picture re-encoded on upload, so it may show inline."""
    tenant = await public_village(request)
    row = await public_post(post_id, request_state(request).now)
    if row is None or not row["photo_name"]:
        raise NotFoundException()
    data = read_file(request.app.state.kernel.settings, tenant.code, row["photo_name"])
    if data is None:
        raise NotFoundException()
    return Response(
        data,
        media_type=row["photo_type"],
        headers={
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "sandbox; default-src 'none'",
            "Cache-Control": "public, max-age=86400",
        },
    )


@get(f"{SITE_PREFIX}/agenda", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def agenda_page(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = await public_village(request)
    agenda = await agenda_from(request_state(request).now)
    return await render(
        request,
        "public_info/site/agenda.html",
        {
            "site_url": site_url(tenant),
            "agenda": [{**a, "when": local_clock(a["starts_at"])} for a in agenda],
        },
    )


@get(f"{SITE_PREFIX}/layanan", guards=[public], opt=PUBLIC_CACHE, include_in_schema=False)
async def service_page(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    """The village's own services first, then those its enabled modules offer (population's
    civil-registry requests), each with its standard."""
    tenant = await public_village(request)
    offered = [
        {
            "id": standard.key,
            "name": standard.name,
            "provider": standard.provider,
            "requirements": list(standard.requirements),
            "steps": list(standard.steps),
            "duration": standard.duration,
            "cost": standard.cost,
            "portal_path": standard.apply_url,
        }
        for standard in offered_services(request, kernel, tenant)
    ]
    return await render(
        request,
        "public_info/site/services.html",
        {"site_url": site_url(tenant), "services": [*await services(), *offered]},
    )


ROUTES = [home, profile_page, post_list, post_page, post_photo, agenda_page, service_page]
