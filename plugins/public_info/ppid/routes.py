"""The PPID's pages: the queue, a request with its history, and the actions on it.

Every page that shows a requester's identity or contact is recorded in the access trail.
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import has_permission
from core.i18n import _
from core.localtime import local_day
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from core.workflow import WorkflowError
from plugins.public_info.permissions import REQUEST_READ
from plugins.public_info.ppid import disclosures
from plugins.public_info.ppid.lifecycle import (
    EXEMPTIONS,
    OBJECTION_GROUNDS,
    PAYLOAD_FIELDS,
    REQUEST_LIFECYCLE,
)
from plugins.public_info.ppid.queue import closed_requests, open_requests
from plugins.public_info.ppid.requests import (
    GRANTS,
    ActionInvalid,
    history,
    load,
    request_files,
    take_action,
)
from plugins.public_info.ppid.views import choice_options, step_lines, summary
from plugins.public_info.uploads import BODY_LIMIT, CheckedFile, check_file

DETAIL_TEMPLATE = "public_info/ppid/detail.html"


def field_name(action: str, name: str) -> str:
    """A field's name in one action's form: each action has its own form on the page, so its
    fields get their own names (and ids) even where two actions both ask for a reason."""
    return f"{action}__{name}"


@get("/ppid", guards=[requires(REQUEST_READ)], include_in_schema=False)
async def queue(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    today = local_day(state.now)
    opened, closed = await open_requests(), await closed_requests()
    disclose(
        request,
        disclosures.REQUEST_LIST,
        subjects=disclosures.subjects([*opened, *closed]),
        count=len(opened) + len(closed),
    )
    return await render(
        request,
        "public_info/ppid/queue.html",
        {
            "opened": [summary(r, today) for r in opened],
            "closed": [summary(r, today) for r in closed],
            "base_url": f"{state.tenant.base_url}/ppid",
        },
    )


def _actions(request: Request[Any, Any, Any], status: str) -> list[dict[str, Any]]:
    """The actions this user may take now, each with the fields its form needs."""
    state = request_state(request)
    kernel = request.app.state.kernel
    shown = []
    for action in REQUEST_LIFECYCLE.allowed_actions(status):
        needed = REQUEST_LIFECYCLE.permission_for(action) or "public_info.request.handle"
        if not has_permission(state.principal, state.tenant, needed, kernel.permissions):
            continue
        fields = [rule.field for rule in REQUEST_LIFECYCLE.action_payload.get(action, ())]
        shown.append(
            {
                "key": action,
                "label": _(REQUEST_LIFECYCLE.label(action)),
                "fields": [(name, field_name(action, name)) for name in fields],
                "file": field_name(action, "berkas") if action in GRANTS else None,
            }
        )
    return shown


async def _detail(
    request: Request[Any, Any, Any],
    request_id: int,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    row = await load(request_id)
    if row is None:
        raise NotFoundException()
    today = local_day(state.now)
    disclose(request, disclosures.REQUEST_DETAIL, subjects=[disclosures.subject(row)])
    found = summary(row, today)
    found.update(address=row["address"], phone=row["phone"], email=row["email"])
    return await render(
        request,
        DETAIL_TEMPLATE,
        {
            "found": found,
            "steps": step_lines(await history(request_id)),
            "files": await request_files(request_id),
            "actions": _actions(request, row["status"]),
            "exemption_options": choice_options(EXEMPTIONS),
            "ground_options": choice_options(OBJECTION_GROUNDS),
            "errors": errors or {},
            "values": values or {},
            "base_url": f"{state.tenant.base_url}/ppid",
        },
        status_code=status_code,
    )


@get("/ppid/permohonan/{request_id:int}", guards=[requires(REQUEST_READ)], include_in_schema=False)
async def detail(request: Request[Any, Any, Any], request_id: int) -> Response[Any]:
    return await _detail(request, request_id)


@post(
    "/ppid/permohonan/{request_id:int}/aksi",
    guards=[requires(REQUEST_READ)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def act(request: Request[Any, Any, Any], request_id: int) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    form = await request.form()
    action = str(form.get("action", ""))
    payload = {name: str(form.get(field_name(action, name), "")) for name in PAYLOAD_FIELDS}
    values = {field_name(action, name): value for name, value in payload.items()}
    if action not in REQUEST_LIFECYCLE.actions:
        return await _detail(
            request, request_id, errors={"action": _("Aksi tidak dikenal.")}, status_code=422
        )
    needed = REQUEST_LIFECYCLE.permission_for(action) or "public_info.request.handle"
    kernel = request.app.state.kernel
    if not has_permission(state.principal, state.tenant, needed, kernel.permissions):
        return await _detail(
            request,
            request_id,
            errors={"action": _("Anda tidak berhak mengambil aksi ini.")},
            status_code=403,
        )
    attachment: CheckedFile | None = None
    upload = form.get(field_name(action, "berkas"))
    if isinstance(upload, UploadFile) and upload.filename:
        checked = await asyncio.to_thread(check_file, upload.filename, await upload.read())
        if isinstance(checked, str):
            errors = {field_name(action, "berkas"): checked}
            return await _detail(request, request_id, errors=errors, values=values, status_code=422)
        attachment = checked
    try:
        status = await take_action(
            kernel,
            request_id,
            action,
            payload,
            actor=state.principal.username,
            now=state.now,
            attachment=attachment,
        )
    except LookupError:
        raise NotFoundException() from None
    except ActionInvalid as invalid:
        errors = {field_name(action, name): message for name, message in invalid.errors.items()}
        return await _detail(request, request_id, errors=errors, values=values, status_code=422)
    except WorkflowError as refused:
        return await _detail(
            request, request_id, errors={"action": str(refused)}, values=values, status_code=409
        )
    await flash(request, "success", _("Status permohonan: ") + _(REQUEST_LIFECYCLE.label(status)))
    return Redirect(f"{state.tenant.base_url}/ppid/permohonan/{request_id}", status_code=303)


ROUTES = [queue, detail, act]
