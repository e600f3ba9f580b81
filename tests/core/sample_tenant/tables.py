"""The sample plugin's one table: notes that belong to a village."""

from __future__ import annotations

from piccolo.columns import Varchar

from core.db import TenantTable


class Note(TenantTable, tablename="sample_note"):
    text = Varchar(length=200)
