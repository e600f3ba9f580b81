"""A point typed as latitude and longitude, and a GeoJSON file taken whole or not at all."""

from __future__ import annotations

import json

from plugins.population.village_map.forms import MAX_FILE_BYTES, parse_point_form, parse_upload


def test_a_point_takes_indonesian_decimal_commas():
    parsed = parse_point_form(
        {"name": " Pasar Desa ", "kind": "pasar", "latitude": "-7,1412", "longitude": "113.2455"}
    )
    assert parsed.errors == {}
    [feature] = parsed.features
    assert (feature.kind, feature.name) == ("pasar", "Pasar Desa")
    assert feature.geometry == {"type": "Point", "coordinates": [113.2455, -7.1412]}


def test_a_bad_point_names_each_field_and_keeps_what_was_typed():
    parsed = parse_point_form({"name": "", "kind": "rumah", "latitude": "tujuh", "longitude": "12"})
    assert set(parsed.errors) == {"name", "kind", "latitude", "longitude"}
    assert parsed.errors["latitude"].startswith("Lintang harus berupa angka")
    assert parsed.errors["longitude"].startswith("Bujur harus di antara 94 dan 142")
    assert parsed.values["latitude"] == "tujuh" and parsed.features == []


def test_a_feature_collection_is_read_with_names_from_properties(geojson):
    parsed = parse_upload(
        "batas_dusun", "dusun.geojson", geojson.collection(geojson.hamlet, geojson.hamlet)
    )
    assert parsed.errors == {}
    assert [f.name for f in parsed.features] == ["Krajan", "Krajan"]


def test_one_bad_feature_refuses_the_whole_file_naming_it(geojson):
    nameless = {**geojson.hamlet, "properties": {}}
    parsed = parse_upload(
        "batas_dusun", "dusun.geojson", geojson.collection(geojson.hamlet, nameless)
    )
    assert parsed.features == []
    assert "fitur ke-2" in parsed.errors["file"] and "tidak bernama" in parsed.errors["file"]
    point_as_boundary = parse_upload("batas_dusun", "x.geojson", geojson.collection(geojson.office))
    assert "Berkas GeoJSON, fitur ke-1 (Kantor Desa Noreh)" in point_as_boundary.errors["file"]


def test_a_file_that_is_not_a_feature_collection_is_refused(geojson):
    assert "bukan berkas JSON" in parse_upload("pasar", "a.geojson", b"<kml/>").errors["file"]
    bare = json.dumps(geojson.office["geometry"]).encode()
    assert "FeatureCollection" in parse_upload("pasar", "a.geojson", bare).errors["file"]
    assert (
        "tidak berisi fitur"
        in parse_upload("pasar", "a.geojson", geojson.collection()).errors["file"]
    )
    assert "wajib dipilih" in parse_upload("pasar", "", b"").errors["file"]
    big = b" " * (MAX_FILE_BYTES + 1)
    assert "ukuran paling besar" in parse_upload("pasar", "a.geojson", big).errors["file"]
    assert (
        "upload_kind"
        in parse_upload("rumah", "a.geojson", geojson.collection(geojson.office)).errors
    )
