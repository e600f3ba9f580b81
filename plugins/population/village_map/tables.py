"""The map's one table: each row a boundary or a point, its geometry stored as GeoJSON text."""

from __future__ import annotations

from piccolo.columns import Text, Timestamptz, Varchar

from core.db import TenantTable

__all__ = ["MAP_TABLES", "MapFeature"]


class MapFeature(TenantTable, tablename="population_map_feature"):
    """A boundary (village, hamlet) or a point (kantor desa, posyandu, pasar…) of the map."""

    kind = Varchar(length=20)
    """One of `village_map.kinds.KINDS`: a boundary kind or a point's category."""
    name = Varchar(length=120)
    geometry = Text()
    """A GeoJSON geometry (Polygon or MultiPolygon for a boundary, Point for a point), checked
    and normalised by `village_map.geometry` before it is stored."""
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    removed_by = Varchar(length=64, default="")
    removed_at = Timestamptz(null=True, default=None)
    """Set when staff remove the feature from the map: the row stays, so a removal sent twice
    answers as the first did and the audit trail's entity still exists."""


MAP_TABLES: list[type[TenantTable]] = [MapFeature]
