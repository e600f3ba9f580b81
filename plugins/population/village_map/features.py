"""The village's map features: reading them, adding the ones a form or file brought, removing
one, and the GeoJSON FeatureCollection they make. Every change is in the audit chain; queries
are scoped to the village by the core."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.population.village_map.forms import NewFeature
from plugins.population.village_map.geometry import load_geometry
from plugins.population.village_map.kinds import KINDS, kind_label
from plugins.population.village_map.tables import MapFeature

__all__ = [
    "IDEMPOTENCY_KIND",
    "add_features",
    "all_features",
    "delete_feature",
    "feature_collection",
]

IDEMPOTENCY_KIND = "population.map_feature"
ENTITY = "map_feature"
_ORDER = {code: index for index, code in enumerate(KINDS)}


async def all_features() -> list[dict[str, Any]]:
    """Every feature of the village, boundaries first (the village's, then the hamlets'), then
    points by category, each by name; `geometry` parsed."""
    rows = await MapFeature.select(
        MapFeature.id,
        MapFeature.kind,
        MapFeature.name,
        MapFeature.geometry,
        MapFeature.created_by,
        MapFeature.created_at,
    ).where(MapFeature.removed_at.is_null())
    features = [{**row, "geometry": load_geometry(row["geometry"])} for row in rows]
    return sorted(
        features, key=lambda row: (_ORDER.get(row["kind"], len(_ORDER)), row["name"], row["id"])
    )


async def add_features(
    kernel: Kernel,
    tenant: Tenant,
    actor: str,
    features: Iterable[NewFeature],
    now: datetime,
    key: str = "",
) -> int:
    """Store the features; the number stored. A key already used stores nothing again."""
    if key and await recall(tenant.code, IDEMPOTENCY_KIND, key) is not None:
        return 0
    stored: list[int] = []
    for feature in features:
        geometry = json.dumps(feature.geometry, separators=(",", ":"))
        rows = await MapFeature.insert(
            MapFeature(
                kind=feature.kind,
                name=feature.name,
                geometry=geometry,
                created_by=actor,
                created_at=now,
            )
        ).returning(MapFeature.id)
        feature_id = int(rows[0]["id"])
        stored.append(feature_id)
        await kernel.audit(
            tenant,
            actor=actor,
            action="create",
            entity=ENTITY,
            entity_id=feature_id,
            after={"kind": feature.kind, "name": feature.name, "geometry": geometry},
        )
    if key and stored:
        await remember(tenant.code, IDEMPOTENCY_KIND, key, actor, stored[0])
    return len(stored)


async def delete_feature(
    kernel: Kernel, tenant: Tenant, actor: str, feature_id: int, now: datetime
) -> str | None:
    """Remove one feature from the map; its name, or None when it was removed already.

    `LookupError` when the village has no such feature (another village's id, or none)."""
    row = await MapFeature.select().where(MapFeature.id == feature_id).first()
    if row is None:
        raise LookupError(feature_id)
    if row["removed_at"] is not None:
        return None
    await MapFeature.update({MapFeature.removed_at: now, MapFeature.removed_by: actor}).where(
        MapFeature.id == feature_id
    )
    await kernel.audit(
        tenant,
        actor=actor,
        action="delete",
        entity=ENTITY,
        entity_id=feature_id,
        before={key: row[key] for key in ("kind", "name", "geometry")},
    )
    return str(row["name"])


def feature_collection(rows: Iterable[dict[str, Any]], *, public: bool = False) -> dict[str, Any]:
    """The features as a GeoJSON FeatureCollection (RFC 7946). With `public`, only boundaries
    and public buildings, and nothing of who recorded them."""
    features = []
    for row in rows:
        kind = KINDS.get(row["kind"])
        if public and (kind is None or not kind.public):
            continue
        properties: dict[str, Any] = {
            "name": row["name"],
            "kind": row["kind"],
            "kind_label": _(kind_label(row["kind"])),
        }
        feature: dict[str, Any] = {"type": "Feature", "properties": properties}
        if not public:
            feature["id"] = row["id"]
        feature["geometry"] = row["geometry"]
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}
