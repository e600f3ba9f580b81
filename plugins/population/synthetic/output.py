"""Writing the synthetic regency as CSV: one file with a ``kode_desa`` column, or one per village.

Rows stream from the generator straight into ``csv.writer``; nothing is kept but the current
family, so a million residents need no more memory than a thousand.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from plugins.population.synthetic.regency import DEFAULT_AS_OF, generate_regency
from plugins.population.synthetic.sheet import OPENSID_COLUMNS, VILLAGE_COLUMN

_BUFFER = 1 << 20


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What was written and how fast."""

    residents: int
    families: int
    villages: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.residents / self.seconds if self.seconds else 0.0


def _open(path: Path) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", newline="", encoding="utf-8", buffering=_BUFFER)


def write_regency_csv(
    path: Path, regency_code: str, residents: int, *, seed: int, as_of: date = DEFAULT_AS_OF
) -> WriteReport:
    """One CSV for the regency: ``kode_desa`` then the OpenSID columns."""
    started = time.perf_counter()
    families = 0
    villages: set[str] = set()
    with _open(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow((VILLAGE_COLUMN, *OPENSID_COLUMNS))
        for village, rows in generate_regency(regency_code, residents, seed=seed, as_of=as_of):
            code = village.code
            writer.writerows([code, *row] for row in rows)
            families += 1
            villages.add(code)
    return WriteReport(residents, families, len(villages), time.perf_counter() - started)


def write_village_csvs(
    path: Path, regency_code: str, residents: int, *, seed: int, as_of: date = DEFAULT_AS_OF
) -> WriteReport:
    """``path/<village code>.csv`` per village (``path`` is a directory), each the OpenSID sheet."""
    started = time.perf_counter()
    families = villages = 0
    current = ""
    handle: IO[str] | None = None
    writer = None
    try:
        for village, rows in generate_regency(regency_code, residents, seed=seed, as_of=as_of):
            if village.code != current or writer is None:
                if handle is not None:
                    handle.close()
                current = village.code
                handle = _open(path / f"{current}.csv")
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(OPENSID_COLUMNS)
                villages += 1
            writer.writerows(rows)
            families += 1
    finally:
        if handle is not None:
            handle.close()
    return WriteReport(residents, families, villages, time.perf_counter() - started)
