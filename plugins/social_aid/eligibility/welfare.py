"""The regency's DTSEN list (or the village's survey) as welfare records: a CSV read row by row,
matched to the village's families by KK number, with a report line for every row."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from core.kernel import Kernel
from plugins.population import public as population
from plugins.social_aid.tables import WelfareRecord

ENTITY = "social_aid.welfare"
COLUMNS = ("no_kk", "desil", "sakit_menahun", "kehilangan_pekerjaan", "kriteria_bps")
MAX_ROWS = 20_000
YES = {"1", "ya", "y", "true"}
NO = {"", "0", "tidak", "t", "false"}


@dataclass(frozen=True)
class RowReport:
    line: int
    kk_number: str
    ok: bool
    message: str


def _flag(value: str) -> bool | None:
    lowered = value.strip().lower()
    return True if lowered in YES else False if lowered in NO else None


def _problem(row: dict[str, str]) -> str | None:
    kk = row.get("no_kk", "").strip()
    if len(kk) != 16 or not kk.isdigit():
        return "No. KK harus 16 digit angka."
    decile = row.get("desil", "").strip()
    if not decile.isdecimal() or not 1 <= int(decile) <= 10:
        return "Desil harus bilangan bulat 1 sampai 10."
    for key, label in (
        ("sakit_menahun", "Sakit menahun"),
        ("kehilangan_pekerjaan", "Kehilangan pekerjaan"),
    ):
        if _flag(row.get(key, "")) is None:
            return f"{label} harus 'ya' atau 'tidak'."
    criteria = row.get("kriteria_bps", "").strip() or "0"
    if not criteria.isdecimal() or int(criteria) > 14:
        return "Kriteria BPS harus bilangan bulat 0 sampai 14."
    return None


async def import_csv(
    kernel: Kernel, village_code: str, content: bytes, *, source: str, actor: str, now: datetime
) -> list[RowReport]:
    """Record every valid row whose KK is in this village; the report says what became of each."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [RowReport(0, "", False, "Berkas harus CSV dengan pengodean UTF-8.")]
    reader = csv.DictReader(
        io.StringIO(text), delimiter=";" if text.count(";") > text.count(",") else ","
    )
    missing = [c for c in COLUMNS[:2] if c not in (reader.fieldnames or [])]
    if missing:
        return [
            RowReport(
                1,
                "",
                False,
                f"Kolom wajib tidak ada: {', '.join(missing)}. Kolom: {', '.join(COLUMNS)}.",
            )
        ]
    reports: list[RowReport] = []
    for line, row in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            reports.append(
                RowReport(
                    line,
                    "",
                    False,
                    f"Berkas lebih dari {MAX_ROWS} baris; bagi menjadi beberapa berkas.",
                )
            )
            break
        clean = {k: (v or "").strip() for k, v in row.items() if k}
        kk = clean.get("no_kk", "")
        problem = _problem(clean)
        if problem is None and await population.family_by_kk(kk) is None:
            problem = "No. KK tidak terdaftar di desa ini."
        if problem is not None:
            reports.append(RowReport(line, kk, False, problem))
            continue
        await WelfareRecord.insert(
            WelfareRecord(
                village_code=village_code,
                kk_number=kk,
                decile=int(clean["desil"]),
                chronic_illness=bool(_flag(clean.get("sakit_menahun", ""))),
                lost_livelihood=bool(_flag(clean.get("kehilangan_pekerjaan", ""))),
                bps_criteria=int(clean.get("kriteria_bps") or 0),
                source=source[:40],
                recorded_by=actor,
                recorded_at=now,
            )
        )
        reports.append(RowReport(line, kk, True, f"Desil {int(clean['desil'])} dicatat."))
    recorded = sum(1 for r in reports if r.ok)
    await kernel.audit(
        village_code,
        actor=actor,
        action="import",
        entity=ENTITY,
        entity_id=source[:40],
        after={"rows": len(reports), "recorded": recorded},
    )
    return reports
