"""Duplicates across villages, from the plugin's own recipient lists in the regency's scope.

Exact: the same NIK, or the same KK, actively receiving the same kind of aid in two villages.
Fuzzy: the same birth date and a name that reads alike (rapidfuzz), under different NIKs; shown
for a person to decide, never merged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from plugins.social_aid.programmes import recipients

NAME_SIMILARITY = 90
"""Percent (token-sort ratio) at which two names of one birth date are shown as one person."""


@dataclass(frozen=True)
class Overlap:
    basis: str
    """`nik`, `kk` or `name`."""
    kind: str
    """The kind of aid received twice."""
    value: str
    """The shared NIK or KK, or the two names for a fuzzy match."""
    score: int
    rows: tuple[dict[str, Any], ...]
    """The recipient rows, one per village at least."""


def _exact(rows: list[dict[str, Any]], key: str) -> list[Overlap]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row[key]:
            groups[(row["programme_kind"], row[key])].append(row)
    return [
        Overlap(key if key == "nik" else "kk", kind, value, 100, tuple(found))
        for (kind, value), found in sorted(groups.items())
        if len({r["village_code"] for r in found}) > 1
    ]


def _fuzzy(rows: list[dict[str, Any]]) -> list[Overlap]:
    by_birth: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["birth_date"] is not None:
            by_birth[(row["programme_kind"], row["birth_date"])].append(row)
    found = []
    for (kind, _), group in sorted(by_birth.items(), key=lambda item: str(item[0])):
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                if first["village_code"] == second["village_code"] or first["nik"] == second["nik"]:
                    continue
                score = int(fuzz.token_sort_ratio(first["name"], second["name"]))
                if score >= NAME_SIMILARITY:
                    names = f"{first['name']} / {second['name']}"
                    found.append(Overlap("name", kind, names, score, (first, second)))
    return found


async def overlaps() -> list[Overlap]:
    """Every duplicate the scope's active recipients show: NIK, then KK, then names."""
    rows = await recipients.active()
    return [*_exact(rows, "nik"), *_exact(rows, "kk_number"), *_fuzzy(rows)]
