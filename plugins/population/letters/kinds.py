"""The letters a village issues, each with the data it asks for and its default wording.

Every body template is rendered against one context shape, so a village can edit the wording
without learning a new vocabulary per letter:

- ``resident``: the person the letter is about — ``name``, ``nik``, ``sex``, ``birth_place``,
  ``birth_date`` (a date), ``religion``, ``marital_status``, ``occupation``, ``citizenship``,
  ``address``;
- ``village``: ``name``, ``district``, ``regency``;
- the letter's own fields below (``usaha.nama``, ``keperluan``…), typed in by the operator.

Classification codes (``kode_surat``) follow the archive classification used by village
offices (Permendagri 78/2012): 470 population, 474.x civil records, 475 mobility,
503 permits, 401 welfare, 331 public order. A village may override them in its settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from core.i18n import _

FieldInput = Literal["text", "date", "number"]


@dataclass(frozen=True)
class LetterField:
    """One piece of data a letter needs beyond what the population register already holds."""

    key: str
    """Dotted path in the render context, e.g. ``usaha.nama``."""
    label: str
    """Form label shown to the operator."""
    input: FieldInput = "text"
    """How the form asks for it; ``date`` fields arrive in the context as :class:`datetime.date`."""


@dataclass(frozen=True)
class LetterKind:
    """A type of village letter: what it is called, how it is filed, and what it says by default."""

    code: str
    """Stable key stored with each letter and used in URLs."""
    title: str
    """Title printed (in capitals) at the top of the letter."""
    kode_surat: str
    """Default archive classification code, the first part of the letter number."""
    fields: tuple[LetterField, ...]
    """Data the operator must supply; rendering refuses to run while any is missing."""
    body_template: str
    """Default Jinja2 wording; blank lines separate paragraphs."""


_OPENING = (
    "Yang bertanda tangan di bawah ini, Kepala Desa {{ village.name }}, Kecamatan "
    "{{ village.district }}, Kabupaten {{ village.regency }}, menerangkan dengan sebenarnya "
    "bahwa:\n\n"
)
_IDENTITY = (
    "Nama : {{ resident.name }}\n"
    "NIK : {{ resident.nik }}\n"
    "Tempat/Tanggal Lahir : {{ resident.birth_place }}, {{ resident.birth_date | tanggal }}\n"
    "Jenis Kelamin : {{ resident.sex }}\n"
    "Agama : {{ resident.religion }}\n"
    "Status Perkawinan : {{ resident.marital_status }}\n"
    "Pekerjaan : {{ resident.occupation }}\n"
    "Kewarganegaraan : {{ resident.citizenship }}\n"
    "Alamat : {{ resident.address }}\n\n"
)
_PURPOSE = "Surat keterangan ini dibuat untuk keperluan {{ keperluan }}.\n\n"
_CLOSING = (
    "Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan "
    "sebagaimana mestinya."
)
_KEPERLUAN = LetterField("keperluan", "Keperluan")

_KINDS = (
    LetterKind(
        code="domisili",
        title="Surat Keterangan Domisili",
        kode_surat="470",
        fields=(_KEPERLUAN,),
        body_template=_OPENING
        + _IDENTITY
        + "adalah benar berdomisili di {{ resident.address }}, Desa {{ village.name }}, "
        "Kecamatan {{ village.district }}, Kabupaten {{ village.regency }}.\n\n"
        + _PURPOSE
        + _CLOSING,
    ),
    LetterKind(
        code="usaha",
        title="Surat Keterangan Usaha",
        kode_surat="503",
        fields=(
            LetterField("usaha.nama", "Nama usaha"),
            LetterField("usaha.jenis", "Jenis usaha"),
            LetterField("usaha.alamat", "Alamat usaha"),
            LetterField("usaha.sejak", "Berdiri sejak (tahun)", "number"),
            _KEPERLUAN,
        ),
        body_template=_OPENING
        + _IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang mempunyai usaha sebagai berikut:"
        "\n\n"
        "Nama Usaha : {{ usaha.nama }}\n"
        "Jenis Usaha : {{ usaha.jenis }}\n"
        "Alamat Usaha : {{ usaha.alamat }}\n"
        "Berdiri Sejak : Tahun {{ usaha.sejak }}\n\n" + _PURPOSE + _CLOSING,
    ),
    LetterKind(
        code="tidak_mampu",
        title="Surat Keterangan Tidak Mampu",
        kode_surat="401",
        fields=(_KEPERLUAN,),
        body_template=_OPENING
        + _IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang menurut pengetahuan kami "
        "tergolong keluarga tidak mampu.\n\n" + _PURPOSE + _CLOSING,
    ),
    LetterKind(
        code="kelahiran",
        title="Surat Keterangan Kelahiran",
        kode_surat="474.1",
        fields=(
            LetterField("kelahiran.nama_anak", "Nama anak"),
            LetterField("kelahiran.jenis_kelamin", "Jenis kelamin anak"),
            LetterField("kelahiran.tempat", "Tempat lahir"),
            LetterField("kelahiran.tanggal", "Tanggal lahir", "date"),
            LetterField("kelahiran.nama_ayah", "Nama ayah"),
            LetterField("kelahiran.nama_ibu", "Nama ibu"),
        ),
        body_template=_OPENING + "Hari/Tanggal Lahir : {{ kelahiran.tanggal | hari_tanggal }}\n"
        "Tempat Lahir : {{ kelahiran.tempat }}\n\n"
        "telah lahir seorang anak:\n\n"
        "Nama : {{ kelahiran.nama_anak }}\n"
        "Jenis Kelamin : {{ kelahiran.jenis_kelamin }}\n"
        "Nama Ayah : {{ kelahiran.nama_ayah }}\n"
        "Nama Ibu : {{ kelahiran.nama_ibu }}\n"
        "Alamat : {{ resident.address }}\n\n"
        "Surat keterangan ini dibuat atas permohonan {{ resident.name }} "
        "(NIK {{ resident.nik }}).\n\n" + _CLOSING,
    ),
    LetterKind(
        code="kematian",
        title="Surat Keterangan Kematian",
        kode_surat="474.3",
        fields=(
            LetterField("kematian.tanggal", "Tanggal meninggal", "date"),
            LetterField("kematian.tempat", "Tempat meninggal"),
            LetterField("kematian.sebab", "Sebab kematian"),
        ),
        body_template=_OPENING + _IDENTITY + "telah meninggal dunia pada:\n\n"
        "Hari/Tanggal : {{ kematian.tanggal | hari_tanggal }}\n"
        "Tempat : {{ kematian.tempat }}\n"
        "Sebab : {{ kematian.sebab }}\n\n" + _CLOSING,
    ),
    LetterKind(
        code="pindah",
        title="Surat Keterangan Pindah",
        kode_surat="475",
        fields=(
            LetterField("pindah.alamat_tujuan", "Alamat tujuan"),
            LetterField("pindah.alasan", "Alasan pindah"),
            LetterField("pindah.jumlah_pengikut", "Jumlah anggota keluarga yang ikut", "number"),
        ),
        body_template=_OPENING
        + _IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang bermaksud pindah ke:\n\n"
        "Alamat Tujuan : {{ pindah.alamat_tujuan }}\n"
        "Alasan Pindah : {{ pindah.alasan }}\n"
        "Jumlah Pengikut : {{ pindah.jumlah_pengikut }} orang\n\n" + _CLOSING,
    ),
    LetterKind(
        code="pengantar_skck",
        title="Surat Pengantar SKCK",
        kode_surat="331",
        fields=(_KEPERLUAN,),
        body_template=_OPENING
        + _IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang sepanjang pengetahuan kami "
        "berkelakuan baik dan tidak pernah tersangkut perkara pidana.\n\n"
        "Surat pengantar ini diberikan untuk mengurus Surat Keterangan Catatan Kepolisian "
        "(SKCK) guna keperluan {{ keperluan }}.\n\n"
        "Demikian surat pengantar ini dibuat untuk dipergunakan sebagaimana mestinya.",
    ),
    LetterKind(
        code="belum_menikah",
        title="Surat Keterangan Belum Menikah",
        kode_surat="474.2",
        fields=(_KEPERLUAN,),
        body_template=_OPENING
        + _IDENTITY
        + "adalah benar penduduk Desa {{ village.name }} yang sampai dengan diterbitkannya "
        "surat keterangan ini belum pernah menikah.\n\n" + _PURPOSE + _CLOSING,
    ),
)

LETTER_KINDS: Mapping[str, LetterKind] = MappingProxyType({kind.code: kind for kind in _KINDS})
"""Every letter type, by code, in the order the operator's menu lists them."""


def get_letter_kind(code: str) -> LetterKind:
    """Return the letter type for a stored code, with an error an operator can act on."""
    try:
        return LETTER_KINDS[code]
    except KeyError:
        known = ", ".join(LETTER_KINDS)
        raise ValueError(
            _("Jenis surat {code!r} tidak dikenal. Jenis yang tersedia: {known}.").format(
                code=code, known=known
            )
        ) from None
