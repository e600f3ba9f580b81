"""Letters about a person's standing in the village: residence, means, conduct, civil events.

The first eight are the types Kampung started with; the rest follow the letters OpenSID villages
issue most (``surat_ket_penduduk``, ``surat_ket_pengantar``, ``surat_ket_beda_nama``…), each
asking for the data its OpenSID form asks for.
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

PEOPLE_KINDS: tuple[LetterKind, ...] = (
    LetterKind(
        code="domisili",
        title=N_("Surat Keterangan Domisili"),
        kode_surat="470",
        fields=(KEPERLUAN,),
        body_template=OPENING
        + IDENTITY
        + "adalah benar berdomisili di {{ resident.address }}, Desa {{ village.name }}, "
        "Kecamatan {{ village.district }}, Kabupaten {{ village.regency }}.\n\n"
        + PURPOSE
        + CLOSING,
    ),
    LetterKind(
        code="usaha",
        title=N_("Surat Keterangan Usaha"),
        kode_surat="503",
        fields=(
            LetterField("usaha.nama", N_("Nama usaha")),
            LetterField("usaha.jenis", N_("Jenis usaha")),
            LetterField("usaha.alamat", N_("Alamat usaha")),
            LetterField("usaha.sejak", N_("Berdiri sejak (tahun)"), "number"),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang mempunyai usaha sebagai berikut:"
        "\n\n"
        "Nama Usaha : {{ usaha.nama }}\n"
        "Jenis Usaha : {{ usaha.jenis }}\n"
        "Alamat Usaha : {{ usaha.alamat }}\n"
        "Berdiri Sejak : Tahun {{ usaha.sejak }}\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="tidak_mampu",
        title=N_("Surat Keterangan Tidak Mampu"),
        kode_surat="401",
        fields=(KEPERLUAN,),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang menurut pengetahuan kami "
        "tergolong keluarga tidak mampu.\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="kelahiran",
        title=N_("Surat Keterangan Kelahiran"),
        kode_surat="474.1",
        fields=(
            LetterField("kelahiran.nama_anak", N_("Nama anak")),
            LetterField("kelahiran.jenis_kelamin", N_("Jenis kelamin anak")),
            LetterField("kelahiran.tempat", N_("Tempat lahir")),
            LetterField("kelahiran.tanggal", N_("Tanggal lahir"), "date"),
            LetterField("kelahiran.nama_ayah", N_("Nama ayah")),
            LetterField("kelahiran.nama_ibu", N_("Nama ibu")),
        ),
        body_template=OPENING + "Hari/Tanggal Lahir : {{ kelahiran.tanggal | hari_tanggal }}\n"
        "Tempat Lahir : {{ kelahiran.tempat }}\n\n"
        "telah lahir seorang anak:\n\n"
        "Nama : {{ kelahiran.nama_anak }}\n"
        "Jenis Kelamin : {{ kelahiran.jenis_kelamin }}\n"
        "Nama Ayah : {{ kelahiran.nama_ayah }}\n"
        "Nama Ibu : {{ kelahiran.nama_ibu }}\n"
        "Alamat : {{ resident.address }}\n\n"
        "Surat keterangan ini dibuat atas permohonan {{ resident.name }} "
        "(NIK {{ resident.nik }}).\n\n" + CLOSING,
    ),
    LetterKind(
        code="kematian",
        title=N_("Surat Keterangan Kematian"),
        kode_surat="474.3",
        fields=(
            LetterField("kematian.tanggal", N_("Tanggal meninggal"), "date"),
            LetterField("kematian.tempat", N_("Tempat meninggal")),
            LetterField("kematian.sebab", N_("Sebab kematian")),
        ),
        body_template=OPENING + IDENTITY + "telah meninggal dunia pada:\n\n"
        "Hari/Tanggal : {{ kematian.tanggal | hari_tanggal }}\n"
        "Tempat : {{ kematian.tempat }}\n"
        "Sebab : {{ kematian.sebab }}\n\n" + CLOSING,
    ),
    LetterKind(
        code="pindah",
        title=N_("Surat Keterangan Pindah"),
        kode_surat="475",
        fields=(
            LetterField("pindah.alamat_tujuan", N_("Alamat tujuan")),
            LetterField("pindah.alasan", N_("Alasan pindah")),
            LetterField(
                "pindah.jumlah_pengikut", N_("Jumlah anggota keluarga yang ikut"), "number"
            ),
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang bermaksud pindah ke:\n\n"
        "Alamat Tujuan : {{ pindah.alamat_tujuan }}\n"
        "Alasan Pindah : {{ pindah.alasan }}\n"
        "Jumlah Pengikut : {{ pindah.jumlah_pengikut }} orang\n\n" + CLOSING,
    ),
    LetterKind(
        code="pengantar_skck",
        title=N_("Surat Pengantar SKCK"),
        kode_surat="331",
        fields=(KEPERLUAN,),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang sepanjang pengetahuan kami "
        "berkelakuan baik dan tidak pernah tersangkut perkara pidana.\n\n"
        "Surat pengantar ini diberikan untuk mengurus Surat Keterangan Catatan Kepolisian "
        "(SKCK) guna keperluan {{ keperluan }}.\n\n"
        "Demikian surat pengantar ini dibuat untuk dipergunakan sebagaimana mestinya.",
    ),
    LetterKind(
        code="belum_menikah",
        title=N_("Surat Keterangan Belum Menikah"),
        kode_surat="474.2",
        fields=(KEPERLUAN,),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang sampai dengan diterbitkannya "
        "surat keterangan ini belum pernah menikah.\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="penduduk",
        title=N_("Surat Keterangan Penduduk"),
        kode_surat="470",
        fields=(KEPERLUAN,),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }}, Kecamatan {{ village.district }}, "
        "Kabupaten {{ village.regency }}, yang tercatat dalam buku induk penduduk desa.\n\n"
        + PURPOSE
        + CLOSING,
    ),
    LetterKind(
        code="pengantar",
        title=N_("Surat Pengantar"),
        kode_surat="470",
        fields=(KEPERLUAN, LetterField("pengantar.tujuan", N_("Ditujukan kepada (instansi)"))),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }}. Surat pengantar ini diberikan kepada "
        "yang bersangkutan untuk menghadap {{ pengantar.tujuan }} guna keperluan "
        "{{ keperluan }}.\n\n"
        "Demikian surat pengantar ini dibuat untuk dipergunakan sebagaimana mestinya.",
    ),
    LetterKind(
        code="beda_nama",
        title=N_("Surat Keterangan Beda Nama"),
        kode_surat="474",
        fields=(
            LetterField("beda_nama.nama_lain", N_("Nama yang tertulis berbeda")),
            LetterField("beda_nama.dokumen", N_("Dokumen yang memuat nama berbeda")),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar orang yang sama dengan yang namanya tertulis "
        "{{ beda_nama.nama_lain }} pada {{ beda_nama.dokumen }}. Perbedaan penulisan nama "
        "tersebut terjadi karena kekeliruan penulisan, dan yang benar adalah sesuai Kartu "
        "Keluarga, yaitu {{ resident.name }}.\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="ktp_dalam_proses",
        title=N_("Surat Keterangan KTP dalam Proses"),
        kode_surat="474.4",
        fields=(KEPERLUAN,),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang Kartu Tanda Penduduk "
        "elektroniknya sedang dalam proses penerbitan di Dinas Kependudukan dan Pencatatan "
        "Sipil Kabupaten {{ village.regency }}.\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="penghasilan_orangtua",
        title=N_("Surat Keterangan Penghasilan Orang Tua"),
        kode_surat="401",
        fields=(
            LetterField("penghasilan.nama_anak", N_("Nama anak")),
            LetterField("penghasilan.ayah", N_("Penghasilan ayah per bulan (Rp)")),
            LetterField("penghasilan.ibu", N_("Penghasilan ibu per bulan (Rp)")),
            KEPERLUAN,
        ),
        body_template=OPENING
        + IDENTITY
        + "adalah benar orang tua dari {{ penghasilan.nama_anak }}, dengan penghasilan rata-rata "
        "per bulan sebagai berikut:\n\n"
        "Penghasilan Ayah : Rp {{ penghasilan.ayah }}\n"
        "Penghasilan Ibu : Rp {{ penghasilan.ibu }}\n\n" + PURPOSE + CLOSING,
    ),
    LetterKind(
        code="jamkesos",
        title=N_("Surat Keterangan Peserta Jaminan Kesehatan"),
        kode_surat="440",
        fields=(LetterField("jamkesos.nomor", N_("Nomor kartu jaminan kesehatan")), KEPERLUAN),
        body_template=OPENING
        + IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang terdaftar sebagai peserta jaminan "
        "kesehatan dengan nomor kartu {{ jamkesos.nomor }}.\n\n" + PURPOSE + CLOSING,
    ),
)
