"""GeoJSON geometries the map accepts: a Polygon or MultiPolygon for a boundary, a Point for a
point, inside Indonesia, rings closed, not too large.

A geometry is checked once, when it is saved, and stored normalised (positions as `[lon, lat]`
rounded to 7 decimals, about 1 cm, altitude dropped), so what is read back is always drawable.
Every error names the field it is about, in Indonesian, as the form shows it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from core.i18n import _

__all__ = [
    "INDONESIA",
    "MAX_POSITIONS",
    "Extent",
    "GeometryError",
    "check_geometry",
    "extent_of",
    "load_geometry",
    "positions",
]

MAX_POSITIONS = 20_000
"""Vertices in one geometry: a hamlet boundary traced by hand has hundreds; more is a survey
export that should be simplified first, and would make the page heavy on a phone."""
DECIMALS = 7


@dataclass(frozen=True, slots=True)
class Extent:
    """A box in degrees: west and east longitudes, south and north latitudes."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


INDONESIA = Extent(west=94.0, south=-11.0, east=142.0, north=6.0)
"""Roughly Sabang to Merauke, Miangas to Rote: a position outside is a typo or swapped axes."""


class GeometryError(ValueError):
    """The geometry cannot be stored; the message names the field, in Indonesian."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _position(value: Any, field: str) -> list[float]:
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise GeometryError(
            _("{field}: setiap titik harus berupa [bujur, lintang].").format(field=field)
        )
    lon, lat = _number(value[0]), _number(value[1])
    if lon is None or lat is None:
        raise GeometryError(_("{field}: bujur dan lintang harus berupa angka.").format(field=field))
    if not INDONESIA.contains(lon, lat):
        if INDONESIA.contains(lat, lon):
            raise GeometryError(
                _(
                    "{field}: bujur dan lintang tampaknya tertukar (GeoJSON menulis bujur dahulu)."
                ).format(field=field)
            )
        raise GeometryError(
            _("{field}: titik {lon}, {lat} berada di luar wilayah Indonesia.").format(
                field=field, lon=lon, lat=lat
            )
        )
    return [round(lon, DECIMALS), round(lat, DECIMALS)]


def _ring(value: Any, field: str) -> list[list[float]]:
    if not isinstance(value, list):
        raise GeometryError(
            _("{field}: garis batas harus berupa daftar titik.").format(field=field)
        )
    ring = [_position(item, field) for item in value]
    if len(ring) < 4:
        raise GeometryError(
            _("{field}: garis batas paling sedikit 4 titik (3 sudut dan titik penutup).").format(
                field=field
            )
        )
    if ring[0] != ring[-1]:
        raise GeometryError(
            _(
                "{field}: garis batas belum tertutup; titik terakhir harus sama dengan titik awal."
            ).format(field=field)
        )
    return ring


def _polygon(value: Any, field: str) -> list[list[list[float]]]:
    if not isinstance(value, list) or not value:
        raise GeometryError(_("{field}: poligon tidak berisi garis batas.").format(field=field))
    return [_ring(ring, field) for ring in value]


def check_geometry(value: Any, *, boundary: bool, field: str) -> dict[str, Any]:
    """The normalised geometry, or `GeometryError` naming `field`.

    `boundary` asks for a Polygon or MultiPolygon, otherwise for a Point.
    """
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        raise GeometryError(_("{field}: bukan geometri GeoJSON.").format(field=field))
    kind = value["type"]
    coordinates = value.get("coordinates")
    wanted = ("Polygon", "MultiPolygon") if boundary else ("Point",)
    if kind not in wanted:
        message = (
            _("{field}: batas wilayah harus berupa Polygon atau MultiPolygon, bukan {kind}.")
            if boundary
            else _("{field}: lokasi harus berupa Point, bukan {kind}.")
        )
        raise GeometryError(message.format(field=field, kind=kind[:30]))
    if kind == "Point":
        return {"type": "Point", "coordinates": _position(coordinates, field)}
    if kind == "Polygon":
        shape: Any = _polygon(coordinates, field)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise GeometryError(
                _("{field}: MultiPolygon tidak berisi poligon.").format(field=field)
            )
        shape = [_polygon(polygon, field) for polygon in coordinates]
    geometry = {"type": kind, "coordinates": shape}
    if sum(1 for _vertex in positions(geometry)) > MAX_POSITIONS:
        raise GeometryError(
            _("{field}: paling banyak {limit} titik; sederhanakan batasnya lebih dahulu.").format(
                field=field, limit=f"{MAX_POSITIONS:,}".replace(",", ".")
            )
        )
    return geometry


def positions(geometry: dict[str, Any]) -> Iterator[tuple[float, float]]:
    """Every `(lon, lat)` of a normalised geometry."""
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Point":
        yield coordinates[0], coordinates[1]
        return
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    for polygon in polygons:
        for ring in polygon:
            for position in ring:
                yield position[0], position[1]


def load_geometry(text: str) -> dict[str, Any]:
    """A stored geometry (written by `check_geometry`, so it needs no second check)."""
    geometry: dict[str, Any] = json.loads(text)
    return geometry


def extent_of(geometries: Iterable[dict[str, Any]]) -> Extent | None:
    """The box around every position, or None when there is none."""
    lons: list[float] = []
    lats: list[float] = []
    for geometry in geometries:
        for lon, lat in positions(geometry):
            lons.append(lon)
            lats.append(lat)
    if not lons:
        return None
    return Extent(west=min(lons), south=min(lats), east=max(lons), north=max(lats))
