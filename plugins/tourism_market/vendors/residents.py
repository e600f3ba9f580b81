"""Vendors picked from the village's residents, through population's public read API only, and
only where the village has population switched on (elsewhere a vendor's name is typed).

Population is optional for the market, so its API is imported when a lookup is made, not when
the market loads: an instance without population installed still runs the market."""

from __future__ import annotations

from typing import Any

from core.web.request_state import request_state


def available(request: Any) -> bool:
    """Whether this village's register can be searched on this request."""
    return "population" in request_state(request).effective_plugins


async def search(text: str) -> list[Any]:
    from plugins.population import public as population

    return await population.find_people(text.strip(), limit=10)


async def resident(resident_id: int) -> Any | None:
    from plugins.population import public as population

    return await population.person(resident_id)
