"""The village's list of signatories (name, NIP, jabatan, active), kept by its admin."""

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
from plugins.population.letters.signatories import (
    SignatoryFormError,
    all_signatories,
    save_signatory,
)
from plugins.population.permissions import TEMPLATE_EDIT

__all__ = ["ROUTES"]


async def _page(
    request: Request[Any, Any, Any],
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    editing: int | None = None,
    status_code: int = 200,
) -> Response[Any]:
    return await render(
        request,
        "population/letters/signatories.html",
        {
            "signatories": await all_signatories(),
            "values": values or {"active": "1"},
            "errors": errors or {},
            "editing": editing,
        },
        status_code=status_code,
    )


@get("/surat/penanda-tangan", guards=[requires(TEMPLATE_EDIT)], include_in_schema=False)
async def signatory_list(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _page(request)


async def _save(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    signatory_id: int | None,
) -> Response[Any]:
    form = await request.form()
    values = {key: str(value) for key, value in form.items() if key != "_csrf_token"}
    try:
        await save_signatory(
            kernel, tenant, principal.username, values, request_state(request).now, signatory_id
        )
    except SignatoryFormError as error:
        return await _page(
            request, values=values, errors=error.errors, editing=signatory_id, status_code=422
        )
    except LookupError:
        raise NotFoundException() from None
    await flash(
        request,
        "success",
        _("Penanda tangan {name} disimpan.").format(name=values.get("name", "").strip()),
    )
    return Redirect(f"{tenant.base_url}/surat/penanda-tangan", status_code=303)


@post("/surat/penanda-tangan", guards=[requires(TEMPLATE_EDIT)], include_in_schema=False)
async def add_signatory(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    return await _save(request, kernel, tenant, principal, None)


@post(
    "/surat/penanda-tangan/{signatory_id:int}",
    guards=[requires(TEMPLATE_EDIT)],
    include_in_schema=False,
)
async def change_signatory(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    signatory_id: int,
) -> Response[Any]:
    return await _save(request, kernel, tenant, principal, signatory_id)


ROUTES = [signatory_list, add_signatory, change_signatory]
