"""A village with a signed-in operator, and GeoJSON to send to its map."""

from __future__ import annotations

import json
from typing import Any

import pytest

HAMLET = {
    "type": "Feature",
    "properties": {"nama": "Krajan"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [
            [[113.24, -7.15], [113.26, -7.15], [113.26, -7.13], [113.24, -7.13], [113.24, -7.15]]
        ],
    },
}
OFFICE = {
    "type": "Feature",
    "properties": {"name": "Kantor Desa Noreh"},
    "geometry": {"type": "Point", "coordinates": [113.2501, -7.1402]},
}


class Samples:
    """A hamlet's boundary and the village office as GeoJSON Features, and a file of features."""

    hamlet = HAMLET
    office = OFFICE

    @staticmethod
    def collection(*features: dict[str, Any]) -> bytes:
        return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


@pytest.fixture
def geojson() -> Samples:
    return Samples()


class MapVillage:
    """A village and its operator, who adds to the map through its pages."""

    def __init__(self, kampung: Any, village: Any, operator: Any) -> None:
        self.kampung = kampung
        self.village = village
        self.operator = operator

    async def add_point(self, client: Any = None, **values: str) -> Any:
        data = {"name": "Posyandu Melati", "kind": "posyandu", "latitude": "-7,1412"}
        data |= {"longitude": "113,2455", **values}
        return await (client or self.operator).post(f"{self.village.url}/peta/titik", data=data)

    async def upload(self, kind: str, content: bytes, key: str = "") -> Any:
        return await self.operator.post(
            f"{self.village.url}/peta/unggah",
            data={"upload_kind": kind, "idempotency_key": key},
            files={"file": ("peta.geojson", content, "application/geo+json")},
        )


@pytest.fixture
def map_village(kampung: Any) -> Any:
    async def make(index: int = 0) -> MapVillage:
        village = await kampung.village(index)
        return MapVillage(kampung, village, await kampung.login("village_operator", village))

    return make
