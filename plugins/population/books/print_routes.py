"""The printed resident sheet (`/penduduk/{id}/biodata.pdf`) and family card view
(`/keluarga/{id}/kk.pdf`), on A4 or F4 (`?kertas=F4`).

Both disclose the person (and family members) they print and are written to the audit log,
as every population download is.
"""

from __future__ import annotations

from typing import Any

from anyio import to_thread
from litestar import Request, Response, get
from litestar.exceptions import HTTPException, NotFoundException

from core.audit import disclose
from core.auth.principal import Principal
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.request_state import request_state
from plugins.population import disclosures as trail
from plugins.population.books import disclosures, printouts, queries
from plugins.population.books.biodata_pdf import render_biodata
from plugins.population.books.family_card_pdf import render_family_card
from plugins.population.books.filters import Paper, read_filter
from plugins.population.books.place import village_place
from plugins.population.permissions import RESIDENT_READ
from plugins.population.register.errors import NotInVillage
from plugins.population.register.families import load_family
from plugins.population.register.residents import load_resident
from plugins.population.services.downloads import attachment_headers

PDF_TYPE = "application/pdf"


def _paper(request: Request[Any, Any, Any], year: int) -> Paper:
    f = read_filter({"kertas": request.query_params.get("kertas", "")}, year)
    if f.errors:
        raise HTTPException(status_code=422, detail=f.errors["kertas"])
    return f.paper


def _pdf(data: bytes, filename: str) -> Response[bytes]:
    return Response(data, media_type=PDF_TYPE, headers=attachment_headers(filename))


@get(
    "/penduduk/{resident_id:int}/biodata.pdf",
    guards=[requires(RESIDENT_READ)],
    include_in_schema=False,
)
async def biodata_pdf(
    request: Request[Any, Any, Any],
    resident_id: int,
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
) -> Response[bytes]:
    place = await village_place(kernel, tenant, request_state(request).now)
    paper = _paper(request, place.today.year)
    try:
        resident = await load_resident(tenant.code, resident_id)
    except NotInVillage:
        raise NotFoundException() from None
    kk_number = ""
    if resident["family"] is not None:
        kk_number = (await load_family(tenant.code, resident["family"]))["kk_number"]
    sections = printouts.biodata_sections(resident, kk_number, place)
    data = await to_thread.run_sync(
        render_biodata, place, resident["name"], resident["nik"], sections, paper
    )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="print",
        entity="resident_biodata",
        entity_id=resident_id,
        after={"kertas": paper},
    )
    disclose(request, disclosures.BIODATA_PDF, subjects=[trail.resident(resident)])
    return _pdf(data, f"biodata-{resident['nik']}.pdf")


@get("/keluarga/{family_id:int}/kk.pdf", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def family_card_pdf(
    request: Request[Any, Any, Any],
    family_id: int,
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
) -> Response[bytes]:
    place = await village_place(kernel, tenant, request_state(request).now)
    paper = _paper(request, place.today.year)
    try:
        family = await load_family(tenant.code, family_id)
    except NotInVillage:
        raise NotFoundException() from None
    members = await queries.card_members(tenant.code, family_id)
    data = await to_thread.run_sync(
        render_family_card,
        place,
        family["kk_number"],
        printouts.head_name(members),
        printouts.card_address(family),
        [printouts.card_member(member) for member in members],
        paper,
    )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="print",
        entity="family_card",
        entity_id=family_id,
        after={"kertas": paper},
    )
    disclose(
        request,
        disclosures.FAMILY_CARD_PDF,
        subjects=[trail.family(family), *trail.residents(members)],
    )
    return _pdf(data, f"kk-{family['kk_number']}.pdf")


ROUTES = [biodata_pdf, family_card_pdf]
