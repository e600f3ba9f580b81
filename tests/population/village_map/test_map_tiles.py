"""Where the instance serves tiles (`[population] map_tile_url`), the map page names them for
its script, which it loads from the instance; another host's tiles are never named."""

from __future__ import annotations

import dataclasses

import pytest

from core.config import Settings
from plugins.population.village_map.tiles import DEFAULT_ATTRIBUTION, tile_source

TILES = "/tiles/{z}/{x}/{y}.png"


@pytest.fixture
def kampung_settings(kampung_settings):
    extra = {**kampung_settings.extra, "population": {"map_tile_url": TILES}}
    return dataclasses.replace(kampung_settings, extra=extra)


async def test_the_map_names_the_instances_tiles_and_loads_its_script_from_the_instance(
    map_village,
):
    place = await map_village()
    await place.add_point()
    page = await place.operator.get(f"{place.village.url}/peta")
    assert f'data-tile-url="{TILES}"' in page.text
    assert 'data-west="' in page.text and 'data-map-height="' in page.text
    assert DEFAULT_ATTRIBUTION in page.text
    script = page.text.split('<script src="/static/plugins/population_map/', 1)[1].split('"')[0]
    served = await place.operator.get(f"/static/plugins/population_map/{script}")
    assert served.status_code == 200 and "data-tile-url" in served.text


def _settings(**population):
    return Settings(secret_key="x" * 32, extra={"population": population})


def test_tiles_from_another_host_or_without_their_placeholders_are_ignored():
    assert tile_source(_settings()) is None
    assert (
        tile_source(_settings(map_tile_url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
        is None
    )
    assert tile_source(_settings(map_tile_url="//tiles.example/{z}/{x}/{y}.png")) is None
    assert tile_source(_settings(map_tile_url="/tiles/{z}/{x}.png")) is None
    source = tile_source(_settings(map_tile_url=TILES, map_tile_attribution="© OSM, BIG"))
    assert source is not None and (source.url, source.attribution) == (TILES, "© OSM, BIG")
