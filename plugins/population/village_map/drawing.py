"""The village map as an inline SVG, drawn on the server so it needs no JavaScript and no tile
server.

The projection is equirectangular with longitudes shortened by the cosine of the map's middle
latitude: over a village (a few kilometres) that is the same picture as the Web Mercator of map
tiles to well under a pixel, so `static/village_map.js` can lay tiles behind it by the corner
coordinates the SVG carries (`data-west`, `data-east`, `data-north`, `data-south`).

Like `core.web.svg_charts`, the picture is drawn for a phone: 360 user units wide, text 13 units,
at least 12 px on a 390 px screen. Colours are presentation attributes (the CSP allows no inline
style); every name is escaped, it is what staff typed or uploaded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from core.i18n import _
from core.web.svg_charts import FONT_SIZE, text_width
from plugins.population.village_map.geometry import Extent, extent_of
from plugins.population.village_map.kinds import KINDS

__all__ = ["WIDTH", "Projection", "map_svg", "projection_for"]

WIDTH = 360
MAX_MAP_HEIGHT = 440
PADDING = 24
MIN_SPAN = 0.004
"""Degrees (about 450 m): the least a map shows, so a lone point is not drawn at infinite zoom."""
POINT_RADIUS = 6
LEGEND_COLUMNS = 2
LEGEND_ROW = 22
_FONT = f'font-family="sans-serif" font-size="{FONT_SIZE}"'
_HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'


@dataclass(frozen=True, slots=True)
class Projection:
    """Degrees to SVG user units for one map: linear in both axes."""

    west: float
    north: float
    east: float
    south: float
    height: float
    """Of the map area, above the legend."""

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * WIDTH
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


def projection_for(extent: Extent) -> Projection:
    """The projection that fits `extent`, centred, with a margin for labels and points."""
    middle_lon = (extent.west + extent.east) / 2
    middle_lat = (extent.south + extent.north) / 2
    shrink = math.cos(math.radians(middle_lat))
    span_lon = max(extent.east - extent.west, MIN_SPAN)
    span_lat = max(extent.north - extent.south, MIN_SPAN)
    inner = WIDTH - 2 * PADDING
    units_per_degree = min(inner / (span_lon * shrink), (MAX_MAP_HEIGHT - 2 * PADDING) / span_lat)
    height = round(span_lat * units_per_degree + 2 * PADDING, 1)
    half_width_degrees = WIDTH / 2 / (units_per_degree * shrink)
    half_height_degrees = height / 2 / units_per_degree
    return Projection(
        west=middle_lon - half_width_degrees,
        east=middle_lon + half_width_degrees,
        north=middle_lat + half_height_degrees,
        south=middle_lat - half_height_degrees,
        height=height,
    )


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def _path(projection: Projection, geometry: dict[str, Any]) -> str:
    parts = []
    for ring in _rings(geometry):
        points = [projection.point(lon, lat) for lon, lat in ring[:-1]]
        parts.append("M" + " L".join(f"{x} {y}" for x, y in points) + " Z")
    return " ".join(parts)


def _label_spot(projection: Projection, geometry: dict[str, Any]) -> tuple[float, float]:
    """The middle of the largest outer ring's vertices: inside for the shapes hamlets have."""
    outers = (
        [geometry["coordinates"][0]]
        if geometry["type"] == "Polygon"
        else [polygon[0] for polygon in geometry["coordinates"]]
    )
    ring = max(outers, key=len)[:-1]
    lon = sum(position[0] for position in ring) / len(ring)
    lat = sum(position[1] for position in ring) / len(ring)
    return projection.point(lon, lat)


def _text(x: float, y: float, label: str, anchor: str = "middle") -> str:
    return (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" {_FONT} fill="#1b1b1b" {_HALO}>'
        f"{escape(label)}</text>"
    )


def _boundary(projection: Projection, row: dict[str, Any]) -> tuple[str, str]:
    kind = KINDS[row["kind"]]
    name = escape(row["name"])
    if row["kind"] == "batas_desa":
        shape = (
            f'<path class="vm-village" d="{_path(projection, row["geometry"])}" fill="none" '
            f'stroke="{kind.colour}" stroke-width="2.5" stroke-dasharray="7 4">'
            f"<title>{name}</title></path>"
        )
        return shape, ""
    shape = (
        f'<path class="vm-hamlet" d="{_path(projection, row["geometry"])}" fill="{kind.colour}" '
        f'fill-opacity="0.12" fill-rule="evenodd" stroke="{kind.colour}" stroke-width="1.5">'
        f"<title>{name}</title></path>"
    )
    x, y = _label_spot(projection, row["geometry"])
    return shape, _text(x, y + FONT_SIZE / 3, row["name"])


