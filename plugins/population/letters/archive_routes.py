"""The letter archive pages: the letters the village issued, with their CSV download."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get

from core.audit import disclose
from core.auth.principal import Principal
from core.exports import csv_download
from core.kernel import Kernel
from core.localtime import local_today
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from plugins.population import disclosures
from plugins.population.letters.archive import (
    ArchiveFilter,
    archive_csv,
    archive_rows,
    signatory_names,
)
from plugins.population.letters.kinds import LETTER_KINDS
from plugins.population.letters.web import LETTER_STATES
from plugins.population.letters.workflow import status_label
from plugins.population.permissions import RESIDENT_READ

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@get("/arsip-surat", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def archive_page(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    criteria = ArchiveFilter.from_query(request.query_params)
    rows, pages = await archive_rows(criteria)
    disclose(
        request,
        disclosures.LETTER_LIST,
        subjects=disclosures.many(rows, disclosures.letter),
        query=criteria.query(),
        count=len(rows),
    )
    return await render(
        request,
        "population/letters/archive.html",
        {
            "rows": rows,
            "page": criteria.page,
            "pages": pages,
            "criteria": criteria,
            "query": criteria.query(),
            "kinds": [(code, kind.title) for code, kind in LETTER_KINDS.items()],
            "statuses": [(s, status_label(s)) for s in sorted(LETTER_STATES)],
            "months": list(enumerate(MONTHS, start=1)),
            "signatories": await signatory_names(),
        },
    )


@get("/arsip-surat/unduh", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def archive_download(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    criteria = ArchiveFilter.from_query(request.query_params)
    rows, _pages = await archive_rows(criteria, paged=False)
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="export",
        entity="letter_archive",
        entity_id="keluar",
        after={"filter": criteria.query(), "count": len(rows)},
    )
    disclose(
        request,
        disclosures.LETTER_LIST,
        subjects=disclosures.many(rows, disclosures.letter),
        query=criteria.query(),
        count=len(rows),
    )
    filename = f"arsip-surat-{tenant.slug}-{local_today().isoformat()}.csv"
    return csv_download(archive_csv(rows), filename)


ROUTES = [archive_page, archive_download]
