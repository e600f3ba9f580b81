"""The village's population figures, from the population plugin's public read API: counts only.

The public-information plugin does not require population; the figures appear where population
is installed and switched on in the village, and the page simply goes without them elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True, slots=True)
class Figures:
    residents: int
    male: int
    female: int
    families: int
    by_hamlet: list[tuple[str, int]]


async def village_figures(village_code: str, enabled: frozenset[str]) -> Figures | None:
    if "population" not in enabled:
        return None
    try:
        public = import_module("plugins.population.public")
    except ImportError:
        return None
    counts = await public.village_counts(village_code)
    return Figures(
        residents=counts.residents,
        male=counts.male,
        female=counts.female,
        families=counts.families,
        by_hamlet=sorted(counts.by_dusun.items()),
    )
