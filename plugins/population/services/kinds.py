"""The civil-registry requests a village takes in at its one-door counter for the regency office.

Each kind lists the documents the village checks before forwarding, so the operator works from the
same checklist in every village and the applicant knows what to bring. The checklists follow
Permendagri 108/2019 and Perpres 96/2018 as the regency offices apply them; the turnaround targets
are defaults in working days from forwarding to ready, which a regency may tighten in its own
service standard.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_, _

__all__ = ["KINDS", "Document", "ServiceKind", "get_kind", "kind_title"]


@dataclass(frozen=True)
class Document:
    """One item on a checklist."""

    key: str
    label: str
    required: bool = True
    """False for documents needed only in some cases; the label says which."""


@dataclass(frozen=True)
class ServiceKind:
    """A type of request: what it produces, what it needs, and how long it should take."""

    key: str
    title: str
    documents: tuple[Document, ...]
    target_working_days: int


_KK = Document("kk", N_("Kartu Keluarga (KK)"))
_PENGANTAR = Document("pengantar_rt_rw", N_("Surat pengantar RT/RW"), required=False)

KINDS: tuple[ServiceKind, ...] = (
    ServiceKind(
        key="kk_baru",
        title=N_("Kartu Keluarga baru"),
        documents=(
            Document("buku_nikah", N_("Buku nikah/akta perkawinan")),
            Document("kk_lama", N_("Kartu Keluarga lama (asal) suami dan istri")),
            Document("ktp_el", N_("KTP-el suami dan istri")),
            Document(
                "skpwni",
                N_("Surat keterangan pindah (jika salah satu dari luar daerah)"),
                required=False,
            ),
            _PENGANTAR,
        ),
        target_working_days=3,
    ),
    ServiceKind(
        key="kk_perubahan",
        title=N_("Perubahan Kartu Keluarga"),
        documents=(
            Document("kk_lama", N_("Kartu Keluarga lama")),
            Document("formulir_f106", N_("Formulir perubahan biodata (F-1.06)")),
            Document(
                "bukti_perubahan",
                N_("Dokumen bukti perubahan (akta, ijazah, buku nikah, surat keterangan)"),
            ),
        ),
        target_working_days=3,
    ),
    ServiceKind(
        key="ktp_el",
        title=N_("KTP-el"),
        documents=(
            _KK,
            Document("ktp_el_lama", N_("KTP-el lama (jika rusak atau ada perubahan data)"), False),
            Document(
                "surat_kehilangan",
                N_("Surat keterangan kehilangan dari kepolisian (jika hilang)"),
                False,
            ),
        ),
        target_working_days=3,
    ),
    ServiceKind(
        key="kia",
        title=N_("Kartu Identitas Anak (KIA)"),
        documents=(
            Document("akta_kelahiran", N_("Kutipan akta kelahiran anak")),
            Document("kk_orang_tua", N_("Kartu Keluarga orang tua")),
            Document("ktp_el_orang_tua", N_("KTP-el ayah dan ibu")),
            Document("pas_foto", N_("Pas foto anak 2x3 (untuk anak usia 5 tahun ke atas)"), False),
        ),
        target_working_days=3,
    ),
    ServiceKind(
        key="akta_kelahiran",
        title=N_("Akta Kelahiran"),
        documents=(
            Document("surat_keterangan_lahir", N_("Surat keterangan lahir dari bidan/rumah sakit")),
            Document("kk_orang_tua", N_("Kartu Keluarga orang tua")),
            Document("ktp_el_orang_tua", N_("KTP-el ayah dan ibu")),
            Document(
                "buku_nikah",
                N_(
                    "Buku nikah/akta perkawinan orang tua (atau SPTJM kebenaran pasangan suami "
                    "istri)"
                ),
            ),
        ),
        target_working_days=3,
    ),
    ServiceKind(
        key="akta_kematian",
        title=N_("Akta Kematian"),
        documents=(
            Document(
                "surat_keterangan_kematian", N_("Surat keterangan kematian dari desa/rumah sakit")
            ),
            Document("kk_almarhum", N_("Kartu Keluarga almarhum/almarhumah")),
            Document("ktp_el_almarhum", N_("KTP-el almarhum/almarhumah")),
            Document("ktp_el_pelapor", N_("KTP-el pelapor")),
        ),
        target_working_days=3,
    ),
    ServiceKind(
        key="pindah_keluar",
        title=N_("Surat Keterangan Pindah (SKPWNI, F-1.03)"),
        documents=(
            _KK,
            Document("ktp_el_pindah", N_("KTP-el anggota keluarga yang pindah")),
            Document("formulir_f103", N_("Formulir pendaftaran perpindahan penduduk (F-1.03)")),
            _PENGANTAR,
        ),
        target_working_days=1,
    ),
    ServiceKind(
        key="pindah_datang",
        title=N_("Pindah Datang"),
        documents=(
            Document("skpwni", N_("Surat Keterangan Pindah (SKPWNI) dari daerah asal")),
            Document("ktp_el_pindah", N_("KTP-el anggota keluarga yang pindah"), False),
            Document(
                "kk_tujuan", N_("Kartu Keluarga tujuan (jika menumpang pada keluarga lain)"), False
            ),
        ),
        target_working_days=3,
    ),
)

_BY_KEY = {kind.key: kind for kind in KINDS}


def get_kind(key: str) -> ServiceKind:
    """The request type for ``key``; a ``LookupError`` with an Indonesian message otherwise."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise LookupError(_("Jenis layanan '{key}' tidak dikenal.").format(key=key)) from None


def kind_title(key: str) -> str:
    """The request type's title for a page or a message; an unknown key is shown as it is."""
    try:
        return get_kind(key).title
    except LookupError:
        return key
