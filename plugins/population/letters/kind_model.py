"""What a letter type is (its fields and default wording) and the wording most types share.

Every body template is rendered against one context shape, so a village can edit the wording
without learning a new vocabulary per letter:

- ``resident``: the person the letter is about — ``name``, ``nik``, ``sex``, ``birth_place``,
  ``birth_date`` (a date), ``religion``, ``marital_status``, ``occupation``, ``citizenship``,
  ``address``;
- ``village``: ``name``, ``district``, ``regency``;
- the letter's own fields (``usaha.nama``, ``keperluan``…), typed in by the operator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CLOSING", "IDENTITY", "KEPERLUAN", "OPENING", "PURPOSE", "LetterField", "LetterKind"]

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


OPENING = (
    "Yang bertanda tangan di bawah ini, Kepala Desa {{ village.name }}, Kecamatan "
    "{{ village.district }}, Kabupaten {{ village.regency }}, menerangkan dengan sebenarnya "
    "bahwa:\n\n"
)
IDENTITY = (
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
PURPOSE = "Surat keterangan ini dibuat untuk keperluan {{ keperluan }}.\n\n"
CLOSING = (
    "Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan "
    "sebagaimana mestinya."
)
KEPERLUAN = LetterField("keperluan", "Keperluan")
