"""The regency imports the ministry's published XLSX: bounded, all rows or none with each bad
row named, and the same file twice changes nothing."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from plugins.village_index.index.editions import edition
from plugins.village_index.ministry.sheet import SheetError, read_sheet, village_code
from plugins.village_index.tables import MinistryResult

IDM = edition("idm2016")
assert IDM is not None
HEADER = [
    "NO",
    "PROVINSI",
    "KABUPATEN",
    "KECAMATAN",
    "DESA",
    "KODE DESA",
    "IKS 2023",
    "IKE 2023",
    "IKL 2023",
    "NILAI IDM 2023",
    "STATUS IDM 2023",
]


def workbook(rows: list[list[Any]], title_rows: int = 1) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for _ in range(title_rows):
        sheet.append(["STATUS IDM 2023 KABUPATEN SAMPANG"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(
    code: str, iks: Any, ike: Any, ikl: Any, idm: Any, status: str, name: str = "NOREH"
) -> list[Any]:
    return [1, "JAWA TIMUR", "SAMPANG", "SRESEH", name, code, iks, ike, ikl, idm, status]


def test_a_code_is_read_with_or_without_dots() -> None:
    assert village_code("3527012001") == "35.27.01.2001"
    assert village_code(3527012001.0) == "35.27.01.2001"
    assert village_code("35.27.01.2001") == "35.27.01.2001"
    assert village_code("352701") is None


def test_figures_are_read_exactly_from_numbers_and_decimal_commas() -> None:
    data = workbook([row("3527012001", 0.7543, "0,6667", 0.8, 0.7403, "MAJU")])
    reading = read_sheet(data, IDM)
    assert reading.errors == []
    (parsed,) = reading.rows
    assert parsed.dimensions == {
        "iks": Decimal("0.7543"),
        "ike": Decimal("0.6667"),
        "ikl": Decimal("0.8000"),
    }
    assert parsed.figure == Decimal("0.7403") and parsed.status_key == "maju"


def test_each_bad_row_is_named_with_its_reason() -> None:
    data = workbook(
        [
            row("3527012001", 0.7543, 0.6667, 0.8, 0.7403, "MAJU"),
            row("35270", 0.7, 0.7, 0.7, 0.7, "BERKEMBANG"),
            row("3527012002", "tinggi", 0.7, 0.7, 0.7, "BERKEMBANG"),
            row("3527012003", 0.7, 0.7, 0.7, 0.7, "MANDIRI"),
            row("3527012004", 0.5, 0.5, 0.5, 0.6, "BERKEMBANG"),
            row("3527012001", 0.7543, 0.6667, 0.8, 0.7403, "MAJU"),
        ]
    )
    errors = read_sheet(data, IDM).errors
    assert errors == [
        "Baris 4: kode desa '35270' bukan kode 10 angka.",
        "Baris 5: IKS 'tinggi' bukan angka 0 sampai 1.",
        "Baris 6: status 'MANDIRI' tidak sesuai nilai 0.7000 (Berkembang).",
        "Baris 7: Nilai IDM 0.6000 tidak sama dengan rata-rata dimensinya (0.5000).",
        "Baris 8: desa 35.27.01.2001 sudah ada di baris 3.",
    ]


def test_a_file_without_the_needed_header_is_refused_naming_the_columns() -> None:
    book = openpyxl.Workbook()
    book.active.append(["NAMA", "ALAMAT"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(SheetError, match="KODE DESA, IKS, IKE, IKL, NILAI IDM"):
        read_sheet(buffer.getvalue(), IDM)
    with pytest.raises(SheetError, match="bukan XLSX"):
        read_sheet(b"not a workbook", IDM)


async def _upload(client: Any, year: str, data: bytes) -> Any:
    return await client.post(
        "/kabupaten/indeks-desa/impor",
        data={"year": year},
        files={"file": ("idm.xlsx", data, "application/octet-stream")},
    )


def _digits(code: str) -> str:
    return code.replace(".", "")


async def test_the_same_file_twice_changes_nothing_and_a_new_figure_updates(kampung) -> None:
    first, second = await kampung.village(0), await kampung.village(1)
    client = await kampung.login("regency_admin")
    rows = [
        row(_digits(first.code), 0.7543, 0.6667, 0.8, 0.7403, "Maju"),
        row(_digits(second.code), 0.5, 0.5, 0.5, 0.5, "Tertinggal"),
    ]
    answer = await _upload(client, "2023", workbook(rows))
    assert answer.status_code == 200, answer.text
    assert '<strong id="created">2</strong>' in answer.text
    again = await _upload(client, "2023", workbook(rows))
    assert '<strong id="unchanged">2</strong>' in again.text
    rows[1] = row(_digits(second.code), 0.6, 0.6, 0.6, 0.6, "Berkembang")
    changed = await _upload(client, "2023", workbook(rows))
    assert '<strong id="updated">1</strong>' in changed.text
    async with kampung.scope():
        stored = await MinistryResult.select().order_by(MinistryResult.village_code)
    assert [(r["village_code"], r["score_units"], r["status_key"]) for r in stored] == [
        (first.code, 7403, "maju"),
        (second.code, 6000, "berkembang"),
    ]


async def test_a_file_with_one_bad_row_imports_nothing(kampung) -> None:
    first = await kampung.village(0)
    client = await kampung.login("regency_admin")
    rows = [
        row(_digits(first.code), 0.7543, 0.6667, 0.8, 0.7403, "Maju"),
        row("9999012001", 0.5, 0.5, 0.5, 0.5, "Tertinggal"),
    ]
    answer = await _upload(client, "2023", workbook(rows))
    assert answer.status_code == 422
    assert "Baris 4: desa 99.99.01.2001 tidak ada di kabupaten ini." in answer.text
    async with kampung.scope():
        assert await MinistryResult.count() == 0


async def test_the_year_and_the_file_are_required_by_name(kampung) -> None:
    client = await kampung.login("regency_admin")
    no_year = await _upload(client, "", workbook([]))
    assert no_year.status_code == 422 and "Tahun: isi tahun hasil" in no_year.text
    no_file = await client.post(
        "/kabupaten/indeks-desa/impor",
        data={"year": "2023"},
        files={"other": ("x.txt", b"", "text/plain")},
    )
    assert no_file.status_code == 422 and "Berkas: pilih berkas XLSX." in no_file.text


async def test_only_the_regency_may_import(kampung) -> None:
    village = await kampung.village(0)
    operator = await kampung.login("village_operator", village)
    assert (await operator.get("/kabupaten/indeks-desa/impor")).status_code in (403, 404)
    officer = await kampung.login("regency_officer")
    assert (await officer.get("/kabupaten/indeks-desa/impor")).status_code == 403
