"""A resident's photos: each upload a new row, the newest the one shown; none is edited."""

from __future__ import annotations

from piccolo.columns import ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.reference import LazyTableReference

from core.db import TenantTable
from core.db.insert_only import insert_only

_RESIDENT = LazyTableReference("Resident", module_path="plugins.population.tables")
"""By name: `plugins/population/tables.py` lists this table in its `TABLES`."""


@insert_only
class ResidentPhoto(TenantTable, tablename="population_resident_photo"):
    resident = ForeignKey(_RESIDENT, on_delete=OnDelete.restrict, index=True)
    stored_name = Varchar(length=40)
    """A random name under `<data>/photos/<village>/`, never the uploader's file name."""
    content_type = Varchar(length=20)
    width = Integer()
    height = Integer()
    uploaded_by = Varchar(length=64)
    uploaded_at = Timestamptz()


PHOTO_TABLES: list[type[TenantTable]] = [ResidentPhoto]
