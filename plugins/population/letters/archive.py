"""The archive of letters the village issued ("Arsip Layanan"): searched, filtered, exported.

It only reads the letter tables: number, date, person, type, signatory and the signed PDF of
each letter, filtered by type, year and month, signatory, status and a search over the number,
the person's name and NIK. The page and the CSV download share `archive_rows`, so what a
download holds is exactly what the page showed under the same filter.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, datetime
from typing import Any

from core.exports import quote
from core.localtime import local_day
from plugins.population.letters.dates import format_letter_date
from plugins.population.letters.kinds import LETTER_KINDS, kind_title
from plugins.population.letters.workflow import LETTER_LIFECYCLE, REQUEST_LIFECYCLE, status_label
from plugins.population.tables import Letter

__all__ = ["ArchiveFilter", "archive_csv", "archive_rows", "signatory_names"]

PAGE_SIZE = 25


@dataclass(frozen=True)
class ArchiveFilter:
    """What the archive is narrowed to; empty values do not narrow."""

    kind: str = ""
    status: str = ""
    year: int | None = None
    month: int | None = None
    signatory: str = ""
    text: str = ""
    """Part of the letter number, the person's name or NIK."""
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> ArchiveFilter:
        def number(name: str) -> int | None:
            text = str(query.get(name) or "").strip()
            return int(text) if text.isdecimal() and len(text) <= 4 else None

        return cls(
            kind=str(query.get("jenis") or ""),
            status=str(query.get("status") or ""),
            year=number("tahun"),
            month=number("bulan"),
            signatory=str(query.get("penanda_tangan") or "")[:120],
            text=str(query.get("q") or "").strip()[:60],
            page=number("page") or 1,
        )

    def query(self) -> dict[str, Any]:
        return {
            "jenis": self.kind,
            "status": self.status,
            "tahun": self.year or "",
            "bulan": self.month or "",
            "penanda_tangan": self.signatory,
            "q": self.text,
        }


def _period(criteria: ArchiveFilter) -> tuple[datetime, datetime] | None:
    """The letter-date range of the filter, or None when it names no period."""
    year = criteria.year
    if not year or not MINYEAR < year < MAXYEAR:
        return None
    month = criteria.month if criteria.month and 1 <= criteria.month <= 12 else None
    if month is None:
        return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    after = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return datetime(year, month, 1, tzinfo=UTC), after


def _where(criteria: ArchiveFilter) -> Any:
    where = Letter.id > 0
    if criteria.kind in LETTER_KINDS:
        where &= Letter.kind == criteria.kind
    if criteria.status in LETTER_LIFECYCLE.states | REQUEST_LIFECYCLE.states:
        where &= Letter.status == criteria.status
    period = _period(criteria)
    if period:
        where &= (Letter.created_at >= period[0]) & (Letter.created_at < period[1])
    if criteria.signatory:
        where &= Letter.signer_name == criteria.signatory
    if criteria.text:
        text = criteria.text.replace("%", "").replace("_", "")
        where &= (
            Letter.number.like(f"%{text.upper()}%")
            | Letter.resident.name_key.like(f"%{text.lower()}%")
            | Letter.resident.nik.like(f"%{text}%")
        )
    return where


def _day(moment: datetime | None) -> str:
    return format_letter_date(local_day(moment)) if moment else ""


def _row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "kind_title": kind_title(row["kind"]),
        "status_label": status_label(row["status"]),
        "day": _day(row["signed_at"] or row["created_at"]),
    }


async def archive_rows(
    criteria: ArchiveFilter, *, paged: bool = True
) -> tuple[list[dict[str, Any]], int]:
    """The filtered letters, newest first, with their labels, and the number of pages."""
    where = _where(criteria)
    query = (
        Letter.select(
            Letter.id,
            Letter.village_code,
            Letter.kind,
            Letter.status,
            Letter.number,
            Letter.created_at,
            Letter.signed_at,
            Letter.signer_name,
            Letter.pdf_name,
            Letter.resident,
            Letter.resident.name.as_alias("resident_name"),
            Letter.resident.nik.as_alias("resident_nik"),
        )
        .where(where)
        .order_by(Letter.id, ascending=False)
    )
    pages = 1
    if paged:
        total = await Letter.count().where(where)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, criteria.page), pages)
        query = query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    return [_row(row) for row in await query], pages


async def signatory_names() -> list[str]:
    """The names letters were signed by, for the filter's choices."""
    rows = await Letter.select(Letter.signer_name).where(Letter.signer_name != "").distinct()
    return sorted({row["signer_name"] for row in rows})


CSV_HEADER = ("Nomor", "Tanggal", "Jenis", "Nama", "NIK", "Penanda tangan", "Status")


def archive_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV, every cell safe from spreadsheet formulas."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in rows:
        cells = (
            row["number"],
            row["day"],
            row["kind_title"],
            row["resident_name"] or "",
            row["resident_nik"] or "",
            row["signer_name"],
            row["status_label"],
        )
        writer.writerow([quote(str(cell)) for cell in cells])
    return out.getvalue()
