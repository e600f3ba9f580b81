"""What the household pages disclose, named for the access trail (core.audit): they show the
members' NIKs and KK numbers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.audit import DisclosureKind, Subject
from core.i18n import N_

HOUSEHOLD = "household"
RESIDENT = "resident"

HOUSEHOLD_LIST = DisclosureKind("population.household.list", N_("Daftar rumah tangga"))
HOUSEHOLD_DETAIL = DisclosureKind("population.household.detail", N_("Data rumah tangga"))
HOUSEHOLD_FORM = DisclosureKind("population.household.form", N_("Formulir rumah tangga"))


def household(row: Mapping[str, Any]) -> Subject:
    return Subject(
        HOUSEHOLD, row["id"], str(row.get("number") or ""), str(row.get("village_code") or "")
    )


def heads(rows: Iterable[Mapping[str, Any]]) -> list[Subject]:
    """Each listed household's head, as a resident subject."""
    return [
        Subject(RESIDENT, r["head"], str(r.get("head_nik") or ""), str(r.get("village_code") or ""))
        for r in rows
        if r.get("head")
    ]


def residents(rows: Iterable[Mapping[str, Any]], village_code: str) -> list[Subject]:
    """Residents listed on a page, by `resident` (a stay row) or `id` (a resident row)."""
    return [
        Subject(RESIDENT, r.get("resident") or r["id"], str(r.get("nik") or ""), village_code)
        for r in rows
    ]
