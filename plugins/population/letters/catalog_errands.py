"""Letters a resident carries somewhere else: a journey, a celebration, a marriage in another
village, a stillbirth to be recorded, an authorisation (OpenSID's ``surat_jalan``,
``surat_izin_keramaian``, ``surat_ket_pergi_kawin``, ``surat_ket_lahir_mati``, ``surat_kuasa``).
"""

from __future__ import annotations

from core.i18n import N_
from plugins.population.letters.kind_model import (
    CLOSING,
    IDENTITY,
    KEPERLUAN,
    OPENING,
    LetterField,
    LetterKind,
)

ERRAND_KINDS: tuple[LetterKind, ...] = (
    LetterKind(
        code="jalan",
        title=N_("Surat Jalan"),
        kode_surat="470",
        fields=(
            LetterField("jalan.tujuan", N_("Tempat tujuan")),
            LetterField("jalan.berangkat", N_("Tanggal berangkat"), "date"),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang akan bepergian:\n\n"
        "Tujuan : {{ jalan.tujuan }}\n"
        "Berangkat : {{ jalan.berangkat | hari_tanggal }}\n"
        "Keperluan : {{ keperluan }}\n\n"
        "Kami mohon pihak yang berwenang memberikan bantuan seperlunya kepada yang "
        "bersangkutan.\n\n" + CLOSING,
    ),
    LetterKind(
        code="izin_keramaian",
        title=N_("Surat Izin Keramaian"),
        kode_surat="331",
        fields=(
            LetterField("acara.jenis", N_("Jenis acara")),
            LetterField("acara.tanggal", N_("Tanggal acara"), "date"),
            LetterField("acara.tempat", N_("Tempat acara")),
            LetterField("acara.hiburan", N_("Hiburan")),
            LetterField("acara.undangan", N_("Perkiraan jumlah undangan"), "number"),
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang akan menyelenggarakan acara:\n\n"
        "Acara : {{ acara.jenis }}\n"
        "Hari/Tanggal : {{ acara.tanggal | hari_tanggal }}\n"
        "Tempat : {{ acara.tempat }}\n"
        "Hiburan : {{ acara.hiburan }}\n"
        "Undangan : {{ acara.undangan }} orang\n\n"
        "Pemerintah desa tidak berkeberatan atas acara tersebut, dengan ketentuan menjaga "
        "ketertiban dan keamanan lingkungan.\n\n" + CLOSING,
    ),
    LetterKind(
        code="pergi_kawin",
        title=N_("Surat Keterangan Pergi Kawin"),
        kode_surat="474.2",
        fields=(
            LetterField("kawin.calon", N_("Nama calon pasangan")),
            LetterField("kawin.tujuan", N_("Tempat akad nikah")),
            LetterField("kawin.tanggal", N_("Tanggal akad nikah"), "date"),
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang akan melangsungkan pernikahan:\n\n"
        "Calon Pasangan : {{ kawin.calon }}\n"
        "Tempat : {{ kawin.tujuan }}\n"
        "Hari/Tanggal : {{ kawin.tanggal | hari_tanggal }}\n\n" + CLOSING,
    ),
    LetterKind(
        code="lahir_mati",
        title=N_("Surat Keterangan Lahir Mati"),
        kode_surat="474.1",
        fields=(
            LetterField("lahir_mati.tanggal", N_("Tanggal lahir mati"), "date"),
            LetterField("lahir_mati.tempat", N_("Tempat")),
            LetterField("lahir_mati.jenis_kelamin", N_("Jenis kelamin bayi")),
            LetterField("lahir_mati.lama_kandungan", N_("Lama dalam kandungan (bulan)"), "number"),
        ),
        body_template=OPENING
        + IDENTITY
        + "telah melahirkan seorang bayi dalam keadaan meninggal (lahir mati):\n\n"
        "Hari/Tanggal : {{ lahir_mati.tanggal | hari_tanggal }}\n"
        "Tempat : {{ lahir_mati.tempat }}\n"
        "Jenis Kelamin : {{ lahir_mati.jenis_kelamin }}\n"
        "Lama dalam Kandungan : {{ lahir_mati.lama_kandungan }} bulan\n\n" + CLOSING,
    ),
    LetterKind(
        code="kuasa",
        title=N_("Surat Kuasa"),
        kode_surat="470",
        fields=(
            LetterField("kuasa.penerima", N_("Nama penerima kuasa")),
            LetterField("kuasa.nik_penerima", N_("NIK penerima kuasa")),
            LetterField("kuasa.urusan", N_("Urusan yang dikuasakan")),
        ),
        body_template=OPENING + IDENTITY + "memberikan kuasa kepada:\n\n"
        "Nama : {{ kuasa.penerima }}\n"
        "NIK : {{ kuasa.nik_penerima }}\n\n"
        "untuk {{ kuasa.urusan }}. Surat kuasa ini disaksikan oleh Pemerintah Desa "
        "{{ village.name }}.\n\n" + CLOSING,
    ),
)
