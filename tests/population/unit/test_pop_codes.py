from __future__ import annotations

import pytest

from plugins.population.domain.codes import (
    ALL_CODE_LISTS,
    BASIC_STATUS,
    BLOOD_TYPE,
    CITIZENSHIP,
    DEATH_CAUSE,
    DISABILITY,
    EDUCATION,
    LIFE_EVENT,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
    CodeError,
    CodeList,
    normalize_label,
)


def test_every_list_has_the_dukcapil_codes() -> None:
    assert SEX.codes() == (1, 2)
    assert RELIGION.codes() == tuple(range(1, 8))
    assert EDUCATION.codes() == tuple(range(1, 11))
    assert MARITAL_STATUS.codes() == (1, 2, 3, 4)
    assert RELATIONSHIP.codes() == tuple(range(1, 12))
    assert BLOOD_TYPE.codes() == tuple(range(1, 14))
    assert CITIZENSHIP.codes() == (1, 2, 3)
    assert BASIC_STATUS.codes() == (1, 2, 3, 4, 6, 9)
    assert DISABILITY.codes() == tuple(range(1, 8))
    assert OCCUPATION.codes() == tuple(range(1, 90))
    assert LIFE_EVENT.codes() == tuple(range(1, 7))
    assert DEATH_CAUSE.codes() == tuple(range(1, 7))


def test_label_gives_the_official_label() -> None:
    assert SEX.label(2) == "Perempuan"
    assert OCCUPATION.label(88) == "Wiraswasta"
    assert EDUCATION.label(8) == "Diploma IV/Strata I"


def test_label_of_unknown_code_is_a_code_error() -> None:
    with pytest.raises(CodeError, match="Status dasar '5' tidak dikenal"):
        BASIC_STATUS.label(5)


@pytest.mark.parametrize("value", ["1", 1, "01", 1.0, " 1 ", "1.0", "001"])
def test_parse_accepts_a_code_as_spreadsheets_write_it(value: object) -> None:
    assert RELIGION.parse(value) == 1


@pytest.mark.parametrize("code_list", ALL_CODE_LISTS, ids=lambda codes: codes.name)
def test_parse_accepts_every_official_label_in_any_case(code_list: CodeList) -> None:
    for code, label in code_list.labels.items():
        assert code_list.parse(label) == code
        assert code_list.parse(label.upper()) == code
        assert code_list.parse(f"  {label.lower()} ") == code


@pytest.mark.parametrize(
    ("code_list", "value", "code"),
    [
        (SEX, "LAKI-LAKI", 1),
        (SEX, "laki laki", 1),
        (SEX, "Laki - Laki", 1),
        (SEX, "L", 1),
        (SEX, "PEREMPUAN", 2),
        (SEX, "p", 2),
        (RELIGION, "KATHOLIK", 3),
        (RELIGION, "KATOLIK", 3),
        (RELIGION, "BUDHA", 5),
        (RELIGION, "BUDDHA", 5),
        (RELIGION, "KONGHUCU", 6),
        (RELIGION, "KHONGHUCU", 6),
        (RELIGION, "Kepercayaan Terhadap Tuhan YME", 7),
        (EDUCATION, "SLTA/SEDERAJAT", 5),
        (EDUCATION, "SLTA / Sederajat", 5),
        (EDUCATION, "DIPLOMA IV/STRATA I", 8),
        (EDUCATION, "TIDAK/BLM SEKOLAH", 1),
        (EDUCATION, "AKADEMI/DIPLOMA III/S. MUDA", 7),
        (MARITAL_STATUS, "BELUM KAWIN", 1),
        (MARITAL_STATUS, "KAWIN TERCATAT", 2),
        (MARITAL_STATUS, "KAWIN BELUM TERCATAT", 2),
        (MARITAL_STATUS, "CERAI HIDUP", 3),
        (MARITAL_STATUS, "CERAI HIDUP BELUM TERCATAT", 3),
        (MARITAL_STATUS, "cerai mati", 4),
        (RELATIONSHIP, "KEPALA KELUARGA", 1),
        (RELATIONSHIP, "ISTRI", 3),
        (RELATIONSHIP, "ISTERI", 3),
        (RELATIONSHIP, "ORANG TUA", 7),
        (RELATIONSHIP, "FAMILI LAIN", 9),
        (BLOOD_TYPE, "TIDAK TAHU", 13),
        (BLOOD_TYPE, "ab", 3),
        (BLOOD_TYPE, "O", 4),
        (CITIZENSHIP, "wni", 1),
        (BASIC_STATUS, "HIDUP", 1),
        (BASIC_STATUS, "MATI", 2),
        (BASIC_STATUS, "PINDAH DALAM NEGERI", 3),
        (BASIC_STATUS, "PINDAH", 3),
        (BASIC_STATUS, "TIDAK VALID", 9),
        (DISABILITY, "TIDAK CACAT", 7),
        (DISABILITY, "CACAT FISIK", 1),
        (DISABILITY, "netra / buta", 2),
        (OCCUPATION, "BELUM/TIDAK BEKERJA", 1),
        (OCCUPATION, "WIRASWASTA", 88),
        (OCCUPATION, "PEGAWAI NEGERI SIPIL (PNS)", 5),
        (OCCUPATION, "PETANI/PEKEBUN", 9),
        (OCCUPATION, "ANGGOTA DPR-RI", 48),
        (OCCUPATION, "Anggota DPRD Kabupaten/Kota", 63),
        (LIFE_EVENT, "pindah keluar", 3),
        (DEATH_CAUSE, "kecelakaan", 3),
    ],
)
def test_parse_accepts_spellings_seen_in_real_exports(
    code_list: CodeList, value: str, code: int
) -> None:
    assert code_list.parse(value) == code


@pytest.mark.parametrize(("value", "code"), [("A", 1), ("A+", 5), ("A-", 6), ("a -", 6)])
def test_rhesus_sign_keeps_blood_types_apart(value: str, code: int) -> None:
    assert BLOOD_TYPE.parse(value) == code


@pytest.mark.parametrize("value", ["xyz", "8", 8, 0, 1.5, "", "-", True, None])
def test_parse_rejects_what_is_neither_code_nor_label(value: object) -> None:
    with pytest.raises(CodeError) as raised:
        RELIGION.parse(value)
    assert str(raised.value) == f"Agama '{value}' tidak dikenal"
    assert isinstance(raised.value, ValueError)


def test_parse_gives_the_same_answer_when_a_value_repeats() -> None:
    assert [SEX.parse("Perempuan") for _ in range(3)] == [2, 2, 2]
    with pytest.raises(CodeError):
        SEX.parse("X")
    with pytest.raises(CodeError):
        SEX.parse("X")


def test_normalize_label_ignores_case_spacing_and_punctuation() -> None:
    assert normalize_label(" Laki - laki ") == normalize_label("LAKI-LAKI") == "LAKILAKI"
    assert normalize_label("S. Muda") == "SMUDA"
    assert normalize_label("AB+") == "AB+"


def test_a_list_cannot_be_built_with_an_ambiguous_spelling() -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        CodeList.build("Contoh", {1: "Satu", 2: "Dua"}, {"satu": 2})


def test_a_list_cannot_be_built_with_an_alias_to_a_missing_code() -> None:
    with pytest.raises(ValueError, match="unknown code"):
        CodeList.build("Contoh", {1: "Satu"}, {"Dua": 2})
