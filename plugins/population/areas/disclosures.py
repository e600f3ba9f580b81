"""What the area pages disclose, named for the access trail (core.audit): the heads' names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.audit import DisclosureKind, Subject
from core.i18n import N_

RESIDENT = "resident"

AREA_TREE = DisclosureKind("population.area.tree", N_("Wilayah administratif"))
AREA_DETAIL = DisclosureKind("population.area.detail", N_("Data wilayah"))


def heads(areas: Iterable[dict[str, Any]], village_code: str) -> list[Subject]:
    """Each shown area's head, as a resident subject."""
    return [
        Subject(RESIDENT, a["head"], str(a.get("head_nik") or ""), village_code)
        for a in areas
        if a.get("head")
    ]
