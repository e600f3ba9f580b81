"""The starter set: the letter types OpenSID villages issue most, each complete enough to
render with the data its form asks for."""

from __future__ import annotations

import pytest

from plugins.population.letters.body import render_body
from plugins.population.letters.context import VillageNames, sample_context
from plugins.population.letters.kinds import LETTER_KINDS, kind_title

OPENSID_MOST_USED = {
    "domisili": "surat_ket_domisili",
    "usaha": "surat_ket_usaha",
    "tidak_mampu": "surat_ket_kurang_mampu",
    "kelahiran": "surat_ket_kelahiran",
    "kematian": "surat_ket_kematian",
    "pindah": "surat_ket_pindah_penduduk",
    "pengantar_skck": "surat_ket_catatan_kriminal",
    "belum_menikah": "surat_ket_nikah",
    "penduduk": "surat_ket_penduduk",
    "pengantar": "surat_ket_pengantar",
    "beda_nama": "surat_ket_beda_nama",
    "ktp_dalam_proses": "surat_ket_ktp_dalam_proses",
    "penghasilan_orangtua": "surat_ket_penghasilan_orangtua",
    "jamkesos": "surat_ket_jamkesos",
    "domisili_usaha": "surat_ket_domisili_usaha",
    "jual_beli": "surat_ket_jual_beli",
    "kepemilikan_kendaraan": "surat_ket_kepemilikan_kendaraan",
    "kepemilikan_tanah": "surat_ket_kepemilikan_tanah",
    "kehilangan": "surat_ket_kehilangan",
    "jalan": "surat_jalan",
    "izin_keramaian": "surat_izin_keramaian",
    "pergi_kawin": "surat_ket_pergi_kawin",
    "lahir_mati": "surat_ket_lahir_mati",
    "kuasa": "surat_kuasa",
}
NAMES = VillageNames(village="Noreh", district="Sreseh", regency="Sampang")


def test_the_starter_set_has_at_least_the_twenty_most_used_opensid_letters() -> None:
    assert len(LETTER_KINDS) >= 20
    assert set(OPENSID_MOST_USED) <= set(LETTER_KINDS)


@pytest.mark.parametrize("code", sorted(LETTER_KINDS))
def test_every_type_renders_from_the_data_its_form_asks_for(code: str) -> None:
    kind = LETTER_KINDS[code]
    body = render_body(kind, kind.body_template, sample_context(kind, NAMES))
    assert "Siti Aminah" in body or "SITI AMINAH" in body.upper()
    assert "{{" not in body and "None" not in body
    assert len({field.key for field in kind.fields}) == len(kind.fields)


def test_a_type_title_is_shown_never_its_code() -> None:
    assert kind_title("usaha") == "Surat Keterangan Usaha"
    assert kind_title("dihapus_dari_versi_ini") != "dihapus_dari_versi_ini"
