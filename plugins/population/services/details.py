"""What a request says beyond its checklist: the person it is about and kind-specific facts.

A birth certificate request names the child (who is not in the register yet), a death certificate
request the date of death, a move letter the destination: the register update at the end needs
them, so they are asked for at the counter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from core.i18n import _

__all__ = ["DETAIL_FIELDS", "SUBJECT_OPTIONAL", "DetailField", "validate_details"]


@dataclass(frozen=True, slots=True)
class DetailField:
    key: str
    label: str
    type: str = "text"
    """``text``, ``date`` or ``sex`` (1 Laki-laki, 2 Perempuan)."""


DETAIL_FIELDS: dict[str, tuple[DetailField, ...]] = {
    "akta_kelahiran": (
        DetailField("nama_anak", "Nama anak"),
        DetailField("jenis_kelamin_anak", "Jenis kelamin anak", "sex"),
        DetailField("tanggal_lahir_anak", "Tanggal lahir anak", "date"),
    ),
    "akta_kematian": (DetailField("tanggal_kematian", "Tanggal kematian", "date"),),
    "pindah_keluar": (DetailField("alamat_tujuan", "Alamat tujuan pindah"),),
    "pindah_datang": (DetailField("alamat_asal", "Alamat asal"),),
}

SUBJECT_OPTIONAL = frozenset({"pindah_datang"})
"""Kinds whose person is not in this village's register yet."""


def validate_details(
    kind: str, values: Mapping[str, str], today: dt.date
) -> tuple[dict[str, str], dict[str, str]]:
    """The cleaned details of ``kind`` and Indonesian errors by field."""
    details: dict[str, str] = {}
    errors: dict[str, str] = {}
    for spec in DETAIL_FIELDS.get(kind, ()):
        value = values.get(spec.key, "").strip()
        if not value:
            errors[spec.key] = _("{label} wajib diisi.").format(label=spec.label)
        elif len(value) > 200:
            errors[spec.key] = _("{label} paling banyak 200 karakter.").format(label=spec.label)
        elif spec.type == "sex" and value not in ("1", "2"):
            errors[spec.key] = _("{label} harus Laki-laki atau Perempuan.").format(label=spec.label)
        elif spec.type == "date":
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                errors[spec.key] = _("{label} harus tanggal (TTTT-BB-HH).").format(label=spec.label)
                continue
            if day > today:
                errors[spec.key] = _("{label} tidak boleh di masa depan.").format(label=spec.label)
        details[spec.key] = value
    return details, errors
