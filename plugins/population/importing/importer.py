"""Importing a register file into the database: streamed, batched, and safe to repeat.

Rows are read one at a time and written 1,000 at a time, so memory stays flat whatever the size
of the file. The database decides what is "already present" (one query per batch), which is what
makes a second import of the same file create nobody. Everything runs in the caller's
transaction: a failure leaves nothing half-imported. A dry run is the same import inside a
savepoint that is rolled back, so its report is exactly what the real run would say.

A NIK may already belong to a living resident of another village, which Row-Level Security hides
from this transaction while the regency-wide unique index still sees it. Such a batch fails on
insert; it is retried row by row and each clashing resident is stored with the NIK flagged
"NIK perlu diperiksa" (the index does not cover flagged numbers) and a warning naming the row.
A KK number already active in another village is handled the same way, except that a family
cannot be flagged: its rows are rejected with the reason.

A NIK met twice in one file is one person written twice, or two people one of whom has the
wrong number (a NIK Excel cut short included): the later row is rejected naming both rows,
whatever the format and whichever village the rows name. The NIKs met are kept as integers
with their row numbers (about 110 bytes a row: 220 MB for a two-million-row regency file), not
looked up in the database, which would cost a query per batch and still could not name the
first row.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plugins.population.importing.bulk import (
    UNIQUE_VIOLATIONS,
    existing_values,
    insert_rows,
    savepoint,
)
from plugins.population.importing.formats import COLUMNS, VILLAGE_COLUMN
from plugins.population.importing.limits import COMMAND_LIMITS, ReadLimits
from plugins.population.importing.normalizing import NIK_NEEDS_CHECK
from plugins.population.importing.pipeline import columns_ignored, file_format_of, outcomes
from plugins.population.importing.reading import Row
from plugins.population.importing.record import ImportRecord
from plugins.population.importing.report import ImportReport
from plugins.population.tables import Family, Resident

BATCH_ROWS = 1000
ALL_VILLAGES = "ALL"
RESIDENT_COLUMNS = (
    "village_code", "family", "nik", "nik_temporary", "nik_needs_check", "name", "name_key",
    "sex", "birth_place", "birth_date", "religion", "education", "occupation", "marital_status",
    "relationship", "citizenship", "blood_type", "disability", "father_nik", "father_name",
    "mother_nik", "mother_name", "phone", "documents", "dusun", "rw", "rt", "address", "status",
    "version", "created_at", "updated_at",
)  # fmt: skip
_NIK_INDEX = RESIDENT_COLUMNS.index("nik")
_CHECK_INDEX = RESIDENT_COLUMNS.index("nik_needs_check")
FAMILY_COLUMNS = (
    "village_code", "kk_number", "address", "dusun", "rw", "rt", "active", "created_at",
    "version",
)  # fmt: skip
NIK_TAKEN = (
    f"NIK sudah tercatat sebagai penduduk hidup di desa lain; disimpan dengan tanda "
    f"'{NIK_NEEDS_CHECK}'."
)
Progress = Callable[[int], None]


def name_key(name: str) -> str:
    """The form names are searched and matched by: lower case, single spaces."""
    return " ".join(name.lower().split())


def _fit(value: str | None, length: int) -> str:
    return (value or "")[:length]


@dataclass(frozen=True, slots=True)
class Target:
    """Where the rows go: one village, or (regency IT) every village named in `kode_desa`."""

    scope_code: str
    villages: frozenset[str] | None = None
    """With a regency import, the village codes rows may name; None for a one-village import."""

    def village_of(self, row: Row) -> tuple[str | None, str | None]:
        """(village code, None) for a row to import, or (None, reason) for one to reject."""
        raw = row.get(VILLAGE_COLUMN)
        named = str(raw).strip() if raw not in (None, "") else None
        if self.villages is None:
            if named is None or named == self.scope_code:
                return self.scope_code, None
            return None, (
                f"Kolom '{VILLAGE_COLUMN}': baris ini untuk desa {named}, "
                f"bukan desa {self.scope_code}."
            )
        if named is None:
            return None, f"Kolom '{VILLAGE_COLUMN}' kosong: impor kabupaten perlu kode desa."
        if named not in self.villages:
            return None, f"Kolom '{VILLAGE_COLUMN}': desa {named} tidak ada di kabupaten ini."
        return named, None


class _Run:
    """One pass over a file; keeps only the KK numbers it has met, to count each family once."""

    def __init__(self, engine: Any, report: ImportReport, now: dt.datetime) -> None:
        self.engine = engine
        self.report = report
        self.now = now
        self.families_seen: set[tuple[str, str]] = set()

    async def batch(self, village: str, items: list[tuple[int, ImportRecord]]) -> None:
        report = self.report
        present = await self._present(village, items)
        fresh: list[tuple[int, ImportRecord]] = []
        in_batch: set[str] = set()
        for number, record in items:
            nik = record.nik if record.nik and not record.nik_needs_check else None
            key = nik or f"{record.no_kk}|{name_key(record.name)}|{record.birth_date}"
            if key in present or key in in_batch:
                report.residents_present += 1
            else:
                in_batch.add(key)
                fresh.append((number, record))
        families = await self._families(village, items, {r.no_kk for _, r in fresh})
        rows = []
        for number, record in fresh:
            family = families.get(record.no_kk)
            if family is None:
                report.reject(number, f"Kolom 'no_kk': KK {record.no_kk} sudah aktif di desa lain.")
                continue
            for warning in record.warnings:
                report.warn(number, warning)
            rows.append((number, self._resident(village, family, record)))
        await self._insert_residents(rows)

    async def _present(self, village: str, items: list[tuple[int, ImportRecord]]) -> set[str]:
        niks = {r.nik for _, r in items if r.nik and not r.nik_needs_check}
        unnumbered = {name_key(r.name) for _, r in items if not r.nik or r.nik_needs_check}
        found: set[str] = set()
        if niks:
            found.update(await existing_values(self.engine, Resident, "nik", village, list(niks)))
        if unnumbered:
            rows = await Resident.select(
                Resident.name_key, Resident.birth_date, Resident.family.kk_number
            ).where((Resident.village_code == village) & Resident.name_key.is_in(list(unnumbered)))
            found.update(
                f"{row['family.kk_number']}|{row['name_key']}|{row['birth_date']}" for row in rows
            )
        return found

    async def _families(
        self, village: str, items: list[tuple[int, ImportRecord]], needed: set[str]
    ) -> dict[str, int]:
        """KK number → family id for the batch, creating the `needed` ones not yet on file."""
        first: dict[str, ImportRecord] = {}
        for _, record in items:
            first.setdefault(record.no_kk, record)
        known = await self._family_ids(village, list(first))
        report = self.report
        for kk in first:
            if (village, kk) not in self.families_seen and kk in known:
                report.families_present += 1
                self.families_seen.add((village, kk))
        new = [self._family(village, first[kk]) for kk in first if kk not in known and kk in needed]
        try:
            async with savepoint(self.engine):
                await insert_rows(self.engine, Family, FAMILY_COLUMNS, new)
        except UNIQUE_VIOLATIONS:
            for row in new:
                try:
                    async with savepoint(self.engine):
                        await insert_rows(self.engine, Family, FAMILY_COLUMNS, [row])
                except UNIQUE_VIOLATIONS:
                    continue
        if new:
            created = await self._family_ids(village, [row[1] for row in new])
            for kk in created:
                report.families_created += 1
                self.families_seen.add((village, kk))
            known.update(created)
        return known

    @staticmethod
    async def _family_ids(village: str, numbers: list[str]) -> dict[str, int]:
        if not numbers:
            return {}
        rows = await Family.select(Family.id, Family.kk_number).where(
            (Family.village_code == village)
            & Family.kk_number.is_in(numbers)
            & (Family.active == True)  # noqa: E712
        )
        return {row["kk_number"]: row["id"] for row in rows}

    def _family(self, village: str, record: ImportRecord) -> tuple[Any, ...]:
        return (
            village, record.no_kk[:16], _fit(record.address, 200), _fit(record.dusun, 60),
            record.rw or "", record.rt or "", True, self.now, 1,
        )  # fmt: skip

    def _resident(self, village: str, family: int, record: ImportRecord) -> tuple[Any, ...]:
        nik = record.nik or ""
        documents = json.dumps(record.documents, ensure_ascii=False) if record.documents else "{}"
        name = _fit(record.name, 120)
        return (
            village, family, nik, False, record.nik_needs_check, name, name_key(name),
            record.sex, _fit(record.birth_place, 80), record.birth_date, record.religion,
            record.education, record.occupation, record.marital_status, record.relationship,
            record.citizenship or 1, record.blood_type, record.disability,
            record.father_nik or "", _fit(record.father_name, 120), record.mother_nik or "",
            _fit(record.mother_name, 120), "", documents, _fit(record.dusun, 60),
            record.rw or "", record.rt or "", _fit(record.address, 200),
            record.basic_status or 1, 1, self.now, self.now,
        )  # fmt: skip

    async def _insert_residents(self, rows: list[tuple[int, tuple[Any, ...]]]) -> None:
        try:
            async with savepoint(self.engine):
                await insert_rows(self.engine, Resident, RESIDENT_COLUMNS, [row for _, row in rows])
            self.report.residents_created += len(rows)
            return
        except UNIQUE_VIOLATIONS:
            pass
        for number, row in rows:
            try:
                async with savepoint(self.engine):
                    await insert_rows(self.engine, Resident, RESIDENT_COLUMNS, [row])
            except UNIQUE_VIOLATIONS:
                flagged = list(row)
                flagged[_CHECK_INDEX] = True
                await insert_rows(self.engine, Resident, RESIDENT_COLUMNS, [tuple(flagged)])
                self.report.warn(number, f"Kolom 'nik' {row[_NIK_INDEX]}: {NIK_TAKEN}")
            self.report.residents_created += 1


async def _import_rows(
    engine: Any,
    path: Path,
    target: Target,
    report: ImportReport,
    now: dt.datetime,
    progress: Progress | None,
    limits: ReadLimits,
) -> None:
    run = _Run(engine, report, now)
    file_format, header, rows = await asyncio.to_thread(file_format_of, path, limits)
    report.file_format = file_format
    report.ignored_columns = columns_ignored(file_format, header)
    nik_column = COLUMNS[file_format].nik
    first_rows: dict[int, int] = {}
    pending: dict[str, list[tuple[int, ImportRecord]]] = {}
    waiting = 0
    async for number, village, value in outcomes(path, file_format, header, rows, target):
        report.rows += 1
        if village is None:
            report.reject(number, value)  # type: ignore[arg-type]
            continue
        record: ImportRecord = value  # type: ignore[assignment]
        if record.nik:
            first = first_rows.setdefault(int(record.nik), number)
            if first != number:
                report.reject(number, duplicate_nik(nik_column, record.nik, first, number))
                continue
        pending.setdefault(village, []).append((number, record))
        waiting += 1
        if waiting >= BATCH_ROWS:
            for code, items in pending.items():
                await run.batch(code, items)
            pending, waiting = {}, 0
            if progress is not None:
                progress(report.rows)
    for code, items in pending.items():
        await run.batch(code, items)
    if progress is not None:
        progress(report.rows)


def duplicate_nik(column: str, nik: str, first: int, row: int) -> str:
    """The rejection of the later of two rows with one NIK, naming both."""
    return (
        f"Kolom '{column}': NIK {nik} sudah ada di baris {first}; baris {row} ditolak. "
        "Satu NIK hanya untuk satu penduduk: periksa kedua baris."
    )


class _DryRunDone(Exception):
    """Unwinds the dry run's savepoint once its report is complete."""


async def import_file(
    engine: Any,
    path: str | Path,
    target: Target,
    *,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    limits: ReadLimits = COMMAND_LIMITS,
) -> ImportReport:
    """Import `path` into `target` within the caller's (tenant-scoped) transaction.

    Raises `ImportFormatError` when the file is not a register at all, or asks more of the
    reader than `limits` allow; every row-level problem is in the report instead.
    """
    report = ImportReport(dry_run=dry_run)
    moment = now or dt.datetime.now(dt.UTC)
    if not dry_run:
        await _import_rows(engine, Path(path), target, report, moment, progress, limits)
        return report
    try:
        async with savepoint(engine):
            await _import_rows(engine, Path(path), target, report, moment, progress, limits)
            raise _DryRunDone
    except _DryRunDone:
        pass
    return report
