"""Storing a read sheet as the ministry's results for a year: all rows or none, and the same
file imported twice changes nothing (a row is updated only where a figure differs)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from core.db.jsonvalue import json_dict
from core.i18n import _
from plugins.village_index.index.editions import Edition
from plugins.village_index.index.scoring import to_units
from plugins.village_index.ministry.sheet import SheetRow
from plugins.village_index.tables import MinistryResult


@dataclass(slots=True)
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    changes: list[dict[str, object]] = field(default_factory=list)
    """What changed, per village, for the audit trail."""


def outside(rows: Iterable[SheetRow], known: set[str]) -> list[str]:
    """Rows naming a village the regency does not hold."""
    return [
        _("Baris {row}: desa {code} tidak ada di kabupaten ini.").format(
            row=r.row, code=r.village_code
        )
        for r in rows
        if r.village_code not in known
    ]


async def store(
    rows: list[SheetRow], year: int, edition: Edition, sha256: str, actor: str, now: datetime
) -> ImportReport:
    """Write the rows in the regency's scope; the caller refuses a file with a failed row."""
    report = ImportReport()
    existing = {
        r["village_code"]: r
        for r in await MinistryResult.select().where(MinistryResult.year == year)
    }
    for row in rows:
        dimensions = {key: str(value) for key, value in row.dimensions.items()}
        units = to_units(edition, row.figure)
        values = {
            "edition": edition.key,
            "dimensions": dimensions,
            "score_units": units,
            "status_key": row.status_key,
        }
        before = existing.get(row.village_code)
        if before is None:
            await MinistryResult.insert(
                MinistryResult(
                    village_code=row.village_code,
                    year=year,
                    source_sha256=sha256,
                    imported_by=actor,
                    imported_at=now,
                    **values,
                )
            )
            report.created += 1
            report.changes.append({"village": row.village_code, "after": str(row.figure)})
            continue
        old = {
            "edition": before["edition"],
            "dimensions": json_dict(before["dimensions"]),
            "score_units": before["score_units"],
            "status_key": before["status_key"],
        }
        if old == values:
            report.unchanged += 1
            continue
        await MinistryResult.update(
            {
                MinistryResult.edition: edition.key,
                MinistryResult.dimensions: dimensions,
                MinistryResult.score_units: units,
                MinistryResult.status_key: row.status_key,
                MinistryResult.source_sha256: sha256,
                MinistryResult.imported_by: actor,
                MinistryResult.imported_at: now,
            }
        ).where(MinistryResult.id == before["id"])
        report.updated += 1
        report.changes.append(
            {"village": row.village_code, "before": before["score_units"], "after": units}
        )
    return report
