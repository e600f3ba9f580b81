"""How a citizen's letters read on his portal page: the type's title and the status's label,
never their stored codes (``usaha``, ``diminta``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from plugins.population.letters.kinds import kind_title
from plugins.population.letters.workflow import status_label

__all__ = ["citizen_letter_rows"]


def citizen_letter_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The portal's letter rows with ``kind_title`` and ``status_label`` added."""
    return [
        {**row, "kind_title": kind_title(row["kind"]), "status_label": status_label(row["status"])}
        for row in rows
    ]
