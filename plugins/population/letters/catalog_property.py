"""Letters about what a resident owns or runs: a business's place, a sale, a vehicle, land, and
what was lost (OpenSID's ``surat_ket_domisili_usaha``, ``surat_ket_jual_beli``,
``surat_ket_kepemilikan_kendaraan``, ``surat_ket_kepemilikan_tanah``, ``surat_ket_kehilangan``).
"""

from __future__ import annotations

from core.i18n import N_
from plugins.population.letters.kind_model import (
    CLOSING,
    IDENTITY,
    KEPERLUAN,
    OPENING,
    PURPOSE,
    LetterField,
    LetterKind,
)

PROPERTY_KINDS: tuple[LetterKind, ...] = (
    LetterKind(
        code="domisili_usaha",
        title=N_("Surat Keterangan Domisili Usaha"),
        kode_surat="503",
        fields=(
            LetterField("usaha.nama", N_("Nama usaha")),
            LetterField("usaha.jenis", N_("Jenis usaha")),
            LetterField("usaha.alamat", N_("Alamat usaha")),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar mempunyai usaha yang berdomisili di wilayah Desa {{ village.name }}:\n\n"
        "Nama Usaha : {{ usaha.nama }}\n"
        "Jenis Usaha : {{ usaha.jenis }}\n"
        "Alamat Usaha : {{ usaha.alamat }}\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="jual_beli",
        title=N_("Surat Keterangan Jual Beli"),
        kode_surat="593",
        fields=(
            LetterField("jual_beli.barang", N_("Barang yang dijual")),
            LetterField("jual_beli.pembeli", N_("Nama pembeli")),
            LetterField("jual_beli.harga", N_("Harga (Rp)")),
            LetterField("jual_beli.tanggal", N_("Tanggal jual beli"), "date"),
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar telah menjual barang kepada pembeli sebagai berikut:\n\n"
        "Barang : {{ jual_beli.barang }}\n"
        "Pembeli : {{ jual_beli.pembeli }}\n"
        "Harga : Rp {{ jual_beli.harga }}\n"
        "Tanggal : {{ jual_beli.tanggal | tanggal }}\n\n" + CLOSING,
    ),
    LetterKind(
        code="kepemilikan_kendaraan",
        title=N_("Surat Keterangan Kepemilikan Kendaraan"),
        kode_surat="551",
        fields=(
            LetterField("kendaraan.merek", N_("Merek/tipe kendaraan")),
            LetterField("kendaraan.nopol", N_("Nomor polisi")),
            LetterField("kendaraan.rangka", N_("Nomor rangka")),
            LetterField("kendaraan.mesin", N_("Nomor mesin")),
            LetterField("kendaraan.tahun", N_("Tahun pembuatan"), "number"),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar pemilik kendaraan dengan data sebagai berikut:\n\n"
        "Merek/Tipe : {{ kendaraan.merek }}\n"
        "Nomor Polisi : {{ kendaraan.nopol }}\n"
        "Nomor Rangka : {{ kendaraan.rangka }}\n"
        "Nomor Mesin : {{ kendaraan.mesin }}\n"
        "Tahun Pembuatan : {{ kendaraan.tahun }}\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="kepemilikan_tanah",
        title=N_("Surat Keterangan Kepemilikan Tanah"),
        kode_surat="593",
        fields=(
            LetterField("tanah.lokasi", N_("Letak tanah")),
            LetterField("tanah.luas", N_("Luas tanah (m²)"), "number"),
            LetterField("tanah.bukti", N_("Bukti kepemilikan (SPPT, Letter C…)")),
            LetterField("tanah.batas", N_("Batas-batas tanah")),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar pemilik sebidang tanah dengan keterangan sebagai berikut:\n\n"
        "Letak : {{ tanah.lokasi }}\n"
        "Luas : {{ tanah.luas }} m²\n"
        "Bukti Kepemilikan : {{ tanah.bukti }}\n"
        "Batas-batas : {{ tanah.batas }}\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="kehilangan",
        title=N_("Surat Keterangan Kehilangan"),
        kode_surat="331",
        fields=(
            LetterField("kehilangan.barang", N_("Barang yang hilang")),
            LetterField("kehilangan.tempat", N_("Tempat kehilangan")),
            LetterField("kehilangan.tanggal", N_("Tanggal kehilangan"), "date"),
        ),
        body_template=OPENING
        + IDENTITY
        + "telah melaporkan kepada kami bahwa yang bersangkutan kehilangan:\n\n"
        "Barang : {{ kehilangan.barang }}\n"
        "Tempat : {{ kehilangan.tempat }}\n"
        "Tanggal : {{ kehilangan.tanggal | tanggal }}\n\n"
        "Surat keterangan ini dibuat untuk melapor kepada pihak kepolisian atau instansi yang "
        "menerbitkan barang tersebut.\n\n" + CLOSING,
    ),
)
