"""A village's own wording for each letter type, checked against sample data before saving.

The check renders the edited text in the same sandbox letters use, with complete made-up data,
so a typo, a reach outside the letter's data, or a template too slow or too long to render
within the renderer's bounds is reported here and never blocks a real letter.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population.letters.body import LetterTemplateError
from plugins.population.letters.context import sample_context
from plugins.population.letters.field_picker import pickable_fields
from plugins.population.letters.issue import village_names
from plugins.population.letters.kinds import LETTER_KINDS, LetterKind
from plugins.population.letters.renderer import render_letter_body
from plugins.population.letters.service import template_for
from plugins.population.permissions import TEMPLATE_EDIT
from plugins.population.tables import LetterTemplate

MAX_TEMPLATE_LENGTH = 20_000
BODY_LIMIT = 4 * MAX_TEMPLATE_LENGTH + 16 * 1024
"""The save form's request body: the longest template, every character in UTF-8, the token."""


def _kind(code: str) -> LetterKind:
    kind = LETTER_KINDS.get(code)
    if kind is None:
        raise NotFoundException(f"Jenis surat '{code}' tidak dikenal.")
    return kind


async def _page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    kind: LetterKind,
    body: str,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> Response[Any]:
    fields = pickable_fields(kind, await village_names(kernel, tenant))
    return await render(
        request,
        "population/letters/template.html",
        {"kind": kind, "body": body, "error": error, "fields": fields},
        status_code=status_code,
    )


@get("/surat/templat/{kind:str}", guards=[requires(TEMPLATE_EDIT)], include_in_schema=False)
async def template_form(
    request: Request[Any, Any, Any], kernel: Kernel, kind: str, tenant: Tenant
) -> Response[Any]:
    letter_kind = _kind(kind)
    body = await template_for(tenant.code, letter_kind)
    return await _page(request, kernel, tenant, letter_kind, body)


@post(
    "/surat/templat/{kind:str}",
    guards=[requires(TEMPLATE_EDIT)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def save_template(
    request: Request[Any, Any, Any], kernel: Kernel, kind: str, tenant: Tenant, principal: Principal
) -> Response[Any]:
    state = request_state(request)
    letter_kind = _kind(kind)
    form = await request.form()
    body = str(form.get("body") or "").replace("\r\n", "\n").strip()
    error = None
    if not body:
        error = _("Isi templat wajib diisi.")
    elif len(body) > MAX_TEMPLATE_LENGTH:
        error = _("Isi templat paling banyak {limit} karakter (sekarang {length}).").format(
            limit=MAX_TEMPLATE_LENGTH, length=len(body)
        )
    else:
        names = await village_names(kernel, tenant)
        try:
            await render_letter_body(letter_kind, body, sample_context(letter_kind, names))
        except LetterTemplateError as failure:
            error = str(failure)
    if error:
        return await _page(request, kernel, tenant, letter_kind, body, error=error, status_code=422)
    where = LetterTemplate.kind == kind
    before = await LetterTemplate.select(LetterTemplate.body).where(where).first()
    if before:
        await LetterTemplate.update(
            {
                LetterTemplate.body: body,
                LetterTemplate.updated_by: principal.username,
                LetterTemplate.updated_at: state.now,
            }
        ).where(where)
    else:
        await LetterTemplate.insert(
            LetterTemplate(
                village_code=tenant.code,
                kind=kind,
                body=body,
                updated_by=principal.username,
                updated_at=state.now,
            )
        )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="update",
        entity="letter_template",
        entity_id=kind,
        before={"body": before["body"] if before else letter_kind.body_template},
        after={"body": body},
    )
    await flash(request, "success", _("Templat {title} disimpan.").format(title=letter_kind.title))
    return Redirect(f"{tenant.base_url}/surat/templat/{kind}", status_code=303)


ROUTES = [template_form, save_template]
