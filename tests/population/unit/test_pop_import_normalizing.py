from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from plugins.population.importing import (
    NIK_NEEDS_CHECK,
    Cell,
    ImportRecord,
    RowRejected,
    detect_format,
    normalize_opensid,
    normalize_siak,
    read_rows,
)

FIXTURES = Path(__file__).parent / "fixtures"
KK = "3527010507150003"
WOMAN_BORN_1991_01_01 = "3527014101910001"
MAN_BORN_1991_10_01 = "3527010110910002"


def opensid_row(**cells: Cell) -> dict[str, Cell]:
    row: dict[str, Cell] = {
        "alamat": "Jl. Mawar",
        "dusun": "Noreh Timur",
        "rw": "2",
        "rt": "3",
        "nama": "SITI AMINAH",
        "no_kk": KK,
        "nik": WOMAN_BORN_1991_01_01,
        "sex": "2",
        "tempatlahir": "SAMPANG",
        "tanggallahir": "1991-01-01",
        "agama_id": "1",
        "pendidikan_kk_id": "5",
        "pekerjaan_id": "88",
        "status_kawin": "2",
        "kk_level": "3",
        "warganegara_id": "1",
        "ayah_nik": "",
        "nama_ayah": "ABDULLAH",
        "ibu_nik": "",
        "nama_ibu": "FATIMAH",
        "golongan_darah_id": "13",
        "cacat_id": "7",
        "status_dasar": "1",
    }
    row.update(cells)
    return row


def siak_row(**cells: Cell) -> dict[str, Cell]:
    row: dict[str, Cell] = {
        "nomor kk": KK,
        "nik": MAN_BORN_1991_10_01,
        "nama penduduk": "MOH. HASAN",
        "status": "HIDUP",
        "tempat lahir": "SAMPANG",
        "tanggal lahir": 33512,
        "kelamin": "LAKI-LAKI",
        "nik ayah": "-",
        "ayah": "ABDULLAH",
        "nik ibu": "-",
        "ibu": "FATIMAH",
        "status kawin": "KAWIN TERCATAT",
        "shdk": "KEPALA KELUARGA",
        "agama": "ISLAM",
        "kecamatan": "SRESEH",
        "desa/kel": "NOREH",
        "alamat": "DSN. NOREH TIMUR",
        "rw": 2.0,
        "rt": 3.0,
        "pendidikan": "SLTA/SEDERAJAT",
        "pekerjaan": "WIRASWASTA",
        "gol darah": "-",
        "cacat": "-",
    }
    row.update(cells)
    return row


def test_clean_opensid_row_becomes_a_record_without_warnings() -> None:
    assert normalize_opensid(opensid_row()) == ImportRecord(
        no_kk=KK,
        nik=WOMAN_BORN_1991_01_01,
        name="SITI AMINAH",
        sex=2,
        birth_place="SAMPANG",
        birth_date=dt.date(1991, 1, 1),
        religion=1,
        education=5,
        occupation=88,
        marital_status=2,
        relationship=3,
        citizenship=1,
        blood_type=13,
        disability=7,
        basic_status=1,
        father_nik=None,
        father_name="ABDULLAH",
        mother_nik=None,
        mother_name="FATIMAH",
        address="Jl. Mawar",
        dusun="Noreh Timur",
        rw="002",
        rt="003",
        nik_needs_check=False,
        warnings=(),
    )


def test_messy_siak_row_becomes_codes_dates_and_padded_areas() -> None:
    record = normalize_siak(siak_row())
    assert record.warnings == ()
    assert (record.sex, record.birth_date) == (1, dt.date(1991, 10, 1))
    assert (record.religion, record.education, record.occupation) == (1, 5, 88)
    assert (record.marital_status, record.relationship, record.basic_status) == (2, 1, 1)
    assert (record.blood_type, record.disability, record.citizenship) == (None, None, None)
    assert (record.father_nik, record.mother_nik) == (None, None)
    assert (record.dusun, record.rw, record.rt) == (None, "002", "003")
    assert record.address == "DSN. NOREH TIMUR"


