"""The fields a village's letter wording may use, as staff pick them on the template page.

Staff should not have to know that the resident's name is spelled ``{{ resident.name }}``: the
template page lists every field of the render context with its Indonesian label and an example
value, and choosing one puts its placeholder into the wording. The labels of the register's
and the village's fields are declared once here (`COMMON_FIELDS`); a letter type's own fields
bring the labels they already declare. A test checks that the list covers every field of
`context.sample_context`, so a field added to the context without a label fails the suite.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.i18n import N_
from plugins.population.letters.context import VillageNames, sample_context
from plugins.population.letters.dates import format_letter_date
from plugins.population.letters.kinds import LetterKind

__all__ = ["COMMON_FIELDS", "PickableField", "context_paths", "pickable_fields"]

COMMON_FIELDS: tuple[tuple[str, str], ...] = (
    ("resident.name", N_("Nama penduduk")),
    ("resident.nik", N_("NIK penduduk")),
    ("resident.sex", N_("Jenis kelamin")),
    ("resident.birth_place", N_("Tempat lahir")),
    ("resident.birth_date", N_("Tanggal lahir")),
    ("resident.religion", N_("Agama")),
    ("resident.marital_status", N_("Status perkawinan")),
    ("resident.occupation", N_("Pekerjaan")),
    ("resident.citizenship", N_("Kewarganegaraan")),
    ("resident.address", N_("Alamat")),
    ("village.name", N_("Nama desa")),
    ("village.district", N_("Nama kecamatan")),
    ("village.regency", N_("Nama kabupaten")),
)
"""Every field the register and the village give each letter, by dotted path, with its label."""


@dataclass(frozen=True, slots=True)
class PickableField:
    """One field as the picker lists it."""

    path: str
    """Dotted path in the render context, e.g. ``resident.name``."""
    label: str
    """Indonesian label; for common fields a msgid the template translates where it is shown."""
    example: str
    """The sample value, as the letter would print it."""
    placeholder: str
    """What is put into the wording: dates go through the ``tanggal`` filter."""


def context_paths(context: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Every leaf of a render context by dotted path, in the context's order."""
    paths: list[str] = []
    for key, value in context.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            paths.extend(context_paths(value, f"{path}."))
        else:
            paths.append(path)
    return paths


def _value(context: Mapping[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        value = value[part]
    return value


def pickable_fields(kind: LetterKind, names: VillageNames) -> list[PickableField]:
    """The register's and village's fields, then the kind's own, each with its sample value."""
    context = sample_context(kind, names)
    labelled = [*COMMON_FIELDS, *((field.key, field.label) for field in kind.fields)]
    fields = []
    for path, label in labelled:
        value = _value(context, path)
        if isinstance(value, date):
            example, placeholder = format_letter_date(value), f"{{{{ {path} | tanggal }}}}"
        else:
            example, placeholder = str(value), f"{{{{ {path} }}}}"
        fields.append(PickableField(path, label, example, placeholder))
    return fields
