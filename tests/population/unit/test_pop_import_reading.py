"""The readers, on real files written to disk.

`fixtures/siak_export.xls` was written with xlwt 1.3.0 (not a project dependency, so the file is
committed): two title lines, a blank line, the SIAK header on row 4, a blank row 5, then two
residents on rows 6 and 7 whose cells are asserted below.
"""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import openpyxl
import pytest

from plugins.population.importing.formats import ImportFormatError
from plugins.population.importing.reading import read_rows

FIXTURES = Path(__file__).parent / "fixtures"


def write_text(path: Path, content: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(content.encode(encoding))
    return path


def test_csv_with_commas(tmp_path: Path) -> None:
    path = write_text(tmp_path / "opensid.csv", "nama,no_kk,rt\nBUDI,3527010101100001,3\n")
    assert list(read_rows(path)) == [(2, {"nama": "BUDI", "no_kk": "3527010101100001", "rt": "3"})]


def test_csv_with_semicolons_and_a_bom_as_excel_writes_it(tmp_path: Path) -> None:
    content = "Nomor KK;NIK;Nama Penduduk;Alamat\r\n1;2;SITI;JL. MAWAR, NO 5\r\n"
    path = write_text(tmp_path / "siak.csv", content, "utf-8-sig")
    [(number, row)] = read_rows(path)
    assert number == 2
    assert row == {
        "nomor kk": "1",
        "nik": "2",
        "nama penduduk": "SITI",
        "alamat": "JL. MAWAR, NO 5",
    }


def test_csv_in_windows_1252_is_still_read(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lama.csv", "nik;nama\n1;JOSÉ\n", "cp1252")
    assert [row["nama"] for _, row in read_rows(path)] == ["JOSÉ"]


def test_title_lines_above_the_header_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    content = "DATA PENDUDUK,,\nDesa Noreh,,\n,,\nNIK,Nama Penduduk,RT\n,,\n1,A,1\n , ,\n2,B,2\n"
    path = write_text(tmp_path / "judul.csv", content)
    assert [(number, row["nik"]) for number, row in read_rows(path)] == [(6, "1"), (8, "2")]


def test_without_a_nik_column_the_first_row_is_the_header(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lain.csv", "nama,umur\nA,1\nB,2\n")
    assert [row for _, row in read_rows(path)] == [
        {"nama": "A", "umur": "1"},
        {"nama": "B", "umur": "2"},
    ]


def test_columns_without_a_header_are_dropped(tmp_path: Path) -> None:
    path = write_text(tmp_path / "sisa.csv", "nik,,nama\n1,catatan,A\n")
    assert [row for _, row in read_rows(path)] == [{"nik": "1", "nama": "A"}]


def test_xlsx_gives_typed_cells_with_spreadsheet_row_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "DATA PENDUDUK"
    sheet.append([])
    sheet.append(["Nomor KK", "NIK", "Nama Penduduk", "Tanggal Lahir", "RT", None])
    sheet.append(["3527010101100001", "3527014101910001", "SITI", dt.datetime(1991, 1, 1), 3])
    sheet.append([])
    sheet.append(["3527010101100001", "3527010110910002", "BUDI", 33512, 3.5])
    path = tmp_path / "siak.xlsx"
    book.save(path)

    rows = list(read_rows(path))

    assert [number for number, _ in rows] == [4, 6]
    first, second = (row for _, row in rows)
    assert first["tanggal lahir"] == dt.datetime(1991, 1, 1)
    assert first["rt"] == 3
    assert first["nama penduduk"] == "SITI"
    assert second["tanggal lahir"] == 33512
    assert second["rt"] == 3.5


def test_xls_gives_dates_as_datetimes_and_numbers_as_floats() -> None:
    rows = list(read_rows(FIXTURES / "siak_export.xls"))
    assert [number for number, _ in rows] == [6, 7]
    first, second = (row for _, row in rows)
    assert first["nomor kk"] == "3527010101100001"
    assert first["tanggal lahir"] == dt.datetime(1991, 10, 1)
    assert first["rw"] == 2.0
    assert first["gol darah"] == "O"
    assert second["tanggal lahir"] == 34030.0
    assert second["nik ayah"] is None


def test_unsupported_file_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"'\.pdf' tidak didukung"):
        read_rows(tmp_path / "data.pdf")


def test_file_without_any_row_is_refused(tmp_path: Path) -> None:
    path = write_text(tmp_path / "kosong.csv", "\n ,\n")
    with pytest.raises(ImportFormatError, match="tidak berisi baris judul"):
        list(read_rows(path))


def test_csv_is_streamed_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "besar.csv"
    line = (
        "Jl. Mawar,Noreh,2,3,BUDI SANTOSO,3527010101100001,3527010110910002,1,SAMPANG,1991-10-01\n"
    )
    with path.open("w", encoding="utf-8") as handle:
        handle.write("alamat,dusun,rw,rt,nama,no_kk,nik,sex,tempatlahir,tanggallahir\n")
        handle.writelines(line for _ in range(200_000))
    assert path.stat().st_size > 15_000_000

    tracemalloc.start()
    try:
        count = sum(1 for _ in read_rows(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 200_000
    assert peak < 2_000_000


def test_csv_that_turns_out_not_to_be_utf8_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "campur.csv"
    first_part = "nik,nama\n" + "1,BUDI\n" * 20_000
    path.write_bytes(first_part.encode() + "2,JOSÉ\n".encode("cp1252"))
    rows = read_rows(path)
    with pytest.raises(ImportFormatError, match="simpan ulang berkas sebagai 'CSV UTF-8'"):
        for _ in rows:
            pass