@pytest.mark.parametrize(
    ("cells", "field", "value"),
    [
        ({"kelamin": "perempuan", "nik": WOMAN_BORN_1991_01_01}, "sex", 2),
        ({"agama": " katholik "}, "religion", 3),
        ({"status kawin": "Kawin Belum Tercatat"}, "marital_status", 2),
        ({"shdk": "ISTERI"}, "relationship", 3),
        ({"pendidikan": "DIPLOMA IV/STRATA I"}, "education", 8),
        ({"pekerjaan": "BELUM/TIDAK BEKERJA"}, "occupation", 1),
        ({"status": "Pindah Dalam Negeri"}, "basic_status", 3),
        ({"status": "TIDAK VALID"}, "basic_status", 9),
        ({"gol darah": "TIDAK TAHU"}, "blood_type", 13),
        ({"tanggal lahir": "01/10/1991"}, "birth_date", dt.date(1991, 10, 1)),
        ({"tanggal lahir": dt.datetime(1991, 10, 1)}, "birth_date", dt.date(1991, 10, 1)),
        ({"rt": "  "}, "rt", None),
        ({"rt": "01"}, "rt", "001"),
        ({"nama penduduk": "  moh.   hasan "}, "name", "moh. hasan"),
        ({"nik ayah": 3527010101600001.0}, "father_nik", "3527010101600001"),
        ({"nik ibu": "0"}, "mother_nik", None),
    ],
)
def test_siak_cell_normalization(cells: dict[str, Cell], field: str, value: object) -> None:
    assert getattr(normalize_siak(siak_row(**cells)), field) == value


@pytest.mark.parametrize(
    ("cells", "field", "value"),
    [
        ({"sex": 1.0, "nik": MAN_BORN_1991_10_01, "tanggallahir": "1991-10-01"}, "sex", 1),
        ({"agama_id": "01"}, "religion", 1),
        ({"tanggallahir": "01-01-1991"}, "birth_date", dt.date(1991, 1, 1)),
        ({"tanggallahir": "0000-00-00"}, "birth_date", None),
        ({"rw": 12.0}, "rw", "012"),
        ({"status_dasar": ""}, "basic_status", None),
        ({"dusun": " - "}, "dusun", None),
    ],
)
def test_opensid_cell_normalization(cells: dict[str, Cell], field: str, value: object) -> None:
    assert getattr(normalize_opensid(opensid_row(**cells)), field) == value


@pytest.mark.parametrize("empty", [None, "", "   ", "-"])
def test_row_without_name_is_rejected_naming_the_column(empty: Cell) -> None:
    with pytest.raises(RowRejected, match="Kolom 'Nama Penduduk' kosong"):
        normalize_siak(siak_row(**{"nama penduduk": empty}))
    with pytest.raises(RowRejected, match="Kolom 'nama' kosong"):
        normalize_opensid(opensid_row(nama=empty))


def test_row_without_kk_number_is_rejected_naming_the_column() -> None:
    with pytest.raises(RowRejected, match="Kolom 'Nomor KK' kosong") as raised:
        normalize_siak(siak_row(**{"nomor kk": "-"}))
    assert raised.value.reason.startswith("Kolom 'Nomor KK'")
    with pytest.raises(RowRejected, match="Kolom 'no_kk' kosong"):
        normalize_opensid(opensid_row(no_kk=None))


@pytest.mark.parametrize("nik", ["352701410191", "3527013202910001", "9927014101910001"])
def test_a_nik_the_form_would_refuse_rejects_the_row_naming_it(nik: str) -> None:
    """One rule set: a NIK the register's form refuses (length, birth date, region) is not
    imported either; the row is rejected naming the column and the value."""
    with pytest.raises(RowRejected, match=f"Kolom 'NIK': '{nik}' ditolak"):
        normalize_siak(siak_row(nik=nik))


def test_missing_nik_keeps_the_person_flagged() -> None:
    record = normalize_opensid(opensid_row(nik=""))
    assert record.nik is None
    assert record.nik_needs_check
    assert record.warnings == (f"Kolom 'nik': kosong; {NIK_NEEDS_CHECK}",)


def test_nik_stored_as_a_number_by_excel_is_flagged() -> None:
    record = normalize_siak(siak_row(nik=3527010110910010.0))
    assert record.nik == "3527010110910010"
    assert record.nik_needs_check
    assert "digit terakhir mungkin terpotong" in record.warnings[0]


