"""A demo village's map: its boundary, a strip per hamlet of its register, and the public
buildings a village has, inland of Sampang on Madura."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from core import DemoContext
from plugins.population.tables import Resident
from plugins.population.village_map.features import add_features
from plugins.population.village_map.forms import NewFeature
from plugins.population.village_map.geometry import check_geometry
from plugins.population.village_map.tables import MapFeature

__all__ = ["demo_map"]

CENTRE = (113.2530, -7.1420)
"""Longitude, latitude: farmland north of Sampang town."""
WIDTH, HEIGHT = 0.036, 0.024
"""Degrees: about 4 by 2.7 km, the size of a Madurese desa."""
FALLBACK_HAMLETS = ("Krajan", "Barat", "Timur")
POINTS = (
    ("kantor_desa", "Kantor Desa", 0.42, 0.70),
    ("ibadah", "Masjid Jami' Al-Falah", 0.30, 0.85),
    ("posyandu", "Posyandu Melati", 0.08, 0.25),
    ("posyandu", "Posyandu Mawar", 0.86, 0.16),
    ("pasar", "Pasar Desa", 0.66, 0.33),
    ("sekolah", "SD Negeri 1", 0.22, 0.40),
)
"""Kind, name and place as fractions of the village's width (west→east) and height (south→north)."""


async def _hamlet_names() -> list[str]:
    rows = await Resident.select(Resident.dusun).distinct()
    names = sorted({str(row["dusun"]).strip() for row in rows if str(row["dusun"]).strip()})
    return names[:5] or list(FALLBACK_HAMLETS)


def _features(village: str, hamlets: list[str], rng: random.Random) -> list[NewFeature]:
    west, south = CENTRE[0] - WIDTH / 2, CENTRE[1] - HEIGHT / 2
    cuts = [west + WIDTH * index / len(hamlets) for index in range(len(hamlets) + 1)]
    north_edge = [CENTRE[1] + HEIGHT / 2 + rng.uniform(-0.002, 0.002) for _cut in cuts]
    south_edge = [south + rng.uniform(-0.002, 0.002) for _cut in cuts]
    top = [[lon, lat] for lon, lat in zip(cuts, north_edge, strict=True)]
    bottom = [[lon, lat] for lon, lat in zip(cuts, south_edge, strict=True)]
    village_ring = [*top, *reversed(bottom), top[0]]
    features = [
        NewFeature(
            "batas_desa",
            village,
            check_geometry(
                {"type": "Polygon", "coordinates": [village_ring]}, boundary=True, field="demo"
            ),
        )
    ]
    for index, name in enumerate(hamlets):
        ring = [top[index], top[index + 1], bottom[index + 1], bottom[index], top[index]]
        geometry = {"type": "Polygon", "coordinates": [ring]}
        features.append(
            NewFeature("batas_dusun", name, check_geometry(geometry, boundary=True, field="demo"))
        )
    for kind, name, across, up in POINTS:
        point = {"type": "Point", "coordinates": [west + WIDTH * across, south + HEIGHT * up]}
        features.append(NewFeature(kind, name, check_geometry(point, boundary=False, field="demo")))
    return features


async def demo_map(context: DemoContext) -> None:
    """The demo village's map, once: a village that has a map keeps it."""
    if await MapFeature.count() > 0:
        return
    actor = context.users.get("village_operator") or "demo"
    name = f"{context.village.local_word} {context.village.display_name}"
    features = _features(name, await _hamlet_names(), random.Random(context.seed))
    await add_features(context.kernel, context.village, actor, features, datetime.now(UTC))