def _point(projection: Projection, row: dict[str, Any]) -> tuple[str, str]:
    kind = KINDS[row["kind"]]
    lon, lat = row["geometry"]["coordinates"]
    x, y = projection.point(lon, lat)
    shape = (
        f'<circle class="vm-point" cx="{x}" cy="{y}" r="{POINT_RADIUS}" fill="{kind.colour}" '
        f'stroke="#ffffff" stroke-width="1.5"><title>{escape(row["name"])} '
        f"({escape(_(kind.label))})</title></circle>"
    )
    gap = POINT_RADIUS + 3
    fits_right = x + gap + text_width(row["name"]) <= WIDTH
    label_x, anchor = (x + gap, "start") if fits_right else (x - gap, "end")
    return shape, _text(round(label_x, 1), round(y + FONT_SIZE / 3, 1), row["name"], anchor)


def _legend(kinds: Sequence[str], top: float) -> str:
    items = []
    column_width = WIDTH / LEGEND_COLUMNS
    for index, code in enumerate(kinds):
        kind = KINDS[code]
        x = 8 + (index % LEGEND_COLUMNS) * column_width
        y = top + (index // LEGEND_COLUMNS) * LEGEND_ROW
        if kind.boundary:
            dash = ' stroke-dasharray="4 2"' if code == "batas_desa" else ""
            fill = "none" if code == "batas_desa" else kind.colour
            swatch = (
                f'<rect x="{x}" y="{y - 11}" width="16" height="12" fill="{fill}" '
                f'fill-opacity="0.25" stroke="{kind.colour}" stroke-width="2"{dash}/>'
            )
        else:
            swatch = f'<circle cx="{x + 8}" cy="{y - 5}" r="{POINT_RADIUS}" fill="{kind.colour}"/>'
        items.append(
            f'{swatch}<text x="{x + 22}" y="{y}" {_FONT} fill="#1b1b1b">'
            f"{escape(_(kind.label))}</text>"
        )
    return f'<g class="vm-legend">{"".join(items)}</g>'


def _drawing_order(row: dict[str, Any]) -> int:
    """Hamlets first, the village's outline over them, points on top."""
    return {"batas_dusun": 0, "batas_desa": 1}.get(row["kind"], 2)


def map_svg(title: str, rows: Sequence[dict[str, Any]], tile_url: str = "") -> str | None:
    """The map of `rows` (from `features.all_features`), or None when there is nothing to draw.

    With `tile_url` (a `{z}/{x}/{y}` template on the instance), the SVG names it for the script
    that draws tiles behind the features; without, it is the whole map.
    """
    drawable = [row for row in rows if row["kind"] in KINDS]
    extent = extent_of(row["geometry"] for row in drawable)
    if extent is None:
        return None
    projection = projection_for(extent)
    shapes: list[str] = []
    labels: list[str] = []
    for row in sorted(drawable, key=_drawing_order):
        shape, label = (_boundary if KINDS[row["kind"]].boundary else _point)(projection, row)
        shapes.append(shape)
        labels.append(label)
    kinds = [code for code in KINDS if any(row["kind"] == code for row in drawable)]
    legend_top = projection.height + LEGEND_ROW
    height = round(legend_top + math.ceil(len(kinds) / LEGEND_COLUMNS) * LEGEND_ROW, 1)
    described = "; ".join(f"{_(KINDS[row['kind']].label)}: {row['name']}" for row in drawable)
    tiles = (
        f' data-tile-url="{escape(tile_url)}" data-west="{projection.west:.7f}" '
        f'data-east="{projection.east:.7f}" data-north="{projection.north:.7f}" '
        f'data-south="{projection.south:.7f}" data-map-height="{projection.height}"'
        if tile_url
        else ""
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="village-map-svg" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="vm-title vm-desc"{tiles}>'
        f'<title id="vm-title">{escape(title)}</title>'
        f'<desc id="vm-desc">{escape(described)}</desc>'
        f'<rect class="vm-ground" x="0" y="0" width="{WIDTH}" height="{projection.height}" '
        f'fill="#f3f6ef" stroke="#c9d2c0"/>'
        f'<g class="vm-tiles"></g>'
        f'<g class="vm-shapes">{"".join(shapes)}</g>'
        f'<g class="vm-labels">{"".join(labels)}</g>'
        f"{_legend(kinds, legend_top)}"
        "</svg>"
    )
