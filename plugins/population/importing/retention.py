"""Deleting stored import files once they have served, so a register does not linger on disk.

An upload is kept under `<data>/imports/<village>/` from its preview until it is imported. A
preview nobody confirms, or an import that failed, would otherwise leave a whole village's
personal data there for good, and so would a file already imported (its rows are in the
database; nothing reads the file again). After the retention period (`[population]
import_retention_days`, 7 days by default) the file is deleted and its batch row records when
(`file_purged_at`); a running import's file is never touched. Files no batch row names (left by a
request that crashed between writing and recording) go after the same period, by their age.

The purge runs whenever someone uploads a file on the import page (for that village) and with
`kampung population purge-imports` (every village; run it daily from cron or a systemd timer).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.config import Settings
from core.db.jsonvalue import json_dict
from plugins.population.importing.batches import stored_path
from plugins.population.tables import ImportBatch

DEFAULT_RETENTION_DAYS = 7
KEPT_WHILE = ("berjalan",)
"""Statuses whose file is still needed: the import is reading it."""


def retention_days(settings: Settings) -> int:
    """`[population] import_retention_days` in the config, 7 by default."""
    section = settings.extra.get("population", {})
    value = section.get("import_retention_days") if isinstance(section, dict) else None
    return value if isinstance(value, int) and value > 0 else DEFAULT_RETENTION_DAYS


@dataclass(frozen=True, slots=True)
class Purged:
    """What a purge removed: files of batch rows, and files no row named."""

    batches: int
    orphans: int


async def purge_imports(settings: Settings, scope_code: str, now: dt.datetime) -> Purged:
    """Delete the files of the scope's batches older than the retention period (and unnamed
    files as old); call inside a tenant transaction covering `scope_code`."""
    cutoff = now - dt.timedelta(days=retention_days(settings))
    in_scope = (ImportBatch.village_code == scope_code) | ImportBatch.village_code.like(
        f"{scope_code}.%"
    )
    rows = await ImportBatch.select(
        ImportBatch.id, ImportBatch.village_code, ImportBatch.sha256, ImportBatch.counts,
        ImportBatch.status, ImportBatch.created_at, ImportBatch.file_purged_at,
    ).where(in_scope)  # fmt: skip
    named: set[Path] = set()
    expired: list[int] = []
    for row in rows:
        path = _path_of(settings.data_path, row)
        named.add(path)
        kept = row["file_purged_at"] is not None or row["status"] in KEPT_WHILE
        if not kept and row["created_at"] < cutoff:
            path.unlink(missing_ok=True)
            expired.append(row["id"])
    if expired:
        await ImportBatch.update({ImportBatch.file_purged_at: now}).where(
            ImportBatch.id.is_in(expired)
        )
    orphans = 0
    for folder in _folders(settings.data_path, scope_code):
        for path in folder.iterdir():
            if path.is_file() and path not in named and _modified(path) < cutoff:
                path.unlink(missing_ok=True)
                orphans += 1
    return Purged(len(expired), orphans)


def _path_of(data_path: Path, row: dict[str, Any]) -> Path:
    suffix = str(json_dict(row["counts"]).get("suffix", ".csv"))
    return stored_path(data_path, row["village_code"], row["sha256"], suffix)


def _folders(data_path: Path, scope_code: str) -> list[Path]:
    root = data_path / "imports"
    if not root.is_dir():
        return []
    return [
        folder
        for folder in root.iterdir()
        if folder.is_dir() and (folder.name + ".").startswith(scope_code + ".")
    ]


def _modified(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
