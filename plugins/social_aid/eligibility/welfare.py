"""The regency's DTSEN list (or a village's survey) as welfare records: a CSV or XLSX read row by
row, each row matched to a resident by NIK (or to a family by KK number) in the importer's scope —
the village's own register, or every village of the regency when the regency imports — with a
report line for every row. A welfare record belongs to the family's village, so the regency's one
upload lands in each village's own data, and each village's trail records what it received."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime

from core.kernel import Kernel
from core.spreadsheets import SpreadsheetError, read_table
from plugins.population import public as population
from plugins.social_aid.tables import WelfareRecord

ENTITY = "social_aid.welfare"
COLUMNS = ("nik", "no_kk", "desil", "sakit_menahun", "kehilangan_pekerjaan", "kriteria_bps")
IDENTIFIERS = ("nik", "no_kk")
MAX_ROWS = 20_000
YES = {"1", "ya", "y", "true"}
NO = {"", "0", "tidak", "t", "false"}


@dataclass(frozen=True)
class RowReport:
    line: int
    kk_number: str
    ok: bool
    message: str
    nik: str = ""
    village_code: str = ""
    """Where the row was recorded (a regency import spreads over villages)."""


def _flag(value: str) -> bool | None:
    lowered = value.strip().lower()
    return True if lowered in YES else False if lowered in NO else None


def _problem(row: dict[str, str]) -> str | None:
    nik, kk = row.get("nik", ""), row.get("no_kk", "")
    if not nik and not kk:
        return "Isi NIK atau No. KK."
    if nik and (len(nik) != 16 or not nik.isdigit()):
        return "NIK harus 16 digit angka."
    if kk and (len(kk) != 16 or not kk.isdigit()):
        return "No. KK harus 16 digit angka."
    decile = row.get("desil", "")
    if not decile.isdecimal() or not 1 <= int(decile) <= 10:
        return "Desil harus bilangan bulat 1 sampai 10."
    for key, label in (
        ("sakit_menahun", "Sakit menahun"),
        ("kehilangan_pekerjaan", "Kehilangan pekerjaan"),
    ):
        if _flag(row.get(key, "")) is None:
            return f"{label} harus 'ya' atau 'tidak'."
    criteria = row.get("kriteria_bps", "") or "0"
    if not criteria.isdecimal() or int(criteria) > 14:
        return "Kriteria BPS harus bilangan bulat 0 sampai 14."
    return None


async def _family(row: dict[str, str], where: str) -> tuple[str, str] | str:
    """(KK number, village) of the row's family, or why it matches none."""
    nik, kk = row.get("nik", ""), row.get("no_kk", "")
    if nik:
        person = await population.person_by_nik(nik)
        if person is None:
            return f"NIK tidak terdaftar {where}."
        if not person.living:
            return f"Penduduk ber-NIK ini berstatus {person.status_label}."
        if not person.kk_number:
            return "Penduduk ber-NIK ini tidak terdaftar dalam KK."
        if kk and kk != person.kk_number:
            return f"No. KK tidak sama dengan KK penduduk ber-NIK ini ({person.kk_number})."
        return person.kk_number, person.village_code
    family = await population.family_by_kk(kk)
    if family is None:
        return f"No. KK tidak terdaftar {where}."
    return family.kk_number, family.village_code


async def import_table(
    kernel: Kernel,
    scope_code: str,
    content: bytes,
    *,
    source: str,
    actor: str,
    now: datetime,
    where: str,
) -> list[RowReport]:
    """Record every valid row whose person or family is in scope; the report says what became of
    each row. `where` names the scope in the messages ("di desa ini", "di kabupaten ini")."""
    try:
        table = read_table(content, max_rows=MAX_ROWS)
    except SpreadsheetError as error:
        return [RowReport(0, "", False, str(error))]
    if not any(column in table.columns for column in IDENTIFIERS) or "desil" not in table.columns:
        return [
            RowReport(
                1,
                "",
                False,
                "Kolom wajib: nik atau no_kk, dan desil. "
                f"Kolom yang dikenal: {', '.join(COLUMNS)}.",
            )
        ]
    reports: list[RowReport] = []
    try:
        async for report in _rows(table.rows, source, actor, now, where):
            reports.append(report)
    except SpreadsheetError as error:
        reports.append(RowReport(0, "", False, str(error)))
    await _audit(kernel, scope_code, reports, source, actor)
    return reports


async def _rows(
    rows: Iterator[tuple[int, dict[str, str]]], source: str, actor: str, now: datetime, where: str
) -> AsyncIterator[RowReport]:
    for line, row in rows:
        nik, kk = row.get("nik", ""), row.get("no_kk", "")
        problem = _problem(row)
        found = await _family(row, where) if problem is None else problem
        if isinstance(found, str):
            yield RowReport(line, kk, False, found, nik)
            continue
        kk, village_code = found
        await WelfareRecord.insert(
            WelfareRecord(
                village_code=village_code,
                kk_number=kk,
                decile=int(row["desil"]),
                chronic_illness=bool(_flag(row.get("sakit_menahun", ""))),
                lost_livelihood=bool(_flag(row.get("kehilangan_pekerjaan", ""))),
                bps_criteria=int(row.get("kriteria_bps") or 0),
                source=source[:40],
                recorded_by=actor,
                recorded_at=now,
            )
        )
        yield RowReport(line, kk, True, f"Desil {int(row['desil'])} dicatat.", nik, village_code)


async def _audit(
    kernel: Kernel, scope_code: str, reports: list[RowReport], source: str, actor: str
) -> None:
    """The importer's trail gets the whole file; each village's, the rows it received."""
    by_village = Counter(r.village_code for r in reports if r.ok)
    recorded = sum(by_village.values())
    await kernel.audit(
        scope_code,
        actor=actor,
        action="import",
        entity=ENTITY,
        entity_id=source[:40],
        after={"rows": len(reports), "recorded": recorded, "villages": len(by_village)},
    )
    for village_code, count in sorted(by_village.items()):
        if village_code != scope_code:
            await kernel.audit(
                village_code,
                actor=actor,
                action="import",
                entity=ENTITY,
                entity_id=source[:40],
                after={"recorded": count, "imported_by": scope_code},
            )
