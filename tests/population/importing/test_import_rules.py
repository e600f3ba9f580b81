"""One rule set for the register: an import refuses what the resident form refuses, refuses a NIK
met twice in one sheet, keeps every document number the register can hold and names the columns
it leaves out."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl

from plugins.population.importing.importer import Target
from plugins.population.importing.runs import import_register, regency_target
from plugins.population.register.resident_form import read_resident
from plugins.population.synthetic import OPENSID_COLUMNS
from plugins.population.tables import Resident

KK_1 = "3527012102230001"
KK_2 = "3527012102230002"
HEAD = "3527012610880001"
WIFE = "3527014206900001"
SIAK_HEADER = ["Nomor KK", "NIK", "Nama Penduduk", "Status", "Tempat Lahir", "Tanggal Lahir",
               "Kelamin", "SHDK", "Agama", "Kecamatan", "Desa/Kel", "RW", "RT", "Nomor Akta Lahir",
               "Nomor Akta Kawin", "Tanggal Kwn", "Petugas Registrasi"]  # fmt: skip


def opensid_csv(path: Path, rows: list[dict[str, str]], village: str | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow((["kode_desa"] if village else []) + list(OPENSID_COLUMNS))
        for row in rows:
            cells = [row.get(column, "") for column in OPENSID_COLUMNS]
            writer.writerow(([row.get("kode_desa", village)] if village else []) + cells)
    return path


def person(name: str, nik: str, **cells: str) -> dict[str, str]:
    return {"nama": name, "no_kk": KK_1, "nik": nik, "sex": "1", "tanggallahir": "1988-10-26",
            "agama_id": "1", "kk_level": "1", "rw": "1", "rt": "3", **cells}  # fmt: skip


def siak_xlsx(path: Path, rows: list[list[Any]], header: list[str] = SIAK_HEADER) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["DATA PENDUDUK KABUPATEN SAMPANG"])
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


async def imported(kampung, path: Path) -> tuple[Any, list[dict[str, Any]]]:
    village = await kampung.village()
    async with kampung.scope(village.code):
        report, _ = await import_register(kampung.kernel, path, Target(village.code), actor="t")
        rows = await Resident.select().where(Resident.village_code == village.code)
    return report, rows


async def test_a_nik_the_form_refuses_rejects_the_row_in_the_forms_words(kampung, tmp_path):
    village = await kampung.village()
    form = read_resident(
        {"nik": "123", "name": "BUDI", "sex": "1", "citizenship": "1", "birth_date": "1990-01-01"},
        village_code=village.code,
        today=dt.date(2026, 12, 1),
    )
    path = opensid_csv(tmp_path / "desa.csv", [person("BUDI", "123"), person("SITI", WIFE)])

    report, residents = await imported(kampung, path)

    assert [note.row for note in report.rejections] == [2]
    reason = report.rejections[0].reason
    assert reason.startswith("Kolom 'nik': '123' ditolak") and form.errors["nik"] in reason
    assert [row["name"] for row in residents] == ["SITI"]


async def test_web_preview_lists_the_refused_nik_and_the_ignored_columns(kampung, tmp_path):
    village = await kampung.village()
    path = opensid_csv(tmp_path / "desa.csv", [person("BUDI", "123"), person("SITI", WIFE)])
    client = await kampung.login("village_admin", village)

    response = await client.post(
        village.url + "/impor", files={"berkas": ("desa.csv", path.read_bytes(), "text/csv")}
    )
    page = (await client.get(response.headers["location"])).text

    assert "Kolom &#39;nik&#39;: &#39;123&#39; ditolak" in page
    assert "pendidikan_sedang_id, dokumen_kitas" not in page  # dokumen_kitas is kept
    assert "Kolom yang diabaikan" in page and "tag_id_card" in page


async def test_a_nik_twice_in_an_opensid_sheet_is_rejected_naming_both_rows(kampung, tmp_path):
    rows = [person("MOCH. BAHRI", HEAD), person("SITI", WIFE, sex="2", kk_level="3"),
            person("ORANG LAIN", HEAD, no_kk=KK_2)]  # fmt: skip
    report, residents = await imported(kampung, opensid_csv(tmp_path / "desa.csv", rows))

    assert (report.residents_created, report.residents_present) == (2, 0)
    assert [note.row for note in report.rejections] == [4]
    reason = report.rejections[0].reason
    assert f"NIK {HEAD} sudah ada di baris 2; baris 4 ditolak" in reason
    assert sorted(row["name"] for row in residents) == ["MOCH. BAHRI", "SITI"]


async def test_a_nik_twice_in_a_siak_sheet_is_not_created_twice(kampung, tmp_path):
    """Excel stored the NIK as a number: it is flagged, and was told apart by name only."""
    truncated = float("3527012610880013"[:-1] + "0")
    rows = [[KK_1, truncated, "MOCH. BAHRI", "HIDUP", "SAMPANG", "26-10-1988", "LAKI-LAKI",
             "KEPALA KELUARGA", "ISLAM"],
            [KK_2, truncated, "BAHRI MOCH", "HIDUP", "SAMPANG", "26-10-1988", "LAKI-LAKI",
             "KEPALA KELUARGA", "ISLAM"]]  # fmt: skip
    report, residents = await imported(kampung, siak_xlsx(tmp_path / "siak.xlsx", rows))

    assert report.residents_created == 1 and len(residents) == 1
    assert [note.row for note in report.rejections] == [4]
    assert "Kolom 'NIK'" in report.rejections[0].reason
    assert "baris 3; baris 4 ditolak" in report.rejections[0].reason


async def test_a_nik_twice_in_a_regency_sheet_is_rejected_across_villages(kampung, tmp_path):
    first, second = await kampung.village(), await kampung.village(1)
    rows = [person("MOCH. BAHRI", HEAD, kode_desa=first.code),
            person("MOCH. BAHRI", HEAD, no_kk=KK_2, kode_desa=second.code)]  # fmt: skip
    path = opensid_csv(tmp_path / "kabupaten.csv", rows, village=first.code)
    regency = first.code.rsplit(".", 2)[0]
    async with kampung.scope(regency):
        target = await regency_target(regency)
        report, _ = await import_register(kampung.kernel, path, target, actor="t")
        count = await Resident.count().where(Resident.nik.like(HEAD[:-1] + "%"))

    assert report.residents_created == 1 and count == 1
    assert [note.row for note in report.rejections] == [3]
    assert "sudah ada di baris 2" in report.rejections[0].reason


async def test_opensid_document_columns_are_kept_and_the_rest_named(kampung, tmp_path):
    row = person("MOCH. BAHRI", HEAD, akta_lahir="3527-LT-26101988-0001",
                 akta_perkawinan="0123/45/VI/2010", tanggalperkawinan="2010-06-05",
                 dokumen_pasport="X123456", suku="MADURA")  # fmt: skip
    report, [resident] = await imported(kampung, opensid_csv(tmp_path / "desa.csv", [row]))

    assert json.loads(resident["documents"]) == {
        "akta_lahir": "3527-LT-26101988-0001",
        "akta_perkawinan": "0123/45/VI/2010",
        "tanggal_perkawinan": "2010-06-05",
        "paspor": "X123456",
    }
    assert report.ignored_columns == [
        "pendidikan_sedang_id", "cara_kb_id", "hamil", "ktp_el", "status_rekam",
        "alamat_sekarang", "suku", "tag_id_card", "id_asuransi", "no_asuransi", "lat", "lng",
    ]  # fmt: skip


async def test_siak_certificates_and_marriage_date_are_kept_under_the_same_keys(kampung, tmp_path):
    rows = [[KK_1, HEAD, "MOCH. BAHRI", "HIDUP", "SAMPANG", "26-10-1988", "LAKI-LAKI",
             "KEPALA KELUARGA", "ISLAM", "SRESEH", "NOREH", 1, 3, "3527-LT-26101988-0001",
             "0123/45/VI/2010", dt.datetime(2010, 6, 5), "PETUGAS 1"],
            [KK_1, WIFE, "LAILATUL JANNAH", "HIDUP", "SAMPANG", "02-06-1990", "PEREMPUAN",
             "ISTRI", "ISLAM", "SRESEH", "NOREH", 1, 3, "-", "", "kemarin", ""]]  # fmt: skip
    report, residents = await imported(kampung, siak_xlsx(tmp_path / "siak.xlsx", rows))

    by_nik = {row["nik"]: row for row in residents}
    assert json.loads(by_nik[HEAD]["documents"]) == {
        "akta_lahir": "3527-LT-26101988-0001",
        "akta_perkawinan": "0123/45/VI/2010",
        "tanggal_perkawinan": "2010-06-05",
    }
    assert json.loads(by_nik[WIFE]["documents"]) == {}
    assert any(
        note.row == 4 and note.reason.startswith("Kolom 'Tanggal Kwn': 'kemarin' bukan tanggal")
        for note in report.warnings
    )
    assert report.ignored_columns == ["Kecamatan", "Desa/Kel", "Petugas Registrasi"]
