"""The paying agent's reconciliation file (post office, bank agent): one CSV row per payout it
made, recorded like a counter payout, each row reported. A row for a slip already paid is refused
with the first payment's details, so importing the same file twice pays nobody twice."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

from core.kernel import Kernel
from plugins.social_aid.cycles import payouts

COLUMNS = ("kode_undangan", "nik", "besaran", "dibayar_pada", "tempat")
MAX_ROWS = 20_000


@dataclass(frozen=True)
class RowReport:
    line: int
    token: str
    ok: bool
    message: str


def _paid_at(raw: str, now: datetime) -> datetime | None:
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment if moment <= now else None


async def import_csv(
    kernel: Kernel,
    village_code: str,
    cycle_id: int,
    content: bytes,
    *,
    actor: str,
    now: datetime,
) -> list[RowReport]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [RowReport(0, "", False, "Berkas harus CSV dengan pengodean UTF-8.")]
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS[:4] if c not in (reader.fieldnames or [])]
    if missing:
        return [RowReport(1, "", False, f"Kolom wajib tidak ada: {', '.join(missing)}.")]
    reports: list[RowReport] = []
    for line, row in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            reports.append(RowReport(line, "", False, f"Lebih dari {MAX_ROWS} baris."))
            break
        token = (row.get("kode_undangan") or "").strip()
        found = await payouts.entitlement_for(token)
        paid_at = _paid_at(row.get("dibayar_pada") or "", now)
        problem = None
        if found is None or found["cycle"] != cycle_id:
            problem = "Kode undangan tidak ada pada siklus ini."
        elif (row.get("nik") or "").strip() != found["nik"]:
            problem = "NIK tidak sama dengan NIK pada undangan."
        elif (row.get("besaran") or "").strip() != str(found["amount"]):
            problem = f"Besaran harus {found['amount']} (rupiah bulat)."
        elif paid_at is None:
            problem = "Waktu bayar harus tanggal dan jam yang benar, tidak di masa depan."
        if problem is None:
            try:
                await payouts.record(
                    kernel,
                    village_code,
                    token,
                    channel="import",
                    place=(row.get("tempat") or "").strip(),
                    ktp_checked=True,
                    officer=actor,
                    now=paid_at or now,
                )
            except payouts.PayoutRefused as exc:
                problem = exc.message
        reports.append(RowReport(line, token, problem is None, problem or "Pembayaran dicatat."))
    return reports
