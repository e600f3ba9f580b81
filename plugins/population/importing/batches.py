"""The record of an imported file (`ImportBatch`) and its one audit entry per run.

A file is known by its SHA-256 within a village (a unique index), so importing it again updates
the same batch row; the audit chain keeps every run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from core.db.jsonvalue import json_dict
from plugins.population.importing.report import ImportReport
from plugins.population.tables import ImportBatch

_CHUNK = 1 << 20


def stored_path(data_path: Path, village_code: str, sha256: str, suffix: str) -> Path:
    """Where an uploaded file waits, from its preview until it is imported or purged: under the
    instance's data directory (never the web root), named by its SHA-256."""
    return data_path / "imports" / village_code / f"{sha256}{suffix}"


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


async def save_batch(
    *,
    village_code: str,
    filename: str,
    sha256: str,
    status: str,
    actor: str,
    report: ImportReport | None = None,
    extra: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Create or update the batch row of this file in this village; returns its id.

    A file uploaded again is stored again, so a purge recorded on its row no longer holds."""
    counts: dict[str, Any] = {**(extra or {})}
    if report is not None:
        counts["report"] = report.as_json()
    values = {
        ImportBatch.filename: filename[:200],
        ImportBatch.file_format: (report.file_format if report else "")[:10],
        ImportBatch.status: status,
        ImportBatch.counts: json.dumps(counts),
        ImportBatch.created_by: actor[:64],
        ImportBatch.created_at: now or dt.datetime.now(dt.UTC),
        ImportBatch.file_purged_at: None,
    }
    existing = (
        await ImportBatch.select(ImportBatch.id)
        .where((ImportBatch.village_code == village_code) & (ImportBatch.sha256 == sha256))
        .first()
    )
    if existing is not None:
        await ImportBatch.update(values).where(ImportBatch.id == existing["id"])
        return int(existing["id"])
    row = ImportBatch(village_code=village_code, sha256=sha256)
    for column, value in values.items():
        setattr(row, column._meta.name, value)
    inserted = await ImportBatch.insert(row).returning(ImportBatch.id)
    return int(inserted[0]["id"])


async def load_batch(village_code: str, batch_id: int) -> dict[str, Any] | None:
    """The batch row with its `counts` parsed, only when it belongs to this village."""
    row = (
        await ImportBatch.select()
        .where((ImportBatch.village_code == village_code) & (ImportBatch.id == batch_id))
        .first()
    )
    if row is not None:
        row["counts"] = json_dict(row["counts"])
    return row
