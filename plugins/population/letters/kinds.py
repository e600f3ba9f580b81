"""The letters a village issues, each with the data it asks for and its default wording.

The types themselves live in the catalog modules by subject (``catalog_people``,
``catalog_property``, ``catalog_errands``); this module is the one list every page, the API
and the demo read, in the order the operator's menu shows them. :mod:`kind_model` describes the
context every wording template is rendered against.

Classification codes (``kode_surat``) follow the archive classification used by village
offices (Permendagri 78/2012): 470 population, 474.x civil records, 475 mobility,
503 permits, 401 welfare, 331 public order, 440 health, 551 transport, 593 land.
A village may override them in its settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from core.i18n import _
from plugins.population.letters.catalog_errands import ERRAND_KINDS
from plugins.population.letters.catalog_people import PEOPLE_KINDS
from plugins.population.letters.catalog_property import PROPERTY_KINDS
from plugins.population.letters.kind_model import FieldInput, LetterField, LetterKind

__all__ = [
    "LETTER_KINDS",
    "FieldInput",
    "LetterField",
    "LetterKind",
    "get_letter_kind",
    "kind_title",
]

LETTER_KINDS: Mapping[str, LetterKind] = MappingProxyType(
    {kind.code: kind for kind in (*PEOPLE_KINDS, *PROPERTY_KINDS, *ERRAND_KINDS)}
)
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


def kind_title(code: str) -> str:
    """The title people read for a stored type code; never the code itself, even for a type
    this version no longer ships (a letter outlives the code that made it)."""
    kind = LETTER_KINDS.get(code)
    return kind.title if kind else _("Surat (jenis tidak lagi tersedia)")
