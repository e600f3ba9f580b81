"""Entering a year's APBDes: the form of its lines, or a spreadsheet; each save is a revision."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.i18n import _
from core.localtime import local_day
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.public_info.budget.groups import GROUPS
from plugins.public_info.budget.lines import XLSX_MAX_BYTES, parse_form_rows, read_workbook
from plugins.public_info.budget.revisions import (
    YEARS,
    latest_revision,
    revision_lines,
    save_revision,
)
from plugins.public_info.permissions import BUDGET_EDIT

BLANK_ROWS = 8
BASE = "/kelola-situs/apbdes"


def _year(text: str, default: int) -> int | None:
    if not text:
        return default
    low, high = YEARS
    return int(text) if text.isdecimal() and low <= int(text) <= high else None


async def _page(
    request: Request[Any, Any, Any],
    year: int,
    rows: list[dict[str, str]] | None = None,
    errors: dict[str, str] | None = None,
    import_errors: list[str] | None = None,
    status: int = 200,
) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    if rows is None:
        revision = await latest_revision(year)
        stored = await revision_lines(revision["id"]) if revision else []
        rows = [
            {
                "group": line["group"],
                "name": line["name"],
                "budget": str(line["budget"]),
                "realised": str(line["realised"]),
            }
            for line in stored
        ]
        rows += [{"group": "", "name": "", "budget": "", "realised": ""}] * BLANK_ROWS
    options = [("", _("— pilih —")), *((g.key, f"{g.key} {_(g.label)}") for g in GROUPS)]
    return await render(
        request,
        "public_info/budget/manage.html",
        {
            "year": year,
            "rows": rows,
            "errors": errors or {},
            "import_errors": import_errors or [],
            "group_options": options,
            "base_url": f"{tenant.base_url}{BASE}",
            "nav_base": f"{tenant.base_url}/kelola-situs",
            "site_url": f"{tenant.base_url}/situs",
            "idempotency_key": secrets.token_urlsafe(16),
        },
        status_code=status,
    )


@get(BASE, guards=[requires(BUDGET_EDIT)], include_in_schema=False)
async def budget_form(request: Request[Any, Any, Any], tahun: str = "") -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None
    year = _year(tahun, local_day(state.now).year)
    if year is None:
        raise NotFoundException()
    return await _page(request, year)


@post(f"{BASE}/{{year:int}}", guards=[requires(BUDGET_EDIT)], include_in_schema=False)
async def save_budget(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    if _year(str(year), year) is None:
        raise NotFoundException()
    form = await request.form()
    count = str(form.get("rows", "0"))
    lines, errors, typed = parse_form_rows(form, int(count) if count.isdecimal() else 0)
    if not lines and not errors:
        errors["line-0-group"] = _("Isi paling sedikit satu baris anggaran.")
    if errors:
        return await _page(request, year, typed, errors, status=422)
    await save_revision(
        request.app.state.kernel,
        state.tenant.code,
        year,
        lines,
        source="formulir",
        actor=state.principal.username,
        now=state.now,
        key=str(form.get("idempotency_key", "")),
    )
    await flash(request, "success", _("APBDes %(year)s disimpan.") % {"year": year})
    return Redirect(f"{state.tenant.base_url}{BASE}?tahun={year}", status_code=303)


@post(
    f"{BASE}/{{year:int}}/impor",
    guards=[requires(BUDGET_EDIT)],
    include_in_schema=False,
    request_max_body_size=XLSX_MAX_BYTES + 64 * 1024,
)
async def import_budget(request: Request[Any, Any, Any], year: int) -> Response[Any]:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    if _year(str(year), year) is None:
        raise NotFoundException()
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await _page(request, year, import_errors=[_("Pilih berkas XLSX.")], status=422)
    lines, errors = await asyncio.to_thread(read_workbook, await upload.read())
    if errors:
        return await _page(request, year, import_errors=errors, status=422)
    await save_revision(
        request.app.state.kernel,
        state.tenant.code,
        year,
        lines,
        source="xlsx",
        actor=state.principal.username,
        now=state.now,
        filename=upload.filename,
        key=str(form.get("idempotency_key", "")),
    )
    await flash(request, "success", _("APBDes %(year)s diimpor.") % {"year": year})
    return Redirect(f"{state.tenant.base_url}{BASE}?tahun={year}", status_code=303)


ROUTES = [budget_form, save_budget, import_budget]
