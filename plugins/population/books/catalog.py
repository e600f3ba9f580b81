"""Which books exist and which columns each prints, in the order and wording of Permendagri
47/2016 (the forms OpenSID's `bumindes` pages follow).

A column's label is its Indonesian header; the PDF prints it in capitals, the page translates it.
Columns sharing a `group` sit under one spanning header ("Tempat & tanggal lahir" over place and
date), as the printed forms do.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    """Header text in Indonesian (marked for translation on the page)."""
    width: float
    """Relative width on paper; the PDF shares the page width in these proportions."""
    group: str = ""
    """Spanning header above this and its neighbours with the same group."""

    @property
    def flat_label(self) -> str:
        """One header for a spreadsheet or a page table: `Group: label`, in the viewer's
        language (each part is a msgid of its own)."""
        return f"{_(self.group)}: {_(self.label)}" if self.group else _(self.label)


@dataclass(frozen=True, slots=True)
class Book:
    key: str
    """The part of the URL after `/buku/` and of the downloaded file's name."""
    code: str
    """The number the regulation gives the book (B.1, B.4, B.5)."""
    title: str
    description: str
    columns: tuple[Column, ...]
    name_column: int = 1
    """Which column holds the resident's name (linked to their page on screen)."""


_BIRTH = N_("Tempat & tanggal lahir")
_SEX = N_("Jenis kelamin")
_NATIONALITY = N_("Kewarganegaraan")
_PARENTS = N_("Orang tua")

INDUK = Book(
    "induk",
    "B.1",
    N_("Buku Induk Penduduk"),
    N_("Semua penduduk yang tercatat hidup, urut dusun, RW, RT dan KK."),
    (
        Column(N_("Nomor urut"), 3),
        Column(N_("Nama lengkap / panggilan"), 12),
        Column(N_("Jenis kelamin"), 6),
        Column(N_("Status perkawinan"), 6),
        Column(N_("Tempat lahir"), 7, _BIRTH),
        Column(N_("Tanggal"), 6, _BIRTH),
        Column(N_("Agama"), 5),
        Column(N_("Pendidikan terakhir"), 8),
        Column(N_("Pekerjaan"), 8),
        Column(N_("Dapat membaca huruf"), 5),
        Column(N_("Kewarganegaraan"), 5),
        Column(N_("Alamat lengkap"), 14),
        Column(N_("Kedudukan dalam keluarga"), 6),
        Column(N_("NIK"), 10),
        Column(N_("Nomor KK"), 10),
        Column(N_("Keterangan"), 6),
    ),
)

SEMENTARA = Book(
    "sementara",
    "B.4",
    N_("Buku Penduduk Sementara"),
    N_("Pendatang: penduduk yang tercatat pindah masuk ke desa, dengan asal dan tanggal datang."),
    (
        Column(N_("Nomor urut"), 3),
        Column(N_("Nama lengkap"), 11),
        Column(N_("L"), 2, _SEX),
        Column(N_("P"), 2, _SEX),
        Column(N_("Nomor identitas / tanda pengenal"), 10),
        Column(N_("Tempat dan tanggal lahir / umur"), 10),
        Column(N_("Pekerjaan"), 7),
        Column(N_("Kebangsaan"), 5, _NATIONALITY),
        Column(N_("Keturunan"), 5, _NATIONALITY),
        Column(N_("Datang dari"), 9),
        Column(N_("Maksud dan tujuan kedatangan"), 9),
        Column(N_("Nama dan alamat yang didatangi"), 12),
        Column(N_("Datang tanggal"), 6),
        Column(N_("Pergi tanggal"), 6),
        Column(N_("Keterangan"), 5),
    ),
)

KTP_KK = Book(
    "ktp-kk",
    "B.5",
    N_("Buku KTP dan KK"),
    N_("Penduduk yang tercatat hidup menurut KK-nya, dengan data KTP dan orang tua."),
    (
        Column(N_("Nomor urut"), 3),
        Column(N_("Nomor KK"), 9),
        Column(N_("Nama lengkap"), 10),
        Column(N_("NIK"), 9),
        Column(N_("Jenis kelamin"), 3),
        Column(N_("Tempat / tanggal lahir"), 9),
        Column(N_("Gol. darah"), 3),
        Column(N_("Agama"), 4),
        Column(N_("Pendidikan"), 6),
        Column(N_("Pekerjaan"), 6),
        Column(N_("Alamat"), 10),
        Column(N_("Status perkawinan"), 5),
        Column(N_("Tempat dan tanggal dikeluarkan"), 6),
        Column(N_("Status hubungan dalam keluarga"), 5),
        Column(N_("Kewarganegaraan"), 4),
        Column(N_("Ayah"), 7, _PARENTS),
        Column(N_("Ibu"), 7, _PARENTS),
        Column(N_("Tanggal mulai di desa"), 5),
        Column(N_("Keterangan"), 4),
    ),
    name_column=2,
)

BOOKS: dict[str, Book] = {book.key: book for book in (INDUK, SEMENTARA, KTP_KK)}
