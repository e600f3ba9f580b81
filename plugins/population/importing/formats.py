"""The spreadsheet formats regencies bring their registers in, and how to tell them apart.

Two are tables with a header row (OpenSID's import sheet, also as its `.xlsm` template, and the
SIAK export); three are OpenSID's "Buku Induk Penduduk" (BIP) layouts, one block per family,
which `bip` turns into the rows of a table before they meet the same normalizer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from core.i18n import _

Format = Literal["opensid", "siak", "bip2012", "bip2016", "bip_ektp"]
TABULAR: tuple[Format, ...] = ("opensid", "siak")
"""The formats with a header row; the others are BIP layouts (`bip`)."""


class ImportFormatError(ValueError):
    """The file cannot be read as a register at all; the message tells the operator what to fix."""


def normalize_header(name: object) -> str:
    """The key a column is known by: exports differ in case, spacing and stray dots
    ("Gol. Darah", "GOL DARAH")."""
    return " ".join(str(name).replace(".", " ").split()).lower()


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each resident field sits in a format, by the column name its users know.

    A field the format does not carry is None. The document columns end up in the resident's
    `documents` (under `DOCUMENT_KEYS`): the register has no column of its own for them.
    """

    no_kk: str
    nik: str
    name: str
    sex: str
    birth_place: str | None
    birth_date: str | None
    religion: str | None
    education: str | None
    occupation: str | None
    marital_status: str | None
    relationship: str | None
    citizenship: str | None
    blood_type: str | None
    disability: str | None
    basic_status: str | None
    father_nik: str | None
    father_name: str | None
    mother_nik: str | None
    mother_name: str | None
    address: str | None
    dusun: str | None
    rw: str | None
    rt: str | None
    birth_certificate: str | None = None
    marriage_certificate: str | None = None
    marriage_date: str | None = None
    divorce_certificate: str | None = None
    divorce_date: str | None = None
    passport: str | None = None
    passport_expiry: str | None = None
    kitas: str | None = None


DOCUMENT_KEYS: dict[str, str] = {
    "birth_certificate": "akta_lahir",
    "marriage_certificate": "akta_perkawinan",
    "marriage_date": "tanggal_perkawinan",
    "divorce_certificate": "akta_perceraian",
    "divorce_date": "tanggal_perceraian",
    "passport": "paspor",
    "passport_expiry": "tanggal_akhir_paspor",
    "kitas": "kitas",
}
"""`Columns` field → key in `Resident.documents`; dates are stored ISO (`YYYY-MM-DD`)."""
DOCUMENT_DATES = frozenset({"marriage_date", "divorce_date", "passport_expiry"})
VILLAGE_COLUMN = "kode_desa"
"""The leading column of a regency-wide sheet: each row's village."""


OPENSID = Columns(
    no_kk="no_kk",
    nik="nik",
    name="nama",
    sex="sex",
    birth_place="tempatlahir",
    birth_date="tanggallahir",
    religion="agama_id",
    education="pendidikan_kk_id",
    occupation="pekerjaan_id",
    marital_status="status_kawin",
    relationship="kk_level",
    citizenship="warganegara_id",
    blood_type="golongan_darah_id",
    disability="cacat_id",
    basic_status="status_dasar",
    father_nik="ayah_nik",
    father_name="nama_ayah",
    mother_nik="ibu_nik",
    mother_name="nama_ibu",
    address="alamat",
    dusun="dusun",
    rw="rw",
    rt="rt",
    birth_certificate="akta_lahir",
    marriage_certificate="akta_perkawinan",
    marriage_date="tanggalperkawinan",
    divorce_certificate="akta_perceraian",
    divorce_date="tanggalperceraian",
    passport="dokumen_pasport",
    passport_expiry="tanggal_akhir_paspor",
    kitas="dokumen_kitas",
)

SIAK = Columns(
    no_kk="Nomor KK",
    nik="NIK",
    name="Nama Penduduk",
    sex="Kelamin",
    birth_place="Tempat Lahir",
    birth_date="Tanggal Lahir",
    religion="Agama",
    education="Pendidikan",
    occupation="Pekerjaan",
    marital_status="Status Kawin",
    relationship="SHDK",
    citizenship=None,
    blood_type="Gol. Darah",
    disability="Cacat",
    basic_status="Status",
    father_nik="NIK Ayah",
    father_name="Ayah",
    mother_nik="NIK Ibu",
    mother_name="Ibu",
    address="Alamat",
    dusun=None,
    rw="RW",
    rt="RT",
    birth_certificate="Nomor Akta Lahir",
    marriage_certificate="Nomor Akta Kawin",
    marriage_date="Tanggal Kwn",
    divorce_certificate="Nomor Akta Cerai",
    divorce_date="Tgl Cerai",
    passport="Nomor Paspor",
)

BIP = Columns(
    no_kk="No. KK",
    nik="NIK",
    name="Nama",
    sex="Jenis Kelamin",
    birth_place="Tempat Lahir",
    birth_date="Tanggal Lahir",
    religion="Agama",
    education="Pendidikan",
    occupation="Pekerjaan",
    marital_status="Status Kawin",
    relationship="SHDK",
    citizenship=None,
    blood_type="Gol. Darah",
    disability=None,
    basic_status=None,
    father_nik=None,
    father_name="Nama Ayah",
    mother_nik=None,
    mother_name="Nama Ibu",
    address="Alamat",
    dusun="Dusun",
    rw="RW",
    rt="RT",
    birth_certificate="No. Akta Lahir",
)
"""The columns `bip` lays every BIP layout's family and member cells out in (labels, as SIAK)."""

_SIGNATURES: tuple[tuple[Format, Columns], ...] = (("opensid", OPENSID), ("siak", SIAK))
COLUMNS: dict[Format, Columns] = {
    "opensid": OPENSID,
    "siak": SIAK,
    "bip2012": BIP,
    "bip2016": BIP,
    "bip_ektp": BIP,
}


def _required(columns: Columns) -> tuple[str, ...]:
    return (columns.no_kk, columns.nik, columns.name)


def known_keys(columns: Columns) -> frozenset[str]:
    """The normalized header names a format's columns are read from."""
    labels = (getattr(columns, name) for name in columns.__dataclass_fields__)
    keys = {normalize_header(label) for label in labels if label is not None}
    return frozenset(keys | {VILLAGE_COLUMN})


def ignored_columns(columns: Columns, keys: Sequence[str], labels: Sequence[str]) -> list[str]:
    """The header names, as the file spells them, of the columns no register field takes."""
    known = known_keys(columns)
    return [label for key, label in zip(keys, labels, strict=False) if key and key not in known]


def detect_format(header: Iterable[str]) -> Format:
    """Which format a header row belongs to, by the columns that identify a resident."""
    present = {normalize_header(name) for name in header}
    for name, columns in _SIGNATURES:
        if all(normalize_header(column) in present for column in _required(columns)):
            return name
    expected = " atau ".join(
        f"{', '.join(repr(c) for c in _required(columns))} ({name.upper()})"
        for name, columns in _SIGNATURES
    )
    raise ImportFormatError(
        _("Format berkas tidak dikenali: baris judul harus memuat kolom {expected}.").format(
            expected=expected
        )
    )
