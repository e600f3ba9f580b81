"""The plugin's public read API: a village's development status, safe for a public page.

Other plugins (the village's public site) call these; they return only the published figures
and statuses, never a survey's evidence or who entered it. Each call reads one village: it runs
in a copy of the caller's context with that village's scope set, on the caller's transaction, so
the caller's own scope (none for a visitor) is never widened; on PostgreSQL the transaction's
scope setting is put back before it returns. Called outside a transaction, it opens its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from core.db import read_in_village
from plugins.village_index.standing.results import YearResult, standing
from plugins.village_index.tables import MinistryResult

__all__ = ["VillageStatus", "village_history", "village_status"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class VillageStatus:
    """A village's official result for one year."""

    village_code: str
    year: int
    index_title: str
    """"Indeks Desa Membangun (IDM)" or "Indeks Desa": the edition the figure belongs to."""
    figure: str
    """The published figure as printed ("0.7403", "72.15")."""
    status_key: str
    """sangat_tertinggal, tertinggal, berkembang, maju or mandiri."""
    status_label: str
    source: str
    """`kementerian` (the ministry's decree) or `survei` (a survey the regency verified)."""


def _public(result: YearResult) -> VillageStatus:
    return VillageStatus(
        village_code=result.village_code,
        year=result.year,
        index_title=result.edition.title,
        figure=str(result.figure),
        status_key=result.status.key,
        status_label=result.status.label,
        source=result.source,
    )


async def _history() -> list[VillageStatus]:
    return [_public(r) for r in (await standing()).results]


async def village_history(village_code: str) -> list[VillageStatus]:
    """The village's official results, oldest year first."""
    return await read_in_village(MinistryResult._meta.db, village_code, _history)


async def village_status(village_code: str) -> VillageStatus | None:
    """The village's latest official result, or None when it has none yet."""
    history = await village_history(village_code)
    return history[-1] if history else None
