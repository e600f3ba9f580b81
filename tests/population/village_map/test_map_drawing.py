"""The SVG projection: the village fills the picture, north up, longitudes shortened by the
latitude's cosine, and names are escaped."""

from __future__ import annotations

import math

from plugins.population.village_map.drawing import WIDTH, map_svg, projection_for
from plugins.population.village_map.geometry import Extent


def test_the_projection_keeps_north_up_and_the_grounds_shape():
    extent = Extent(west=113.24, south=-7.16, east=113.28, north=-7.12)
    projection = projection_for(extent)
    west_x, north_y = projection.point(113.24, -7.12)
    east_x, south_y = projection.point(113.28, -7.16)
    assert 0 <= west_x < east_x <= WIDTH and 0 <= north_y < south_y <= projection.height
    across = east_x - west_x
    down = south_y - north_y
    assert math.isclose(across / down, math.cos(math.radians(7.14)), rel_tol=0.01)


def test_nothing_to_draw_draws_nothing_and_names_are_escaped():
    assert map_svg("Peta", []) is None
    row = {
        "id": 1,
        "kind": "pasar",
        "name": "<script>Pasar</script>",
        "geometry": {"type": "Point", "coordinates": [113.25, -7.14]},
    }
    svg = map_svg("Peta Desa Noreh", [row])
    assert svg is not None and "<script>" not in svg and "&lt;script&gt;Pasar" in svg
    assert '<title id="vm-title">Peta Desa Noreh</title>' in svg
    assert "data-tile-url" not in svg
