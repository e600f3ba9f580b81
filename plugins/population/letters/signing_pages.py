"""The two pages between a checked letter and its signature: the draft preview PDF, and the
confirmation where the head reads the summary, picks the signatory and types his password.

Both work without JavaScript: the detail page links to the confirmation, whose form posts to
the ordinary action URL (`/surat/{id}/aksi/tandatangani`).
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state
from plugins.population import disclosures
from plugins.population.letters.kinds import kind_title
from plugins.population.letters.preview import PREVIEW_STATUSES, render_preview
from plugins.population.letters.service import load_letter
from plugins.population.letters.signatories import active_signatories
from plugins.population.letters.signing_checks import public_url_refusal
from plugins.population.letters.workflow import SIGN_PERMISSION
from plugins.population.permissions import RESIDENT_READ

__all__ = ["ROUTES", "sign_page"]


@get("/surat/{letter_id:int}/pratinjau", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def letter_preview(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    letter_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    """The draft as it will print, stamped DRAF; a signed letter sends to its real PDF."""
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise NotFoundException()
    if letter["status"] == "ditandatangani":
        return Redirect(f"{tenant.base_url}/surat/{letter_id}/pdf", status_code=303)
    if letter["status"] not in PREVIEW_STATUSES:
        raise NotFoundException(
            _("Surat ini belum atau tidak lagi berupa draf, jadi tidak ada pratinjau.")
        )
    pdf = await render_preview(kernel, tenant, letter, request_state(request).now)
    disclose(request, disclosures.LETTER_PDF, subjects=disclosures.letter(letter))
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="read",
        entity="letter_preview",
        entity_id=letter_id,
    )
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "content-disposition": f'inline; filename="draf-surat-{letter_id}.pdf"',
            "x-content-type-options": "nosniff",
            "cache-control": "no-store",
        },
    )


async def sign_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    letter: dict[str, Any],
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response[Any]:
    """The confirmation form; shown again with its errors when a signature is refused."""
    signatories = await active_signatories()
    disclose(request, disclosures.LETTER_DETAIL, subjects=disclosures.letter(letter))
    return await render(
        request,
        "population/letters/sign.html",
        {
            "letter": letter,
            "title": kind_title(letter["kind"]),
            "signatories": [("", "— pilih penanda tangan —")]
            + [
                (
                    str(row["id"]),
                    f"{row['name']} — {row['position']}"
                    + (f" (NIP {row['nip']})" if row["nip"] else ""),
                )
                for row in signatories
            ],
            "values": values or {},
            "errors": errors or {},
            "refusal": public_url_refusal(kernel.settings),
        },
        status_code=status_code,
    )


@get(
    "/surat/{letter_id:int}/tandatangani",
    guards=[requires(SIGN_PERMISSION)],
    include_in_schema=False,
)
async def sign_confirmation(
    request: Request[Any, Any, Any], kernel: Kernel, letter_id: int, tenant: Tenant
) -> Response[Any]:
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise NotFoundException()
    if letter["status"] != "diperiksa":
        return Redirect(f"{tenant.base_url}/surat/{letter_id}", status_code=303)
    return await sign_page(request, kernel, tenant, letter)


ROUTES = [letter_preview, sign_confirmation]
