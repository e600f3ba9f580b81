"""What an import did (or, in a dry run, would do): the counts and the rows an operator must read.

Counts are complete; the row-by-row notes are capped, so a million-row file with a warning on
every row still fits in memory and on one page. The caps are reported, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NOTE_LIMIT = 1000
"""Warnings and rejections kept with their row number; beyond this only the count grows."""


@dataclass(frozen=True, slots=True)
class RowNote:
    """A row number as the spreadsheet shows it and what the operator must know about it."""

    row: int
    reason: str


@dataclass(slots=True)
class ImportReport:
    file_format: str = ""
    dry_run: bool = False
    rows: int = 0
    residents_created: int = 0
    residents_present: int = 0
    families_created: int = 0
    families_present: int = 0
    warning_count: int = 0
    rejection_count: int = 0
    warnings: list[RowNote] = field(default_factory=list)
    rejections: list[RowNote] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    """The file's columns no register field takes, by their header names: nothing is dropped
    without the operator being told."""

    def warn(self, row: int, reason: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < NOTE_LIMIT:
            self.warnings.append(RowNote(row, reason))

    def reject(self, row: int, reason: str) -> None:
        self.rejection_count += 1
        if len(self.rejections) < NOTE_LIMIT:
            self.rejections.append(RowNote(row, reason))

    def counts(self) -> dict[str, int]:
        """The numbers alone: what the import batch row and the audit entry keep."""
        return {
            "rows": self.rows,
            "residents_created": self.residents_created,
            "residents_present": self.residents_present,
            "families_created": self.families_created,
            "families_present": self.families_present,
            "warnings": self.warning_count,
            "rejections": self.rejection_count,
        }

    def as_json(self) -> dict[str, Any]:
        """The shape `kampung population import --json` prints and the preview page reads."""
        return {
            "format": self.file_format,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "residents": {"created": self.residents_created, "present": self.residents_present},
            "families": {"created": self.families_created, "present": self.families_present},
            "warning_count": self.warning_count,
            "rejection_count": self.rejection_count,
            "warnings": [{"row": n.row, "reason": n.reason} for n in self.warnings],
            "rejections": [{"row": n.row, "reason": n.reason} for n in self.rejections],
            "ignored_columns": list(self.ignored_columns),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportReport:
        return cls(
            file_format=str(data.get("format", "")),
            dry_run=bool(data.get("dry_run", False)),
            rows=int(data.get("rows", 0)),
            residents_created=int(data.get("residents", {}).get("created", 0)),
            residents_present=int(data.get("residents", {}).get("present", 0)),
            families_created=int(data.get("families", {}).get("created", 0)),
            families_present=int(data.get("families", {}).get("present", 0)),
            warning_count=int(data.get("warning_count", 0)),
            rejection_count=int(data.get("rejection_count", 0)),
            warnings=[RowNote(int(n["row"]), str(n["reason"])) for n in data.get("warnings", [])],
            rejections=[
                RowNote(int(n["row"]), str(n["reason"])) for n in data.get("rejections", [])
            ],
            ignored_columns=[str(name) for name in data.get("ignored_columns", [])],
        )
