"""The map page draws the village's features as an SVG with a table below, `/peta.geojson`
gives them back as sent, and staff add and remove them on the manage page."""

from __future__ import annotations

import json

from core.audit.tables import AuditEntry
from plugins.population.village_map.tables import MapFeature


async def test_an_added_point_is_drawn_labelled_with_its_legend_and_listed_below(map_village):
    place = await map_village()
    assert (await place.add_point()).status_code == 303
    page = await place.operator.get(f"{place.village.url}/peta")
    assert page.status_code == 200
    svg = page.text.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<circle" in svg and ">Posyandu Melati</text>" in svg
    assert 'class="vm-legend"' in svg and ">Posyandu</text>" in svg
    assert 'font-size="13"' in svg and "style=" not in svg
    table = page.text.split("</svg>", 1)[1]
    assert 'data-label="Nama">Posyandu Melati</td>' in table
    assert "-7.141200, 113.245500" in table
    assert "village_map.js" not in page.text, "no tiles configured: the SVG alone is the map"


async def test_a_bad_point_is_refused_naming_the_field_and_keeping_what_was_typed(map_village):
    place = await map_village()
    response = await place.add_point(name="Pasar Desa", latitude="113,2", longitude="-7,1")
    assert response.status_code == 422
    assert "Lintang harus di antara -11 dan 6" in response.text
    assert 'value="Pasar Desa"' in response.text and 'value="113,2"' in response.text
    async with place.kampung.scope(place.village.code):
        assert await MapFeature.count() == 0


async def test_an_uploaded_file_comes_back_from_the_geojson_as_it_was_sent(map_village, geojson):
    place = await map_village()
    response = await place.upload("batas_dusun", geojson.collection(geojson.hamlet))
    assert response.status_code == 303
    assert (
        await place.upload("kantor_desa", geojson.collection(geojson.office))
    ).status_code == 303
    answer = await place.operator.get(f"{place.village.url}/peta.geojson")
    assert answer.headers["content-type"].startswith("application/geo+json")
    body = answer.json()
    assert body["type"] == "FeatureCollection"
    by_name = {feature["properties"]["name"]: feature for feature in body["features"]}
    assert by_name["Krajan"]["geometry"] == geojson.hamlet["geometry"]
    assert by_name["Krajan"]["properties"]["kind"] == "batas_dusun"
    assert by_name["Kantor Desa Noreh"]["geometry"] == geojson.office["geometry"]
    page = await place.operator.get(f"{place.village.url}/peta")
    assert 'class="vm-hamlet"' in page.text and ">Krajan</text>" in page.text


async def test_a_bad_file_stores_nothing_and_names_the_feature(map_village, geojson):
    place = await map_village()
    nameless = {**geojson.office, "properties": {}}
    response = await place.upload("posyandu", geojson.collection(geojson.office, nameless))
    assert response.status_code == 422
    assert "Berkas GeoJSON, fitur ke-2: tidak bernama" in response.text
    async with place.kampung.scope(place.village.code):
        assert await MapFeature.count() == 0


async def test_removing_a_feature_is_audited_and_a_second_click_changes_nothing(map_village):
    place = await map_village()
    await place.add_point()
    async with place.kampung.scope(place.village.code):
        feature_id = (await MapFeature.select(MapFeature.id).first())["id"]
    url = f"{place.village.url}/peta/{feature_id}/hapus"
    assert (await place.operator.post(url)).status_code == 303
    assert (await place.operator.post(url)).status_code == 303
    async with place.kampung.scope(place.village.code):
        assert await MapFeature.count().where(MapFeature.removed_at.is_null()) == 0
        actions = await AuditEntry.select(AuditEntry.action).where(
            AuditEntry.entity == "map_feature"
        )
    assert sorted(row["action"] for row in actions) == ["create", "delete"]


async def test_a_form_sent_twice_with_one_key_adds_one_point(map_village):
    place = await map_village()
    first = await place.add_point(idempotency_key="peta-kunci-0001")
    again = await place.add_point(idempotency_key="peta-kunci-0001")
    assert first.status_code == again.status_code == 303
    async with place.kampung.scope(place.village.code):
        assert await MapFeature.count() == 1


async def test_a_file_sent_twice_with_one_key_is_stored_once(map_village, geojson):
    place = await map_village()
    content = geojson.collection(
        geojson.hamlet, {**geojson.hamlet, "properties": {"nama": "Barat"}}
    )
    first = await place.upload("batas_dusun", content, key="unggah-peta-0001")
    again = await place.upload("batas_dusun", content, key="unggah-peta-0001")
    assert first.status_code == again.status_code == 303
    async with place.kampung.scope(place.village.code):
        assert await MapFeature.count() == 2


async def test_the_head_reads_the_map_but_only_the_registers_writers_change_it(map_village):
    place = await map_village()
    await place.add_point()
    head = await place.kampung.login("village_head", place.village)
    page = await head.get(f"{place.village.url}/peta")
    assert page.status_code == 200 and "Posyandu Melati" in page.text
    assert "/peta/kelola" not in page.text
    assert (await head.get(f"{place.village.url}/peta/kelola")).status_code == 403
    assert (await place.add_point(head, name="Pasar")).status_code == 403
    operator_page = await place.operator.get(f"{place.village.url}/peta")
    assert "/peta/kelola" in operator_page.text


async def test_another_villages_staff_see_none_of_its_map(map_village, geojson):
    first = await map_village(0)
    other = await map_village(1)
    await first.add_point(name="Posyandu Rahasia Desa Satu")
    await other.add_point(name="Pasar Desa Dua", kind="pasar")
    page = await other.operator.get(f"{other.village.url}/peta")
    assert "Pasar Desa Dua" in page.text and "Posyandu Rahasia" not in page.text
    collection = (await other.operator.get(f"{other.village.url}/peta.geojson")).json()
    assert [f["properties"]["name"] for f in collection["features"]] == ["Pasar Desa Dua"]
    assert (await other.operator.get(f"{first.village.url}/peta")).status_code in (403, 404)
    async with first.kampung.scope(first.village.code):
        first_id = (await MapFeature.select(MapFeature.id).first())["id"]
    refused = await other.operator.post(f"{other.village.url}/peta/{first_id}/hapus")
    assert refused.status_code == 404
    async with first.kampung.scope(first.village.code):
        assert await MapFeature.count().where(MapFeature.removed_at.is_null()) == 1


async def test_the_public_geojson_has_boundaries_and_public_buildings_only(map_village, geojson):
    place = await map_village()
    await place.upload(
        "batas_desa", geojson.collection({**geojson.hamlet, "properties": {"name": "Noreh"}})
    )
    await place.add_point(name="Posyandu Melati")
    await place.add_point(name="Rumah Pak Kades", kind="lainnya")
    visitor = place.kampung.client()
    answer = await visitor.get(f"{place.village.url}/peta-umum.geojson")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/geo+json")
    features = answer.json()["features"]
    assert sorted(f["properties"]["name"] for f in features) == ["Noreh", "Posyandu Melati"]
    text = json.dumps(answer.json())
    assert "Rumah Pak Kades" not in text and place.operator is not None
    assert all(set(f) == {"type", "properties", "geometry"} for f in features)
    assert (await visitor.get(f"{place.village.url}/peta")).status_code in (302, 303, 401)


async def test_the_public_geojson_is_not_found_where_the_village_is_not_onboarded(kampung):
    village = await kampung.village(2, onboarded=False)
    visitor = kampung.client()
    assert (await visitor.get(f"{village.url}/peta-umum.geojson")).status_code == 404
