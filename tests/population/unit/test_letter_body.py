"""Letter types and their wording: what each letter needs, and how a template becomes text."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from plugins.population.letters.body import (
    LetterTemplateError,
    MissingLetterDataError,
    render_body,
)
from plugins.population.letters.kinds import LETTER_KINDS, get_letter_kind

KIND_DATA: Mapping[str, Mapping[str, Any]] = {
    "usaha": {
        "usaha": {
            "nama": "Warung Bu Siti",
            "jenis": "Warung makan",
            "alamat": "Dusun Krajan",
            "sejak": 2015,
        }
    },
    "kelahiran": {
        "kelahiran": {
            "nama_anak": "Ahmad Fauzi",
            "jenis_kelamin": "Laki-laki",
            "tempat": "Puskesmas Sreseh",
            "tanggal": date(2026, 11, 2),
            "nama_ayah": "Abdul Rahman",
            "nama_ibu": "Siti Aminah",
        }
    },
    "kematian": {
        "kematian": {
            "tanggal": date(2026, 11, 23),
            "tempat": "Rumah",
            "sebab": "Sakit biasa/tua",
        }
    },
    "pindah": {
        "pindah": {
            "alamat_tujuan": "Jl. Diponegoro 5, Bangkalan",
            "alasan": "Pekerjaan",
            "jumlah_pengikut": 3,
        }
    },
}


def _context(kind_code: str, **overrides: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "resident": {
            "name": "Siti Aminah",
            "nik": "3527014512900001",
            "sex": "Perempuan",
            "birth_place": "Sampang",
            "birth_date": date(1990, 12, 5),
            "religion": "Islam",
            "marital_status": "Kawin",
            "occupation": "Pedagang",
            "citizenship": "WNI",
            "address": "Dusun Krajan RT 001 RW 002",
        },
        "village": {"name": "Noreh", "district": "Sreseh", "regency": "Sampang"},
        "keperluan": "melamar pekerjaan",
        **KIND_DATA.get(kind_code, {}),
    }
    context.update(overrides)
    return context


def _complete(code: str) -> bool:
    """Whether `_context` holds every field of the type (the rest: `test_letter_catalog`)."""
    context = _context(code)
    for field in LETTER_KINDS[code].fields:
        value: Any = context
        for part in field.key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            return False
    return True


def test_the_village_issues_the_letters_it_is_asked_for_most() -> None:
    codes = {code: kind.kode_surat for code, kind in LETTER_KINDS.items()}
    assert (
        codes.items()
        >= {
            "domisili": "470",
            "usaha": "503",
            "tidak_mampu": "401",
            "kelahiran": "474.1",
            "kematian": "474.3",
            "pindah": "475",
            "pengantar_skck": "331",
            "belum_menikah": "474.2",
        }.items()
    )
    assert get_letter_kind("tidak_mampu").title == "Surat Keterangan Tidak Mampu"


def test_an_unknown_letter_type_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="Jenis surat 'surat_sakti' tidak dikenal") as raised:
        get_letter_kind("surat_sakti")
    assert "domisili" in str(raised.value)


def test_every_field_a_letter_declares_is_used_by_its_default_wording() -> None:
    for kind in LETTER_KINDS.values():
        for field in kind.fields:
            assert "{{ " + field.key in kind.body_template, (kind.code, field.key)


@pytest.mark.parametrize("code", [code for code in LETTER_KINDS if _complete(code)])
def test_every_default_wording_renders_into_plain_indonesian_text(code: str) -> None:
    kind = LETTER_KINDS[code]
    text = render_body(kind, kind.body_template, _context(code))
    assert "Kepala Desa Noreh, Kecamatan Sreseh, Kabupaten Sampang" in text
    assert "{" not in text and "}" not in text
    assert "\n\n" in text


def test_business_letter_states_the_business() -> None:
    kind = get_letter_kind("usaha")
    text = render_body(kind, kind.body_template, _context("usaha"))
    assert "Nama Usaha : Warung Bu Siti" in text
    assert "Berdiri Sejak : Tahun 2015" in text
    assert "Tempat/Tanggal Lahir : Sampang, 5 Desember 1990" in text
    assert text.endswith("dipergunakan sebagaimana mestinya.")


def test_event_dates_are_written_with_the_indonesian_weekday() -> None:
    kind = get_letter_kind("kematian")
    text = render_body(kind, kind.body_template, _context("kematian"))
    assert "Hari/Tanggal : Senin, 23 November 2026" in text


def test_a_declared_field_left_out_is_named_by_its_form_label() -> None:
    kind = get_letter_kind("usaha")
    context = _context("usaha", usaha={"jenis": "Warung makan", "alamat": "Krajan", "sejak": 2015})
    with pytest.raises(MissingLetterDataError, match=r"Nama usaha \(usaha\.nama\)") as raised:
        render_body(kind, kind.body_template, context)
    assert raised.value.path == "usaha.nama"


def test_a_blank_declared_field_counts_as_missing() -> None:
    kind = get_letter_kind("domisili")
    with pytest.raises(MissingLetterDataError, match="Keperluan"):
        render_body(kind, kind.body_template, _context("domisili", keperluan="  "))


@pytest.mark.parametrize(
    ("template", "path"),
    [
        ("Ibu kandung: {{ resident.mother_name }}", "resident.mother_name"),
        ("{{ ahli_waris }}", "ahli_waris"),
        ("{{ ahli_waris.nama }}", "ahli_waris"),
        ("{{ village.head.name }}", "village.head"),
    ],
)
def test_data_an_edited_template_uses_but_nobody_supplied_is_named_in_full(
    template: str, path: str
) -> None:
    with pytest.raises(MissingLetterDataError, match=f"{path} belum diisi") as raised:
        render_body(get_letter_kind("domisili"), template, _context("domisili"))
    assert raised.value.path == path


def test_a_village_may_reword_its_letter_using_the_same_data() -> None:
    template = (
        "Kami terangkan bahwa {{ resident.name | upper }} (NIK {{ resident.nik }}) "
        "lahir {{ resident.birth_date | tanggal }}."
    )
    text = render_body(get_letter_kind("domisili"), template, _context("domisili"))
    assert text == "Kami terangkan bahwa SITI AMINAH (NIK 3527014512900001) lahir 5 Desember 1990."


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ resident.birth_date.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    ],
)
def test_a_template_cannot_reach_python_internals(template: str) -> None:
    with pytest.raises(LetterTemplateError, match="tidak diizinkan"):
        render_body(get_letter_kind("domisili"), template, _context("domisili"))


def test_a_template_cannot_exhaust_the_server() -> None:
    with pytest.raises(LetterTemplateError, match="gagal diisi"):
        render_body(get_letter_kind("domisili"), "{{ range(10**9) | list }}", _context("domisili"))


def test_a_broken_template_reports_the_line() -> None:
    template = "Baris pertama\n{% if resident.name %}tanpa penutup"
    with pytest.raises(LetterTemplateError, match=r"baris 2"):
        render_body(get_letter_kind("domisili"), template, _context("domisili"))


def test_date_filter_refuses_text_that_is_not_a_date() -> None:
    with pytest.raises(LetterTemplateError, match="bukan tanggal"):
        render_body(
            get_letter_kind("domisili"), "{{ resident.name | tanggal }}", _context("domisili")
        )
