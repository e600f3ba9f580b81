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
            LetterField("usaha.nama", "Nama usaha"),
            LetterField("usaha.jenis", "Jenis usaha"),
            LetterField("usaha.alamat", "Alamat usaha"),
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
            LetterField("jual_beli.barang", "Barang yang dijual"),
            LetterField("jual_beli.pembeli", "Nama pembeli"),
            LetterField("jual_beli.harga", "Harga (Rp)"),
            LetterField("jual_beli.tanggal", "Tanggal jual beli", "date"),
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
            LetterField("kendaraan.merek", "Merek/tipe kendaraan"),
            LetterField("kendaraan.nopol", "Nomor polisi"),
            LetterField("kendaraan.rangka", "Nomor rangka"),
            LetterField("kendaraan.mesin", "Nomor mesin"),
            LetterField("kendaraan.tahun", "Tahun pembuatan", "number"),
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
            LetterField("tanah.lokasi", "Letak tanah"),
            LetterField("tanah.luas", "Luas tanah (m²)", "number"),
            LetterField("tanah.bukti", "Bukti kepemilikan (SPPT, Letter C…)"),
            LetterField("tanah.batas", "Batas-batas tanah"),
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
            LetterField("kehilangan.barang", "Barang yang hilang"),
            LetterField("kehilangan.tempat", "Tempat kehilangan"),
            LetterField("kehilangan.tanggal", "Tanggal kehilangan", "date"),
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
