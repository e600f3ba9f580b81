"""What the map accepts as a boundary or a point: GeoJSON inside Indonesia, rings closed, not too
large; every refusal names its field in Indonesian."""

from __future__ import annotations

import pytest

from plugins.population.village_map.geometry import (
    MAX_POSITIONS,
    GeometryError,
    check_geometry,
    extent_of,
)

RING = [[113.24, -7.15], [113.26, -7.15], [113.26, -7.13], [113.24, -7.15]]


def test_a_polygon_is_stored_normalised_without_altitude_and_rounded():
    ring = [[113.123456789, -7.1, 12.0], [113.2, -7.1], [113.2, -7.2], [113.123456789, -7.1, 12.0]]
    geometry = check_geometry({"type": "Polygon", "coordinates": [ring]}, boundary=True, field="X")
    assert geometry["coordinates"][0][0] == [113.1234568, -7.1]


def test_a_multipolygon_is_a_boundary():
    value = {"type": "MultiPolygon", "coordinates": [[RING], [RING]]}
    assert check_geometry(value, boundary=True, field="X")["type"] == "MultiPolygon"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"type": "Polygon", "coordinates": [[*RING[:-1], [113.25, -7.14]]]}, "belum tertutup"),
        ({"type": "Polygon", "coordinates": [RING[:2] + RING[:1]]}, "paling sedikit 4 titik"),
        ({"type": "Point", "coordinates": [113.2, -7.1]}, "harus berupa Polygon atau MultiPolygon"),
        (
            {"type": "Polygon", "coordinates": [[[2.35, 48.85], *RING[1:3], [2.35, 48.85]]]},
            "di luar wilayah Indonesia",
        ),
        (
            {"type": "Polygon", "coordinates": [[[-7.15, 113.24], *RING[1:3], [-7.15, 113.24]]]},
            "tertukar",
        ),
        ({"type": "Polygon", "coordinates": [[["113", -7.1], *RING[1:]]]}, "harus berupa angka"),
        ({"type": "Polygon", "coordinates": []}, "tidak berisi garis batas"),
        ({"coordinates": [RING]}, "bukan geometri GeoJSON"),
        ("Polygon", "bukan geometri GeoJSON"),
    ],
)
def test_a_bad_boundary_is_refused_naming_the_field(value, message):
    with pytest.raises(GeometryError) as refused:
        check_geometry(value, boundary=True, field="Batas Krajan")
    assert str(refused.value).startswith("Batas Krajan: ")
    assert message in str(refused.value)


def test_a_point_must_be_a_point():
    with pytest.raises(GeometryError, match="Lokasi: lokasi harus berupa Point"):
        check_geometry({"type": "Polygon", "coordinates": [RING]}, boundary=False, field="Lokasi")
    point = check_geometry(
        {"type": "Point", "coordinates": [113.25, -7.14]}, boundary=False, field="L"
    )
    assert point == {"type": "Point", "coordinates": [113.25, -7.14]}


def test_a_boundary_with_too_many_vertices_is_refused():
    ring = [[113.0 + index * 1e-6, -7.1 - (index % 2) * 1e-4] for index in range(MAX_POSITIONS)]
    ring.append(ring[0])
    with pytest.raises(GeometryError, match="sederhanakan"):
        check_geometry({"type": "Polygon", "coordinates": [ring]}, boundary=True, field="X")


def test_the_extent_covers_every_position():
    polygon = check_geometry({"type": "Polygon", "coordinates": [RING]}, boundary=True, field="X")
    point = {"type": "Point", "coordinates": [113.3, -7.0]}
    extent = extent_of([polygon, point])
    assert (extent.west, extent.south, extent.east, extent.north) == (113.24, -7.15, 113.3, -7.0)
    assert extent_of([]) is None