def test_nik_disagreeing_with_the_record_is_a_warning_only() -> None:
    record = normalize_siak(siak_row(**{"tanggal lahir": "02-10-1991"}))
    assert not record.nik_needs_check
    assert record.warnings == (
        "Kolom 'NIK': Tanggal lahir di NIK (01-10-91) tidak sama dengan tanggal lahir "
        "di data (02-10-1991).",
    )


def test_missing_sex_is_taken_from_a_sound_nik() -> None:
    record = normalize_opensid(opensid_row(sex=""))
    assert record.sex == 2
    assert record.warnings == ("Kolom 'sex': diisi Perempuan menurut NIK",)


def test_missing_sex_with_an_unusable_nik_rejects_the_row() -> None:
    with pytest.raises(RowRejected, match="Kolom 'Kelamin' kosong atau tidak dikenal"):
        normalize_siak(siak_row(kelamin="?", nik="123"))


def test_unknown_label_is_emptied_with_a_warning() -> None:
    record = normalize_siak(siak_row(agama="Animisme"))
    assert record.religion is None
    assert record.warnings == ("Kolom 'Agama': Agama 'Animisme' tidak dikenal, dikosongkan",)


def test_unreadable_cells_are_emptied_with_warnings() -> None:
    record = normalize_siak(
        siak_row(**{"tanggal lahir": "kemarin", "rt": "1A", "nik ayah": "12345"})
    )
    assert (record.birth_date, record.rt, record.father_nik) == (None, None, None)
    assert record.warnings == (
        "Kolom 'Tanggal Lahir': 'kemarin' bukan tanggal, dikosongkan",
        "Kolom 'NIK Ayah': '12345' bukan NIK 16 digit, dikosongkan",
        "Kolom 'RT': '1A' bukan nomor RT/RW, dikosongkan",
    )


def test_malformed_kk_number_is_kept_with_a_warning() -> None:
    record = normalize_siak(siak_row(**{"nomor kk": "3527013102150003"}))
    assert record.no_kk == "3527013102150003"
    assert record.warnings == (
        "Kolom 'Nomor KK': Nomor KK perlu diperiksa (Tanggal terbit di nomor KK tidak valid.)",
    )


def test_siak_xls_export_imports_end_to_end() -> None:
    rows = list(read_rows(FIXTURES / "siak_export.xls"))
    assert detect_format(rows[0][1]) == "siak"
    hasan, siti = (normalize_siak(row) for _, row in rows)
    assert (hasan.name, hasan.sex, hasan.birth_date) == ("MOH. HASAN", 1, dt.date(1991, 10, 1))
    assert (hasan.relationship, hasan.rw, hasan.rt, hasan.blood_type) == (1, "002", "003", 4)
    assert (siti.name, siti.sex, siti.relationship, siti.education) == ("siti aminah", 2, 3, 8)
    assert (siti.marital_status, siti.blood_type, siti.disability) == (2, 13, 7)
    assert siti.birth_date == dt.date(1993, 3, 2)
    assert siti.warnings == (
        "Kolom 'NIK': Tanggal lahir di NIK (12-03-93) tidak sama dengan tanggal lahir "
        "di data (02-03-1993).",
    )


def test_opensid_xlsx_and_csv_give_the_same_records(tmp_path: Path) -> None:
    header = ["nama", "no_kk", "nik", "sex", "tanggallahir", "agama_id", "rw", "rt"]
    values = ["BUDI", KK, MAN_BORN_1991_10_01, 1, dt.datetime(1991, 10, 1), 1, 2, 3]
    book = openpyxl.Workbook()
    book.active.append(header)
    book.active.append(values)
    book.save(tmp_path / "opensid.xlsx")
    csv_values = ["BUDI", KK, MAN_BORN_1991_10_01, "1", "1991-10-01", "1", "02", "3"]
    (tmp_path / "opensid.csv").write_text(f"{','.join(header)}\n{','.join(csv_values)}\n")

    records = [
        [normalize_opensid(row) for _, row in read_rows(tmp_path / name)]
        for name in ("opensid.xlsx", "opensid.csv")
    ]

    assert records[0] == records[1]
    [budi] = records[0]
    assert (budi.sex, budi.birth_date, budi.rw, budi.rt) == (1, dt.date(1991, 10, 1), "002", "003")
