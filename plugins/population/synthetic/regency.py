"""A whole synthetic regency, family by family, from one seed.

Everything is drawn from a single ``random.Random(seed)`` in a fixed order (villages, then each
village's families), so the same seed, regency, size and ``as_of`` give the same rows. Families
are yielded one at a time: memory stays flat however many residents are asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from random import Random

from plugins.population.synthetic.culture import culture_mix
from plugins.population.synthetic.family import FamilyDrawer
from plugins.population.synthetic.identity import IdentityIssuer
from plugins.population.synthetic.sheet import SheetWriter
from plugins.population.synthetic.villages import Village, plan_regency

DEFAULT_AS_OF = date(2025, 6, 30)
"""Reference date for ages and the latest birth and card dates; fixed so output never drifts."""


def generate_regency(
    regency_code: str, residents: int, *, seed: int, as_of: date = DEFAULT_AS_OF
) -> Iterator[tuple[Village, list[list[str]]]]:
    """Each family of the regency as (its village, its sheet rows), village by village."""
    if residents < 0:
        raise ValueError("residents must be zero or more")
    rng = Random(seed)
    regency = plan_regency(regency_code, residents, rng)
    drawer = FamilyDrawer(rng, culture_mix(regency_code), as_of.toordinal())
    sheet = SheetWriter(rng, IdentityIssuer(regency.district_codes, as_of), regency.name, as_of)
    for village in regency.villages:
        remaining = village.residents
        while remaining > 0:
            family = drawer.draw(remaining)
            remaining -= len(family.members)
            yield village, sheet.rows(family, village)
