"""The regency's view of the rollout: villages onboarded, per district and per plugin."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from core.plugins.registry import PluginRegistry
from core.tenancy.enablement import switched_on
from core.tenancy.tables import District, Village


@dataclass(frozen=True, slots=True)
class DistrictRollout:
    code: str
    name: str
    slug: str
    villages: int
    onboarded: int


async def rollout_by_district(district_code: str | None = None) -> list[DistrictRollout]:
    villages = Village.select(Village.district_code, Village.onboarded)
    districts = District.select().order_by(District.name)
    if district_code:
        villages = villages.where(Village.district_code == district_code)
        districts = districts.where(District.code == district_code)
    total: Counter[str] = Counter()
    onboarded: Counter[str] = Counter()
    for row in await villages:
        total[row["district_code"]] += 1
        onboarded[row["district_code"]] += int(row["onboarded"])
    return [
        DistrictRollout(d["code"], d["name"], d["slug"], total[d["code"]], onboarded[d["code"]])
        for d in await districts
    ]


async def villages_per_plugin(registry: PluginRegistry, prefix: str) -> dict[str, int]:
    """How many onboarded villages (under a region prefix) have each plugin switched on."""
    counts: Counter[str] = Counter()
    rows = await Village.select(Village.code).where(
        (Village.onboarded == True) & (Village.code.like(prefix + ".%"))  # noqa: E712
    )
    for row in rows:
        for plugin in await switched_on(row["code"]):
            if plugin in registry.names:
                counts[plugin] += 1
    return dict(counts)
