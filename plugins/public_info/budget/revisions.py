"""Storing a year's budget as a new revision, and reading the revision the site shows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.idempotency import recall, remember
from core.kernel import Kernel
from plugins.public_info.budget.lines import Line
from plugins.public_info.tables import BudgetLine, BudgetRevision

YEARS = (2000, 2100)
IDEMPOTENCY_KIND = "public_info.budget"


async def save_revision(
    kernel: Kernel,
    village_code: str,
    year: int,
    lines: list[Line],
    *,
    source: str,
    actor: str,
    now: datetime,
    filename: str = "",
    key: str = "",
) -> int:
    """Store the lines as the year's newest revision; a retry under the same key is the first."""
    earlier = await recall(village_code, IDEMPOTENCY_KIND, key) if key else None
    if earlier is not None:
        return earlier
    rows = await BudgetRevision.insert(
        BudgetRevision(year=year, source=source, filename=filename[:200], actor=actor, at=now)
    ).returning(BudgetRevision.id)
    revision_id = int(rows[0]["id"])
    if lines:
        await BudgetLine.insert(
            *[
                BudgetLine(
                    revision=revision_id,
                    group=line.group,
                    name=line.name,
                    budget=line.budget,
                    realised=line.realised,
                    position=position,
                )
                for position, line in enumerate(lines)
            ]
        )
    if key:
        await remember(village_code, IDEMPOTENCY_KIND, key, actor, revision_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="public_info.budget.revise",
        entity="public_info_budget_revision",
        entity_id=revision_id,
        after={"year": year, "source": source, "lines": len(lines)},
    )
    return revision_id


async def latest_revision(year: int) -> dict[str, Any] | None:
    return (
        await BudgetRevision.select()
        .where(BudgetRevision.year == year)
        .order_by(BudgetRevision.id, ascending=False)
        .first()
    )


async def revision_lines(revision_id: int) -> list[dict[str, Any]]:
    return (
        await BudgetLine.select()
        .where(BudgetLine.revision == revision_id)
        .order_by(BudgetLine.position)
    )


async def years() -> list[int]:
    """The years that have a budget, newest first."""
    rows = await BudgetRevision.select(BudgetRevision.year).distinct()
    return sorted({int(r["year"]) for r in rows}, reverse=True)
