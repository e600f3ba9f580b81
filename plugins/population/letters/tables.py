"""The letters' own tables beside the plugin's core ones: who may sign, and as whom a letter
was signed.

The foreign keys name `Letter` lazily, so `plugins.population.tables` can list these tables in
its `TABLES` without an import cycle.
"""

from __future__ import annotations

from piccolo.columns import Boolean, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.reference import LazyTableReference

from core.db import TenantTable
from core.db.insert_only import insert_only

__all__ = ["LETTER_TABLES", "LetterSignatory", "LetterSigning"]


class LetterSignatory(TenantTable, tablename="population_letter_signatory"):
    """An official the village lets sign its letters: the head, or the secretary "a.n." him."""

    name = Varchar(length=120)
    nip = Varchar(length=18, default="")
    """Civil-servant number (18 digits); empty for an official who is not a civil servant."""
    position = Varchar(length=120)
    """Jabatan as printed, e.g. ``Kepala Desa Noreh`` or ``Sekretaris Desa``."""
    active = Boolean(default=True)
    updated_by = Varchar(length=64)
    updated_at = Timestamptz()


@insert_only
class LetterSigning(TenantTable, tablename="population_letter_signing"):
    """As whom a letter was signed (name, NIP, jabatan at that moment). Never changed: a later
    edit of the signatory list does not rewrite a letter already issued."""

    letter = ForeignKey(
        LazyTableReference("Letter", module_path="plugins.population.tables"),
        on_delete=OnDelete.restrict,
        index=True,
    )
    signatory = Integer(null=True, default=None)
    """The `LetterSignatory` chosen, or None when the village keeps no list yet."""
    name = Varchar(length=120)
    nip = Varchar(length=18, default="")
    position = Varchar(length=120)
    on_behalf_of = Varchar(length=120, default="")
    signed_by = Varchar(length=64)
    """The user who confirmed with their own password."""
    at = Timestamptz()


LETTER_TABLES: list[type[TenantTable]] = [LetterSignatory, LetterSigning]
