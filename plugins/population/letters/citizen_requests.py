"""A signed-in citizen asks for a village letter for himself or a family member (type and
purpose); it lands at the top of the operators' drafting queue (`requests.request_letter`).

The form names family members by row id, never by NIK, as the portal's other forms do.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect

from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population.letters.kinds import LETTER_KINDS
from plugins.population.letters.requests import request_letter
from plugins.population.letters.service import LetterFormError
from plugins.population.portal.family import CitizenView
from plugins.population.portal.guard import citizen_of_village
from plugins.population.portal.session import signed_in_citizen

__all__ = ["ROUTES"]

FORM_URL = "/warga/surat/minta"


async def _form(
    request: Request[Any, Any, Any],
    tenant: Tenant,
    citizen: CitizenView,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response[Any]:
    return await render(
        request,
        "population/letters/citizen_request.html",
        {
            "action": f"{tenant.base_url}{FORM_URL}",
            "kind_options": [("", _("Pilih jenis surat"))]
            + [(code, kind.title) for code, kind in LETTER_KINDS.items()],
            "member_options": [("", _("Pilih anggota keluarga"))]
            + [(str(m["id"]), m["name"]) for m in citizen.members],
            "values": {"idempotency_key": secrets.token_hex(16), **values},
            "errors": errors,
        },
        status_code=status_code,
    )


@get(FORM_URL, guards=[citizen_of_village], include_in_schema=False)
async def letter_request_form(
    request: Request[Any, Any, Any], tenant: Tenant, jenis: str = ""
) -> Response[Any]:
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    values = {"kind": jenis if jenis in LETTER_KINDS else "", "member": str(citizen.resident["id"])}
    return await _form(request, tenant, citizen, values, {})


@post(FORM_URL, guards=[citizen_of_village], include_in_schema=False)
async def letter_request_submit(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant
) -> Response[Any]:
    citizen = await signed_in_citizen(request)
    if not isinstance(citizen, CitizenView):
        return citizen
    form = await request.form()
    values = {key: str(value) for key, value in form.items() if key != "_csrf_token"}
    try:
        letter_id, created = await request_letter(
            kernel, tenant, citizen.resident, citizen.members, values, request_state(request).now
        )
    except LetterFormError as error:
        return await _form(request, tenant, citizen, values, error.errors, status_code=422)
    if created:
        await flash(
            request,
            "success",
            _("Permintaan surat #{id} terkirim. Petugas desa akan menyusun drafnya.").format(
                id=letter_id
            ),
        )
    return Redirect(f"{tenant.base_url}/warga", status_code=303)


ROUTES = [letter_request_form, letter_request_submit]
