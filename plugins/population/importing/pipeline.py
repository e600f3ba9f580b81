"""Each row of a register file read, placed in its village and normalized, in file order.

Normalizing is the import's main cost in Python (tens of microseconds a row), and while the
writer waits on the database the processor would sit idle; so a large file is normalized in
worker processes, a few chunks ahead of the writer, while the calling process reads the file and
writes. Chunks come back in order and each outcome carries its row number, so the report is the
same as in one process. Only a bounded number of chunks is in flight: memory stays flat.

A small file (a village's register, a test) is normalized in the calling process: starting
workers would cost more than it saves.

Reading is done in a thread, a chunk at a time, never on the event loop: opening an XLSX parses
its shared strings, and a chunk of rows takes tens of milliseconds, time in which one upload
would otherwise hold up every other request of the process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections import deque
from collections.abc import AsyncIterator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from core.i18n import _
from plugins.population.importing.bip import HEADER as BIP_HEADER
from plugins.population.importing.bip import LAYOUTS, bip_table
from plugins.population.importing.cells import Cell
from plugins.population.importing.formats import (
    COLUMNS,
    Format,
    ImportFormatError,
    detect_format,
    ignored_columns,
)
from plugins.population.importing.limits import COMMAND_LIMITS, ReadLimits
from plugins.population.importing.normalizing import NORMALIZERS
from plugins.population.importing.reading import Header, read_sheet, split_header
from plugins.population.importing.record import ImportRecord, RowRejected

if TYPE_CHECKING:
    from plugins.population.importing.importer import Target

Outcome = tuple[int, str | None, ImportRecord | str]
"""(row number, village code, record) for a row to import; (row number, None, reason) for one
rejected."""
CHUNK_ROWS = 2000
PARALLEL_MIN_BYTES = 1 << 20
"""Below about 5,000 rows, normalize in the calling process."""
WORKERS = min(2, os.cpu_count() or 1)
_AHEAD = 2
"""Chunks queued per worker beyond the one the writer is consuming."""
_NUMBERED = Sequence[tuple[int, Sequence[Cell]]]


def normalize_chunk(
    file_format: Format, target: Target, header: Header, chunk: _NUMBERED
) -> list[Outcome]:
    """The outcome of each row of `chunk`: runs in a worker process, or in a thread, never on
    the event loop (a chunk of wide rows takes long enough to stall every other request)."""
    normalize = NORMALIZERS[file_format]
    keyed = header.row
    village_of = target.village_of
    outcomes: list[Outcome] = []
    append = outcomes.append
    for number, cells in chunk:
        row = keyed(cells)
        village, reason = village_of(row)
        if village is None:
            append((number, None, reason or ""))
            continue
        try:
            append((number, village, normalize(row)))
        except RowRejected as rejected:
            append((number, None, rejected.reason))
    return outcomes


def _chunks(numbered: Iterator[tuple[int, Sequence[Cell]]]) -> Iterator[_NUMBERED]:
    while chunk := list(islice(numbered, CHUNK_ROWS)):
        yield chunk


def file_format_of(
    path: Path, limits: ReadLimits = COMMAND_LIMITS
) -> tuple[Format, Header, Iterator[tuple[int, Sequence[Cell]]]]:
    """The file's format from its header (or its BIP layout, laid out as a table under
    `bip.HEADER`), with the header and its rows still to read.

    Blocking: call it in a thread (`asyncio.to_thread`) from async code."""
    layout, numbered = bip_table(read_sheet(path, limits))
    if layout is None:
        header, numbered = split_header(numbered)
    else:
        header = BIP_HEADER
    first = next(numbered, None)
    if first is None:
        raise ImportFormatError(_("Berkas tidak berisi baris data penduduk."))
    file_format = layout.name if layout else detect_format(header.row(first[1]).keys())

    def rows() -> Iterator[tuple[int, Sequence[Cell]]]:
        yield first
        yield from numbered

    return file_format, header, rows()


def columns_ignored(file_format: Format, header: Header) -> list[str]:
    """The file's columns no register field takes, by the names the file gives them."""
    layout = LAYOUTS.get(file_format)
    if layout is not None:
        return list(layout.ignored)
    return ignored_columns(COLUMNS[file_format], header.keys, header.labels)


async def outcomes(
    path: Path, file_format: Format, header: Header, rows: Iterator[tuple[int, Sequence[Cell]]],
    target: Target,
) -> AsyncIterator[Outcome]:  # fmt: skip
    """Every row's outcome, in file order; workers are used for a large file."""
    chunks = _chunks(rows)
    if path.stat().st_size < PARALLEL_MIN_BYTES or WORKERS < 2:
        while chunk := await asyncio.to_thread(next, chunks, None):
            done = await asyncio.to_thread(normalize_chunk, file_format, target, header, chunk)
            for outcome in done:
                yield outcome
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        queued: deque[Future[list[Outcome]]] = deque()

        async def submit_next() -> None:
            chunk = await asyncio.to_thread(next, chunks, None)
            if chunk is not None:
                queued.append(pool.submit(normalize_chunk, file_format, target, header, chunk))

        for _ in range(WORKERS * _AHEAD):
            await submit_next()
        try:
            while queued:
                done = await asyncio.wrap_future(queued.popleft())
                await submit_next()
                for outcome in done:
                    yield outcome
        finally:
            for future in queued:
                future.cancel()
