"""The village staff's pages for the site: the profile, the government, posts, agenda, services.

Each section is one page: what is there, and a form to add to it; a bad form comes back with
its errors and what was typed.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.i18n import N_, _
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.public_info.permissions import SITE_EDIT
from plugins.public_info.ppid.views import choice_options
from plugins.public_info.site import content, forms
from plugins.public_info.site.post_lifecycle import POST_KINDS, POST_LIFECYCLE
from plugins.public_info.site.posts import all_posts, take_post_action, write_draft
from plugins.public_info.tables import AgendaItem, Official, ServiceStandard
from plugins.public_info.uploads import BODY_LIMIT, CheckedFile, check_file

MANAGE = "/kelola-situs"


def _base(request: Request[Any, Any, Any]) -> str:
    tenant = request_state(request).tenant
    assert tenant is not None
    return f"{tenant.base_url}{MANAGE}"


@get(MANAGE, guards=[requires(SITE_EDIT)], include_in_schema=False)
async def profile_form(request: Request[Any, Any, Any]) -> Response[Any]:
    row = await content.profile() or {}
    values = {name: str(row.get(name) or "") for name in forms.PROFILE_FIELDS}
    values["hamlets"] = "\n".join(row.get("hamlets") or [])
    return await _profile_page(request, values, {})


async def _profile_page(
    request: Request[Any, Any, Any],
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    return await render(
        request,
        "public_info/site/manage_profile.html",
        {
            "values": values,
            "errors": errors,
            "base_url": _base(request),
            "site_url": f"{tenant.base_url}/situs",
        },
        status_code=status,
    )


@post(f"{MANAGE}/profil", guards=[requires(SITE_EDIT)], include_in_schema=False)
async def save_profile(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    parsed = forms.parse_profile(await request.form())
    if parsed.errors:
        return await _profile_page(request, parsed.values, parsed.errors, 422)
    await content.save_profile(
        request.app.state.kernel,
        state.tenant.code,
        parsed.fields,
        actor=state.principal.username,
        now=state.now,
    )
    await flash(request, "success", _("Profil desa disimpan."))
    return Redirect(_base(request), status_code=303)


@dataclass(frozen=True)
class Section:
    """A list the village keeps on its site: its rows, its form and its template."""

    table: Any
    load: Callable[..., Any]
    parse: Callable[..., forms.Parsed]
    template: str
    saved: str


SECTIONS = {
    "pemerintahan": Section(
        Official,
        lambda now: content.officials(),
        forms.parse_official,
        "public_info/site/manage_officials.html",
        N_("Pejabat ditambahkan."),
    ),
    "agenda": Section(
        AgendaItem,
        content.agenda_from,
        forms.parse_agenda,
        "public_info/site/manage_agenda.html",
        N_("Agenda ditambahkan."),
    ),
    "layanan": Section(
        ServiceStandard,
        lambda now: content.services(),
        forms.parse_service,
        "public_info/site/manage_services.html",
        N_("Layanan ditambahkan."),
    ),
}


async def _section_page(
    request: Request[Any, Any, Any],
    name: str,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    section = SECTIONS[name]
    rows = await section.load(request_state(request).now)
    return await render(
        request,
        section.template,
        {"rows": rows, "values": values, "errors": errors, "base_url": _base(request)},
        status_code=status,
    )


@get(f"{MANAGE}/{{section:str}}", guards=[requires(SITE_EDIT)], include_in_schema=False)
async def section_page(request: Request[Any, Any, Any], section: str) -> Response[Any]:
    if section not in SECTIONS:
        raise NotFoundException()
    return await _section_page(request, section, {}, {})


@post(f"{MANAGE}/{{section:str}}", guards=[requires(SITE_EDIT)], include_in_schema=False)
async def section_add(request: Request[Any, Any, Any], section: str) -> Response[Any]:
    if section not in SECTIONS:
        raise NotFoundException()
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    spec = SECTIONS[section]
    parsed = spec.parse(await request.form())
    if parsed.errors:
        return await _section_page(request, section, parsed.values, parsed.errors, 422)
    await content.add_row(
        request.app.state.kernel,
        state.tenant.code,
        spec.table,
        parsed.fields,
        actor=state.principal.username,
    )
    await flash(request, "success", _(spec.saved))
    return Redirect(f"{_base(request)}/{section}", status_code=303)


@post(
    f"{MANAGE}/{{section:str}}/{{row_id:int}}/hapus",
    guards=[requires(SITE_EDIT)],
    include_in_schema=False,
)
async def section_remove(
    request: Request[Any, Any, Any], section: str, row_id: int
) -> Response[Any]:
    if section not in SECTIONS:
        raise NotFoundException()
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    removed = await content.remove_row(
        request.app.state.kernel,
        state.tenant.code,
        SECTIONS[section].table,
        row_id,
        actor=state.principal.username,
    )
    if not removed:
        raise NotFoundException()
    await flash(request, "success", _("Dihapus dari situs."))
    return Redirect(f"{_base(request)}/{section}", status_code=303)


async def _posts_page(
    request: Request[Any, Any, Any],
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response[Any]:
    rows = await all_posts()
    for row in rows:
        row["status_label"] = _(POST_LIFECYCLE.label(row["status"]))
        row["actions"] = [
            (a, _(POST_LIFECYCLE.label(a))) for a in POST_LIFECYCLE.allowed_actions(row["status"])
        ]
    values.setdefault("idempotency_key", secrets.token_urlsafe(16))
    return await render(
        request,
        "public_info/site/manage_posts.html",
        {
            "rows": rows,
            "values": values,
            "errors": errors,
            "base_url": _base(request),
            "kind_options": choice_options(POST_KINDS),
        },
        status_code=status,
    )


@get(f"{MANAGE}/berita", guards=[requires(SITE_EDIT)], include_in_schema=False)
async def posts_page(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _posts_page(request, {}, {})


@post(
    f"{MANAGE}/berita",
    guards=[requires(SITE_EDIT)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def add_post(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    form = await request.form()
    parsed = forms.parse_post(form)
    photo: CheckedFile | None = None
    upload = form.get("photo")
    if isinstance(upload, UploadFile) and upload.filename:
        outcome = await asyncio.to_thread(
            check_file, upload.filename, await upload.read(), pictures_only=True
        )
        if isinstance(outcome, str):
            parsed.errors["photo"] = outcome
        else:
            photo = outcome
    if parsed.errors:
        return await _posts_page(request, parsed.values, parsed.errors, 422)
    await write_draft(
        request.app.state.kernel,
        state.tenant.code,
        parsed.fields,
        photo,
        actor=state.principal.username,
        now=state.now,
        key=parsed.values["idempotency_key"],
    )
    await flash(request, "success", _("Draf disimpan."))
    return Redirect(f"{_base(request)}/berita", status_code=303)


@post(
    f"{MANAGE}/berita/{{post_id:int}}/aksi", guards=[requires(SITE_EDIT)], include_in_schema=False
)
async def post_action(request: Request[Any, Any, Any], post_id: int) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    form = await request.form()
    action = str(form.get("action", ""))
    publish_at = forms.local_moment(str(form.get("publish_at", "")))
    try:
        await take_post_action(
            request.app.state.kernel,
            state.tenant.code,
            post_id,
            action,
            actor=state.principal.username,
            now=state.now,
            publish_at=publish_at,
        )
    except LookupError:
        raise NotFoundException() from None
    except WorkflowError as refused:
        return await _posts_page(request, {}, {"action": str(refused)}, 409)
    await flash(request, "success", _("Status tulisan diperbarui."))
    return Redirect(f"{_base(request)}/berita", status_code=303)


ROUTES = [
    profile_form,
    save_profile,
    posts_page,
    add_post,
    post_action,
    section_page,
    section_add,
    section_remove,
]
