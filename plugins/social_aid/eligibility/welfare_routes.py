"""The DTSEN import page, for a village's own register and for the regency's whole list: the same
form and per-row report; the regency's rows land in each resident's own village."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.response import Redirect

from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.tenancy.tables import Village
from core.web.guards import requires
from core.web.render import render
from plugins.social_aid.eligibility import welfare
from plugins.social_aid.form_input import new_key, note, seen
from plugins.social_aid.permissions import MANAGE

MAX_UPLOAD = 5 * 1024 * 1024
PATH = "/bantuan/dtsen"


def _where(tenant: Tenant) -> str:
    return "di desa ini" if tenant.kind == "village" else "di kabupaten ini"


async def _page(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    reports: list[welfare.RowReport] | None,
    errors: dict[str, str],
    source: str = "DTSEN",
) -> Response[str]:
    villages = {}
    if reports and tenant.kind != "village":
        codes = sorted({r.village_code for r in reports if r.village_code})
        rows = await Village.select(Village.code, Village.name).where(
            Village.code.is_in(codes or [""])
        )
        villages = {row["code"]: row["name"] for row in rows}
    context = {
        "columns": welfare.COLUMNS,
        "reports": reports,
        "recorded": sum(1 for r in reports or [] if r.ok),
        "villages": villages,
        "regency": tenant.kind != "village",
        "errors": errors,
        "source": source,
        "new_key": new_key,
    }
    return await render(
        request, "social_aid/welfare.html", context, status_code=422 if errors else 200
    )


@get(PATH, guards=[requires(MANAGE)], include_in_schema=False)
async def welfare_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[str]:
    return await _page(request, tenant, None, {})


@post(PATH, guards=[requires(MANAGE)], include_in_schema=False)
async def welfare_import(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal, kernel: Kernel
) -> Response[Any]:
    """Import a DTSEN/survey CSV or XLSX; the page lists every row's outcome."""
    form = await request.form()
    fields = {k: str(v) for k, v in form.items() if not isinstance(v, UploadFile)}
    if await seen(tenant.code, welfare.ENTITY, fields) is not None:
        return Redirect(tenant.base_url + PATH, status_code=303)
    upload = form.get("file")
    source = str(form.get("source") or "DTSEN").strip()[:40] or "DTSEN"
    content = await upload.read(MAX_UPLOAD + 1) if isinstance(upload, UploadFile) else b""
    if not content:
        missing = {"file": _("Pilih berkas CSV atau XLSX data DTSEN.")}
        return await _page(request, tenant, None, missing, source)
    if len(content) > MAX_UPLOAD:
        return await _page(request, tenant, None, {"file": _("Berkas paling besar 5 MB.")}, source)
    reports = await welfare.import_table(
        kernel,
        tenant.code,
        content,
        source=source,
        actor=principal.username,
        now=datetime.now(UTC),
        where=_where(tenant),
    )
    await note(tenant.code, welfare.ENTITY, fields, principal.username, len(reports))
    return await _page(request, tenant, reports, {}, source)


ROUTES = [welfare_page, welfare_import]
