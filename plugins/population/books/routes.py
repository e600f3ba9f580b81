"""The books' pages: the index of every population book, and each book as a page, PDF, CSV
and XLSX.

Each book gets its own four literal routes (`/buku/induk`, `/buku/induk.pdf`, …) from
`book_routes`, so the route table names every page a user can open. Reading a book needs the
permission that reading residents needs; every download is audited and written to the access
trail with the number of rows that left.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.background_tasks import BackgroundTask
from litestar.handlers import HTTPRouteHandler
from litestar.response import File, Stream
from markupsafe import Markup

from core.audit import Collected, disclose
from core.auth.principal import Principal
from core.exports import XLSX_TYPE
from core.i18n import N_
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import render
from core.web.request_state import request_state, stream_response
from plugins.population import disclosures as trail
from plugins.population.books import disclosures, downloads, print_routes, spreadsheet
from plugins.population.books.catalog import BOOKS, INDUK, KTP_KK, SEMENTARA, Book
from plugins.population.books.filters import PAPERS, BookFilter, read_filter
from plugins.population.books.place import VillagePlace, village_place
from plugins.population.books.rows import BookRow, book_chunks, book_page
from plugins.population.permissions import RESIDENT_READ
from plugins.population.services.downloads import attachment_headers

TEMPLATES = "population/books/"
PDF_TYPE = print_routes.PDF_TYPE


@get("/buku", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def book_index(request: Request[Any, Any, Any], tenant: Tenant) -> Response[Any]:
    base = tenant.base_url
    entries = [
        (INDUK.code, INDUK.title, INDUK.description, f"{base}/buku/{INDUK.key}"),
        (
            "B.2",
            N_("Buku Mutasi Penduduk"),
            N_("Kelahiran, kematian, pindah dan datang per bulan."),
            f"{base}/mutasi",
        ),
        (
            "B.3",
            N_("Buku Rekapitulasi Jumlah Penduduk"),
            N_("Jumlah awal dan akhir bulan serta perubahannya."),
            f"{base}/rekap",
        ),
        (SEMENTARA.code, SEMENTARA.title, SEMENTARA.description, f"{base}/buku/{SEMENTARA.key}"),
        (KTP_KK.code, KTP_KK.title, KTP_KK.description, f"{base}/buku/{KTP_KK.key}"),
    ]
    return await render(request, TEMPLATES + "index.html", {"entries": entries})


async def _place(kernel: Kernel, request: Request[Any, Any, Any], tenant: Tenant) -> VillagePlace:
    return await village_place(kernel, tenant, request_state(request).now)


def _table(book: Book, base: str, rows: list[BookRow]) -> tuple[list[dict[str, Any]], list[Any]]:
    columns = [
        {"key": f"c{i}", "label": column.flat_label, "sortable": False}
        for i, column in enumerate(book.columns)
    ]
    shown = []
    for row in rows:
        cells: dict[str, Any] = {f"c{i}": value for i, value in enumerate(row.cells)}
        link = f"{base}/penduduk/{row.resident['id']}"
        name = row.cells[book.name_column]
        cells[f"c{book.name_column}"] = Markup('<a href="{}">{}</a>').format(link, name)
        shown.append(cells)
    return columns, shown


async def _page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    book: Book,
    f: BookFilter,
    *,
    status_code: int = 200,
) -> Response[Any]:
    place = await _place(kernel, request, tenant)
    page = await book_page(book, tenant.code, f, place.today)
    disclose(
        request,
        disclosures.BOOK_PAGE,
        subjects=trail.residents(row.resident for row in page.rows),
        query={"buku": book.key, **f.query(), "page": page.page},
        count=page.total,
    )
    columns, rows = _table(book, tenant.base_url, page.rows)
    return await render(
        request,
        TEMPLATES + "book.html",
        {
            "book": book,
            "filter": f,
            "page": page,
            "columns": columns,
            "rows": rows,
            "papers": [(paper, paper) for paper in PAPERS],
            "book_url": f"{tenant.base_url}/buku/{book.key}",
            "asks_year": book is SEMENTARA,
        },
        status_code=status_code,
    )


async def _audited(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    book: Book,
    f: BookFilter,
    file_format: str,
) -> Collected:
    details = {"format": file_format, **f.query()}
    if file_format == "pdf":
        details["kertas"] = f.paper
    await kernel.audit(
        tenant,
        actor=principal.username,
        action="export",
        entity="population_book",
        entity_id=book.key,
        after=details,
    )
    return disclose(
        request, disclosures.BOOK_DOWNLOAD, query={"buku": book.key, **details}, count=0
    )


def _counter(disclosed: Collected) -> Any:
    return lambda rows: disclosed.add((), {}, len(rows))


def _filename(book: Book, tenant: Tenant, suffix: str) -> str:
    return f"buku-{book.key}-{tenant.code}.{suffix}"


def _served(path: Any, filename: str, media_type: str) -> File:
    headers = attachment_headers(filename)
    del headers["Content-Disposition"]
    return File(
        path=path,
        filename=filename,
        media_type=media_type,
        headers=headers,
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


def book_routes(book: Book) -> list[HTTPRouteHandler]:
    """The page and the three downloads of one book."""
    path = f"/buku/{book.key}"
    guards = [requires(RESIDENT_READ)]

    async def filters(request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant) -> Any:
        place = await _place(kernel, request, tenant)
        return read_filter(request.query_params, place.today.year), place

    async def show(
        request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant
    ) -> Response[Any]:
        f, _unused = await filters(request, kernel, tenant)
        return await _page(request, kernel, tenant, book, f)

    async def pdf(
        request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
    ) -> Response[Any]:
        f, place = await filters(request, kernel, tenant)
        if f.errors:
            return await _page(request, kernel, tenant, book, f, status_code=422)
        disclosed = await _audited(request, kernel, tenant, principal, book, f, "pdf")
        heading = downloads.book_heading(book, f, place, principal.display_name)
        target = await downloads.write_pdf(
            book, tenant.code, f, heading, place.today, _counter(disclosed)
        )
        return _served(target, _filename(book, tenant, "pdf"), PDF_TYPE)

    async def csv(
        request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
    ) -> Response[Any]:
        f, place = await filters(request, kernel, tenant)
        if f.errors:
            return await _page(request, kernel, tenant, book, f, status_code=422)
        disclosed = await _audited(request, kernel, tenant, principal, book, f, "csv")
        stream_response(request)
        chunks = book_chunks(book, tenant.code, f, place.today)
        return Stream(
            spreadsheet.csv_chunks(book, chunks, _counter(disclosed)),
            media_type="text/csv",
            headers=attachment_headers(_filename(book, tenant, "csv")),
        )

    async def xlsx(
        request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
    ) -> Response[Any]:
        f, place = await filters(request, kernel, tenant)
        if f.errors:
            return await _page(request, kernel, tenant, book, f, status_code=422)
        disclosed = await _audited(request, kernel, tenant, principal, book, f, "xlsx")
        heading = downloads.book_heading(book, f, place, principal.display_name)
        target = await downloads.write_xlsx(
            book, tenant.code, f, heading, place.today, _counter(disclosed)
        )
        return _served(target, _filename(book, tenant, "xlsx"), XLSX_TYPE)

    options = {"guards": guards, "include_in_schema": False}
    return [
        get(path, name=f"population-book-{book.key}", **options)(show),
        get(path + ".pdf", name=f"population-book-{book.key}-pdf", **options)(pdf),
        get(path + ".csv", name=f"population-book-{book.key}-csv", **options)(csv),
        get(path + ".xlsx", name=f"population-book-{book.key}-xlsx", **options)(xlsx),
    ]


ROUTES = [
    book_index,
    *(handler for book in BOOKS.values() for handler in book_routes(book)),
    *print_routes.ROUTES,
]
"""Every route of the books part, the printed sheet and card included."""
