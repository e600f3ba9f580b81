"""OpenSID's Buku Induk Penduduk sheets (2012, 2016, e-KTP) and its `.xlsm` template import,
each row reported under its number in the sheet.

The sheets are built in the layouts OpenSID's own importers read (`Bip2012_model`,
`Bip2016_model`, `Bip_ektp_model`, `Impor_model::impor_excel`): one block per family, a KK row
then its members.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl

from core.cli.main import main
from core.testing.commands import instance_config
from plugins.population.importing.importer import Target
from plugins.population.importing.runs import import_register
from plugins.population.synthetic import OPENSID_COLUMNS
from plugins.population.tables import Resident

KK_1 = "3527012102230001"
KK_2 = "3527012102230002"
HEAD = "3527012610880001"
WIFE = "3527014206900001"
CHILD = "3527010505150001"
BAD_NIK = "123"
TITLES_2016 = ["NO", "NAMA LENGKAP", "NIK", "TEMPAT LAHIR", "TANGGAL LAHIR", "JENIS KELAMIN",
               "SHDK", "AGAMA", "PENDIDIKAN", "PEKERJAAN", "NAMA IBU", "NAMA AYAH"]  # fmt: skip
TITLES_EKTP = ["NO", "Nama Lengkap", "NIK", "Tempat Lahir", "Tanggal Lahir", "JK", "Stat Kwn",
               "Gol. Drh", "SHDK", "Agama", "Pendidikan Terakhir", "No Akta Lahir", "Pekerjaan",
               "Nama Ibu", "Nama Ayah", "Wjb KTP", "KTP-eL", "Status", "Stat Rkm"]  # fmt: skip


def workbook(path: Path, rows: list[list[Any]], title: str = "BIP") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def bip_2012(path: Path) -> Path:
    """A `NO.KK` title row, the family row (KK number, address line), a member title row, then
    the members: NIK, name, sex, birth place and date, age, religion, marital status,
    relationship, education, occupation, mother, father, birth certificate."""
    title = [None, "NO.KK", None, None, None, None, "ALAMAT"]
    members = ["NO", None, "NIK", "NAMA", "JK", "TEMPAT LAHIR", "TANGGAL LAHIR", "UMUR",
               "AGAMA", "STATUS", "HUBUNGAN", "PENDIDIKAN", "PEKERJAAN", "NAMA IBU",
               "NAMA AYAH", "NO. AKTA"]  # fmt: skip

    def member(no: int, nik: str, name: str, sex: str, born: str, relation: str) -> list[Any]:
        return [no, None, nik, name, sex, "SAMPANG", born, 30, "ISLAM", "KAWIN", relation,
                "TAMAT SD / SEDERAJAT", "PETANI/PEKEBUN", "FATIMAH", "ABDULLAH",
                f"AL-{nik[-4:]}"]  # fmt: skip

    rows = [
        ["BUKU INDUK PENDUDUK"],
        ["DESA NOREH KECAMATAN SRESEH"],
        [],
        title,
        [None, KK_1, None, None, None, None, "DUSUN KRAJAN, RT:003, RW:001, Kodepos:69273,-"],
        members,
        member(1, HEAD, "MOCH. BAHRI", "LAKI-LAKI", "26-10-1988", "KEPALA KELUARGA"),
        member(2, WIFE, "LAILATUL JANNAH", "PEREMPUAN", "02-06-1990", "ISTRI"),
        member(3, BAD_NIK, "SALAH NIK", "LAKI-LAKI", "01-01-2000", "ANAK"),
        title,
        [None, KK_2, None, None, None, None, "DUSUN TEMOR, RT:001, RW:002, Kodepos:69273,-"],
        members,
        member(1, HEAD, "NIK KEMBAR", "LAKI-LAKI", "26-10-1988", "KEPALA KELUARGA"),
        member(2, CHILD, "MOH. HASAN", "LAKI-LAKI", "05-05-2015", "ANAK"),
    ]
    return workbook(path, rows)


def bip_2016(path: Path) -> Path:
    """`BUKU INDUK PENDUDUK WNI` on top; a `No. KK :` row with `Alamat :, Nama Dusun :, RT/RW :`,
    then numbered members (name, NIK, birth place and date, sex, relationship, religion,
    education, occupation, mother, father); notes from `Keterangan:` on."""

    def member(no: int, nik: str, name: str, sex: str, born: str, relation: str) -> list[Any]:
        return [no, name, nik, "SAMPANG", born, sex, relation, "ISLAM", "SLTA / SEDERAJAT",
                "WIRASWASTA", "FATIMAH", "ABDULLAH"]  # fmt: skip

    rows = [
        ["BUKU INDUK PENDUDUK WNI"],
        ["PROVINSI JAWA TIMUR, KABUPATEN SAMPANG, KECAMATAN SRESEH, DESA NOREH"],
        TITLES_2016,
        [f"No. KK : {KK_1}", None, "Alamat : JL. MAWAR 3, Nama Dusun : KRAJAN, RT/RW : 003/001"],
        member(1, HEAD, "MOCH. BAHRI", "LAKI-LAKI", "26-10-1988", "KEPALA KELUARGA"),
        member(2, BAD_NIK, "SALAH NIK", "PEREMPUAN", "02-06-1990", "ISTRI"),
        [f"No. KK : {KK_2}", None, "Alamat : JL. MELATI, Nama Dusun : TEMOR, RT/RW : 001/002"],
        member(1, HEAD, "NIK KEMBAR", "LAKI-LAKI", "26-10-1988", "KEPALA KELUARGA"),
        member(2, CHILD, "MOH. HASAN", "LAKI-LAKI", "05-05-2015", "ANAK"),
        ["Keterangan: SHDK = Status Hubungan Dalam Keluarga"],
        [3, "BUKAN PENDUDUK", CHILD, "SAMPANG", "05-05-2015", "LAKI-LAKI", "ANAK"],
    ]
    return workbook(path, rows)


def bip_ektp(path: Path) -> Path:
    """The column titles on top (`Wjb KTP`, `KTP-eL` in columns 16 and 17); a row with the KK
    number alone in the first cell and `DESA … RT/RW : … DUSUN : …` in the twelfth, then
    numbered members with e-KTP columns at the end."""

    def member(no: int, nik: str, name: str, sex: str, kawin: str, blood: str, relation: str):
        return [no, name, nik, "SAMPANG", "26-10-1988", sex, kawin, blood, relation, "ISLAM",
                "TAMAT SD / SEDERAJAT", f"AL-{nik[-4:]}", "PETANI / PEKEBUN", "FATIMAH",
                "ABDULLAH", "WAJIB", "KTP-eL", "SDH DPT", "CARD SHIPPED"]  # fmt: skip

    def family(kk: str, head: str, address: str) -> list[Any]:
        return [kk, None, head, *([None] * 8), address]

    rows = [
        TITLES_EKTP,
        family(KK_1, "MOCH. BAHRI", "DESA NOREH RT/RW : 003/001 DUSUN : KRAJAN"),
        member(1, HEAD, "MOCH. BAHRI", "Lk", "K", "O", "KEPALA KELUARGA"),
        member(2, WIFE, "LAILATUL JANNAH", "Pr", "K", "Tdk Th", "ISTRI"),
        member(3, BAD_NIK, "SALAH NIK", "Lk", "BK", "-", "ANAK"),
        family(KK_2, "NIK KEMBAR", "DESA NOREH RT/RW : 001/002 DUSUN : -"),
        member(1, HEAD, "NIK KEMBAR", "Lk", "CM", "A", "KEPALA KELUARGA"),
    ]
    return workbook(path, rows)


async def run(kampung, path: Path) -> tuple[Any, dict[str, dict[str, Any]]]:
    village = await kampung.village()
    async with kampung.scope(village.code):
        report, _ = await import_register(kampung.kernel, path, Target(village.code), actor="t")
        rows = await Resident.select(
            *Resident.all_columns(), Resident.family.kk_number, Resident.family.address
        ).where(Resident.village_code == village.code)
    return report, {row["nik"]: row for row in rows}


def rejected(report: Any) -> dict[int, str]:
    return {note.row: note.reason for note in report.rejections}


def assert_bad_and_twin_rows(report: Any, bad: int, first: int, twin: int) -> None:
    reasons = rejected(report)
    assert set(reasons) == {bad, twin}
    assert reasons[bad].startswith(f"Kolom 'NIK': '{BAD_NIK}' ditolak")
    assert f"baris {first}" in reasons[twin] and f"baris {twin}" in reasons[twin]


async def test_bip_2012_imports_each_family_block_with_row_numbers(kampung, tmp_path):
    report, residents = await run(kampung, bip_2012(tmp_path / "format_bip_2012.xlsx"))

    assert report.file_format == "bip2012"
    assert (report.rows, report.residents_created, report.families_created) == (5, 3, 2)
    assert_bad_and_twin_rows(report, bad=9, first=7, twin=13)
    head = residents[HEAD]
    assert (head["name"], head["sex"], head["relationship"], head["education"]) == (
        "MOCH. BAHRI", 1, 1, 3,
    )  # fmt: skip
    assert (head["dusun"], head["rw"], head["rt"], head["family.kk_number"]) == (
        "KRAJAN", "001", "003", KK_1,
    )  # fmt: skip
    assert json.loads(head["documents"]) == {"akta_lahir": "AL-0001"}
    assert str(residents[WIFE]["birth_date"]) == "1990-06-02"
    assert (residents[CHILD]["dusun"], residents[CHILD]["family.kk_number"]) == ("TEMOR", KK_2)


async def test_bip_2016_imports_until_its_notes(kampung, tmp_path):
    report, residents = await run(kampung, bip_2016(tmp_path / "format_bip_2016.xlsx"))

    assert report.file_format == "bip2016"
    assert (report.rows, report.residents_created, report.families_created) == (4, 2, 2)
    assert_bad_and_twin_rows(report, bad=6, first=5, twin=8)
    head = residents[HEAD]
    assert (head["dusun"], head["rw"], head["rt"], head["family.address"]) == (
        "KRAJAN", "001", "003", "JL. MAWAR 3",
    )  # fmt: skip
    assert (head["education"], head["occupation"], head["mother_name"]) == (5, 88, "FATIMAH")
    assert residents[CHILD]["name"] == "MOH. HASAN"


async def test_bip_ektp_reads_its_abbreviations_and_names_its_ignored_columns(kampung, tmp_path):
    report, residents = await run(kampung, bip_ektp(tmp_path / "format_bip_ektp.xlsx"))

    assert report.file_format == "bip_ektp"
    assert (report.rows, report.residents_created, report.families_created) == (4, 2, 1)
    assert_bad_and_twin_rows(report, bad=5, first=3, twin=7)
    head, wife = residents[HEAD], residents[WIFE]
    assert (head["sex"], head["marital_status"], head["blood_type"]) == (1, 2, 4)
    assert (wife["sex"], wife["marital_status"], wife["blood_type"]) == (2, 2, 13)
    assert (head["dusun"], head["rw"], head["rt"]) == ("KRAJAN", "001", "003")
    assert json.loads(wife["documents"]) == {"akta_lahir": "AL-0001"}
    assert report.ignored_columns == ["Wjb KTP", "KTP-eL", "Status", "Stat Rkm"]


def opensid_template(path: Path) -> Path:
    """OpenSID's `FormatImportExcel.xlsm`: a "Kode Data" sheet of codes, the data sheet with
    the column names on the first row, notes beginning with `###`, and the `###` end mark in
    the second cell, after which only notes follow."""
    book = openpyxl.Workbook()
    codes = book.active
    codes.title = "Kode Data"
    codes.append(["KODE", "JENIS KELAMIN"])
    codes.append([1, "LAKI-LAKI"])
    data = book.create_sheet("Penduduk")
    data.append(list(OPENSID_COLUMNS))

    def person(**values: str) -> list[str]:
        return [values.get(column, "") for column in OPENSID_COLUMNS]

    common = {"no_kk": KK_1, "dusun": "KRAJAN", "rw": "1", "rt": "3", "agama_id": "1"}
    data.append(person(nama="MOCH. BAHRI", nik=HEAD, sex="1", tanggallahir="1988-10-26",
                       kk_level="1", **common))  # fmt: skip
    data.append(["### Satu baris untuk satu penduduk; kolom sex: 1 laki-laki, 2 perempuan"])
    data.append(person(nama="LAILATUL JANNAH", nik=WIFE, sex="2", tanggallahir="1990-06-02",
                       kk_level="3", **common))  # fmt: skip
    data.append([None, "###"])
    data.append(["Petunjuk: simpan berkas ini sebagai .xlsm lalu unggah ke menu impor."])
    book.save(path)
    return path


async def test_opensid_xlsm_template_skips_code_sheet_and_notes(kampung, tmp_path):
    report, residents = await run(kampung, opensid_template(tmp_path / "FormatImportExcel.xlsm"))

    assert report.file_format == "opensid"
    assert (report.rows, report.residents_created, report.families_created) == (2, 2, 1)
    assert report.rejections == []
    assert set(residents) == {HEAD, WIFE}


def test_cli_imports_a_bip_sheet_like_the_web_page(kampung_settings, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["kampung"])
    config = str(instance_config(kampung_settings, tmp_path))
    path = bip_ektp(tmp_path / "format_bip_ektp.xlsx")
    command = ["--config", config, "population", "import", str(path), "--village",
               "35.27.01.2001", "--dry-run", "--json"]  # fmt: skip
    assert main(command) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "bip_ektp" and report["residents"]["created"] == 2
    assert [note["row"] for note in report["rejections"]] == [5, 7]
    assert report["ignored_columns"] == ["Wjb KTP", "KTP-eL", "Status", "Stat Rkm"]


def test_cli_refuses_a_sheet_it_cannot_read_in_one_line(
    kampung_settings, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("sys.argv", ["kampung"])
    config = str(instance_config(kampung_settings, tmp_path))
    path = workbook(tmp_path / "catatan.xlsm", [["Nama", "Alamat"], ["BUDI", "JL. MAWAR"]])
    command = ["--config", config, "population", "import", str(path), "--village",
               "35.27.01.2001"]  # fmt: skip
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith("kampung: Format berkas tidak dikenali") and len(err.splitlines()) == 1
