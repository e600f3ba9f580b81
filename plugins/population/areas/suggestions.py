"""The recorded hamlets, RWs and RTs as suggestions for a form's hamlet/RW/RT fields."""

from __future__ import annotations

from typing import Any

from plugins.population.areas.names import DUSUN, RT, RW
from plugins.population.areas.places import all_areas


async def suggestions() -> dict[str, Any]:
    """Hamlet names, and the distinct RW and RT numbers, each sorted."""
    rows = await all_areas()

    def of(level: str) -> list[str]:
        return sorted({r["name"] for r in rows if r["level"] == level})

    return {"dusun_names": of(DUSUN), "rw_numbers": of(RW), "rt_numbers": of(RT)}
