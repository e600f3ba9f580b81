"""The areas' one table: a hamlet (dusun), an RW within a hamlet, or an RT within an RW.

The register keeps a family's hamlet/RW/RT as text (`Family.dusun`, `rw`, `rt`); these records
name the areas the village recognises, with their heads, and the counts match the families'
text to them by `name_key`. The foreign keys name `Resident` lazily, so
`plugins.population.tables` can list this table in its `TABLES` without an import cycle.
"""

from __future__ import annotations

from piccolo.columns import ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.reference import LazyTableReference

from core.db import TenantTable

__all__ = ["AREA_TABLES", "Area"]

_RESIDENT = LazyTableReference("Resident", module_path="plugins.population.tables")


class Area(TenantTable, tablename="population_area"):
    """One hamlet, RW or RT of the village; unique by `name_key` under its parent."""

    level = Varchar(length=5)
    """`dusun`, `rw` or `rt` (`areas.names.LEVELS`)."""
    parent = ForeignKey("self", null=True, on_delete=OnDelete.restrict, index=True)
    """None for a hamlet; the hamlet of an RW; the RW of an RT."""
    name = Varchar(length=60)
    """A hamlet's name as the village writes it; an RW's or RT's number as three digits."""
    name_key = Varchar(length=60)
    """`names.area_key` of the name: what a family's text is matched on."""
    head = ForeignKey(_RESIDENT, null=True, on_delete=OnDelete.restrict, index=True)
    """Kepala dusun, ketua RW or ketua RT: a resident of the village, or None."""
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    updated_by = Varchar(length=64)
    updated_at = Timestamptz()


AREA_TABLES: list[type[TenantTable]] = [Area]
