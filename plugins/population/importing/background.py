"""Running a confirmed import after the response, with its progress visible to the page.

The import holds one transaction for its whole run, so its progress cannot be read from the
database until it commits; it is kept in this process (`PROGRESS`) for the status page to poll,
and the batch row carries the status ("berjalan", then "selesai" or "gagal"). With several app
workers, a poll that reaches another worker shows "berjalan" without a row count until the end.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from pathlib import Path
from typing import Any

from piccolo.engine.sqlite import TransactionType

from core.db import set_tenant_scope, tenant_transaction
from core.kernel import Kernel
from plugins.population.importing.batches import load_batch, save_batch
from plugins.population.importing.importer import Target
from plugins.population.importing.limits import UPLOAD_LIMITS
from plugins.population.importing.runs import import_register

RUNNING = "berjalan"
FAILED = "gagal"
PROGRESS: dict[int, int] = {}
"""Rows read so far, by batch id, for imports running in this process."""
_TASKS: set[asyncio.Task[None]] = set()
_WAIT_STEPS = 500
_WAIT_SECONDS = 0.02
log = logging.getLogger(__name__)


def start_import(kernel: Kernel, batch: dict[str, Any], path: Path, actor: str) -> None:
    """Import the stored file of `batch` (already marked running by the calling request).

    The task starts from an empty context: it must not inherit the request's transaction.
    """
    task = asyncio.create_task(_run(kernel, batch, path, actor), context=contextvars.Context())
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


def _transaction(kernel: Kernel) -> Any:
    engine = kernel.engine
    if engine.engine_type == "sqlite":
        return engine.transaction(transaction_type=TransactionType.immediate)
    return engine.transaction()


async def _wait_for_commit(kernel: Kernel, village_code: str, batch_id: int) -> None:
    """The request that marked the batch as running commits after its handler returns."""
    for _ in range(_WAIT_STEPS):
        async with tenant_transaction(kernel.engine, village_code):
            batch = await load_batch(village_code, batch_id)
        if batch is not None and batch["status"] == RUNNING:
            return
        await asyncio.sleep(_WAIT_SECONDS)
    raise RuntimeError(f"import batch {batch_id} never became visible")


async def _run(kernel: Kernel, batch: dict[str, Any], path: Path, actor: str) -> None:
    batch_id, village_code, filename = batch["id"], batch["village_code"], batch["filename"]
    PROGRESS[batch_id] = 0
    try:
        await _wait_for_commit(kernel, village_code, batch_id)
        async with _transaction(kernel):
            await set_tenant_scope(kernel.engine, village_code)
            await import_register(
                kernel,
                path,
                Target(village_code),
                actor=actor,
                filename=filename,
                progress=lambda rows: PROGRESS.__setitem__(batch_id, rows),
                limits=UPLOAD_LIMITS,
            )
    except Exception:
        log.exception("import batch %s failed", batch_id)
        async with tenant_transaction(kernel.engine, village_code):
            await save_batch(
                village_code=village_code,
                filename=filename,
                sha256=batch["sha256"],
                status=FAILED,
                actor=actor,
            )
    finally:
        PROGRESS.pop(batch_id, None)
