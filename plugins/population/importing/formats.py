"""The two spreadsheet formats regencies bring their registers in, and how to tell them apart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Format = Literal["opensid", "siak"]


class ImportFormatError(ValueError):
    """The file cannot be read as a register at all; the message tells the operator what to fix."""


def normalize_header(name: object) -> str:
    """The key a column is known by: exports differ in case, spacing and stray dots
    ("Gol. Darah", "GOL DARAH")."""
    return " ".join(str(name).replace(".", " ").split()).lower()


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each resident field sits in a format, by the column name its users know.

    A field the format does not carry is None.
    """

    no_kk: str
    nik: str
    name: str
    sex: str
    birth_place: str
    birth_date: str
    religion: str
    education: str
    occupation: str
    marital_status: str
    relationship: str
    citizenship: str | None
    blood_type: str
    disability: str
    basic_status: str
    father_nik: str
    father_name: str
    mother_nik: str
    mother_name: str
    address: str
    dusun: str | None
    rw: str
    rt: str


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
)

_SIGNATURES: tuple[tuple[Format, Columns], ...] = (("opensid", OPENSID), ("siak", SIAK))


def _required(columns: Columns) -> tuple[str, ...]:
    return (columns.no_kk, columns.nik, columns.name)


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
        f"Format berkas tidak dikenali: baris judul harus memuat kolom {expected}."
    )
