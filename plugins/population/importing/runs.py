"""One import as the web page, the command line and the demo run it: the file into the database,
then its batch row and a single audit entry with the counts (never one entry per row)."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from core.kernel import Kernel
from core.tenancy.tables import Village
from plugins.population.importing.batches import file_sha256, save_batch
from plugins.population.importing.importer import Progress, Target, import_file
from plugins.population.importing.limits import COMMAND_LIMITS, ReadLimits
from plugins.population.importing.report import ImportReport

DONE = "selesai"


async def regency_target(regency_code: str) -> Target:
    """Rows go to the village their `kode_desa` names, any village of the regency."""
    rows = await Village.select(Village.code).where(Village.code.like(f"{regency_code}.%"))
    return Target(regency_code, frozenset(row["code"] for row in rows))


async def import_register(
    kernel: Kernel,
    path: str | Path,
    target: Target,
    *,
    actor: str,
    filename: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    limits: ReadLimits = COMMAND_LIMITS,
) -> tuple[ImportReport, int | None]:
    """The report, and the batch id of a real run; call inside a tenant transaction."""
    now = dt.datetime.now(dt.UTC)
    report = await import_file(
        kernel.engine, path, target, dry_run=dry_run, now=now, progress=progress, limits=limits
    )
    if dry_run:
        return report, None
    batch_id = await save_batch(
        village_code=target.scope_code,
        filename=filename or Path(path).name,
        sha256=await asyncio.to_thread(file_sha256, path),
        status=DONE,
        actor=actor,
        report=report,
        now=now,
    )
    await kernel.audit(
        target.scope_code,
        actor=actor,
        action="import",
        entity="import_batch",
        entity_id=batch_id,
        after={"filename": filename or Path(path).name, **report.counts()},
    )
    return report, batch_id
