"""The day report the BUMDes keeps: the day's figures, per-vendor takings and the shifts, as an
XLSX sheet for its books and a PDF the manager signs. Both are built from the reconciliation, so
the paper says exactly what the ledger holds. Once the day is closed the PDF carries the
manager's electronic signature (`core.signing`, the instance's own authority, as letters and aid
payout lists do); before that it is marked a draft and left unsigned."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from core.auth.principal import Principal
from core.kernel import Kernel
from core.signing import LocalSigner, SignerIdentity
from core.tenancy.context import Tenant
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.reconciliation import reconcile
from plugins.tourism_market.market_days import days, parking
from plugins.tourism_market.money import rupiah
from plugins.tourism_market.pasaran.weton import long_date
from plugins.tourism_market.shifts.shifts import day_shifts
from plugins.tourism_market.tables import Vendor


@dataclass(frozen=True)
class DayReport:
    title: str
    figures: list[tuple[str, str]]
    vendors: list[tuple[str, int, int, int]]
    """(stall, rupiah of tokens redeemed, fee, paid out)."""
    shifts: list[tuple[str, str, int, int, int]]
    """(booth, cashier, expected, counted, difference)."""
    holds: bool


async def day_report(market: dict[str, Any], day_row: dict[str, Any]) -> DayReport:
    report = await reconcile(int(market["id"]), int(day_row["id"]))
    vehicles, parked = await parking.parking_summary(day_row["id"])
    names = {
        row["id"]: row["stall_name"]
        for row in await Vendor.select(Vendor.id, Vendor.stall_name).where(
            Vendor.market == market["id"]
        )
    }
    sold, refunded, redeemed = (report.flow(k) for k in (ops.SELL, ops.REFUND, ops.REDEEM))
    fees = sum(report.fees.values())
    figures = [
        ("Pengunjung", str(await days.visitor_total(day_row["id"]))),
        ("Koin terjual", f"{sold.tokens} ({rupiah(sold.rupiah)})"),
        ("Koin dikembalikan", f"{refunded.tokens} ({rupiah(refunded.rupiah)})"),
        ("Koin ditukar pedagang", f"{redeemed.tokens} ({rupiah(redeemed.rupiah)})"),
        ("Koin beredar dari hari ini", str(sold.tokens - refunded.tokens - redeemed.tokens)),
        ("Retribusi lapak", rupiah(fees)),
        ("Parkir", f"{vehicles} kendaraan ({rupiah(parked)})"),
        ("Omzet (penjualan koin bersih)", rupiah(sold.rupiah - refunded.rupiah)),
    ]
    vendors = sorted(
        (
            (
                names.get(vendor, str(vendor)),
                takings,
                report.fees.get(vendor, 0),
                takings - report.fees.get(vendor, 0),
            )
            for vendor, takings in report.takings.items()
            if takings
        ),
        key=lambda row: -row[1],
    )
    shifts = []
    for shift in await day_shifts(day_row["id"]):
        count = shift["count"] or {}
        expected, counted = int(count.get("expected") or 0), int(count.get("counted") or 0)
        shifts.append(
            (shift["booth_name"], shift["cashier"], expected, counted, counted - expected)
        )
    title = f"{market['name']} · {long_date(day_row['day'])}"
    return DayReport(title, figures, vendors, shifts, report.holds)


def as_xlsx(report: DayReport) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Ringkasan"
    sheet.append([report.title])
    for label, value in report.figures:
        sheet.append([label, value])
    takings = book.create_sheet("Pedagang")
    takings.append(["Lapak", "Nilai koin (Rp)", "Retribusi (Rp)", "Dibayar (Rp)"])
    for row in report.vendors:
        takings.append(list(row))
    shifts = book.create_sheet("Shift")
    shifts.append(["Loket", "Kasir", "Seharusnya (Rp)", "Dihitung (Rp)", "Selisih (Rp)"])
    for row in report.shifts:
        shifts.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_pdf(report: DayReport, manager: str, village: str, *, draft: bool = False) -> bytes:
    """A4, one page of figures and shifts (vendors continue on further pages), and the
    manager's signature line; a draft says so under its title."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    height = A4[1]
    y = height - 20 * mm

    def line(text: str, size: int = 10, step: float = 6) -> None:
        nonlocal y
        if y < 30 * mm:
            page.showPage()
            y = height - 20 * mm
        page.setFont("Helvetica", size)
        page.drawString(20 * mm, y, text)
        y -= step * mm

    line(f"Laporan hari pasar · {village}", 14, 8)
    line(report.title, 12, 8)
    if draft:
        line("DRAF: hari pasar belum ditutup; laporan ini belum ditandatangani.", 10, 8)
    for label, value in report.figures:
        line(f"{label}: {value}")
    line("Pembukuan seimbang" if report.holds else "PERHATIAN: pembukuan tidak seimbang", 10, 8)
    line("Shift kasir", 12, 7)
    for booth, cashier, expected, counted, difference in report.shifts:
        line(
            f"{booth} · {cashier}: seharusnya {rupiah(expected)}, dihitung {rupiah(counted)}, "
            f"selisih {rupiah(difference)}"
        )
    line("Penukaran koin pedagang", 12, 7)
    for stall, takings, fee, paid in report.vendors:
        line(f"{stall}: {rupiah(takings)} - retribusi {rupiah(fee)} = {rupiah(paid)}", 9, 5)
    y -= 10 * mm
    line("Manajer BUMDes,", 10, 20)
    line(f"( {manager} )")
    page.showPage()
    page.save()
    return out.getvalue()


def _manager(principal: Principal, tenant: Tenant) -> SignerIdentity:
    return SignerIdentity(
        id=f"user-{principal.user_id}",
        name=principal.display_name or principal.username,
        position=f"Manajer Pasar Wisata BUMDes {tenant.display_name}",
        organisation=f"BUMDes {tenant.display_name}",
    )


async def report_pdf(
    kernel: Kernel, report: DayReport, principal: Principal, tenant: Tenant, *, closed: bool
) -> bytes:
    """The day's PDF: signed by the manager who downloads it once the day is closed, a draft
    before."""
    manager = principal.display_name or principal.username
    unsigned = as_pdf(report, manager, tenant.name, draft=not closed)
    if not closed:
        return unsigned
    return await LocalSigner(kernel.settings.data_path / "signing").sign(
        unsigned,
        signer=_manager(principal, tenant),
        reason=f"Laporan hari pasar {report.title}",
        location=tenant.display_name,
    )
