"""The cycle's payout list as a PDF: programme, cycle, every recipient with their amount, and
the control totals, in the shape the approver signs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.i18n import _


@dataclass(frozen=True)
class Line:
    name: str
    masked_nik: str
    dusun: str
    amount: int


@dataclass(frozen=True)
class PayoutList:
    village: str
    programme: str
    cycle: str
    lines: Sequence[Line]

    @property
    def count(self) -> int:
        return len(self.lines)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


def rupiah(amount: int) -> str:
    return "Rp" + f"{amount:,}".replace(",", ".")


def mask(nik: str) -> str:
    """A NIK with its middle hidden: enough to tell two people apart on paper."""
    return nik[:6] + "••••••" + nik[-4:] if len(nik) == 16 else "••••"


def render(payout_list: PayoutList) -> bytes:
    """The PDF's bytes; the same list always lays out the same way."""
    buffer = BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Daftar bayar {programme}").format(programme=payout_list.programme),
        author="Kampung",
        creator="Kampung",
    )
    rows = [["No", "Nama", "NIK", "Dusun", "Besaran"]]
    rows += [
        [str(i), line.name, line.masked_nik, line.dusun or "-", rupiah(line.amount)]
        for i, line in enumerate(payout_list.lines, start=1)
    ]
    rows.append(["", "Jumlah", f"{payout_list.count} penerima", "", rupiah(payout_list.total)])
    table = Table(rows, repeatRows=1, colWidths=[12 * mm, 62 * mm, 40 * mm, 30 * mm, 30 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
            ]
        )
    )
    story = [
        Paragraph(f"Daftar Bayar {escape(payout_list.programme)}", styles["Title"]),
        Paragraph(f"{escape(payout_list.village)} · {escape(payout_list.cycle)}", styles["Normal"]),
        Spacer(1, 6 * mm),
        table,
        Spacer(1, 6 * mm),
        Paragraph(
            f"Jumlah penerima {payout_list.count}, jumlah dana {rupiah(payout_list.total)}. "
            "Daftar ini ditandatangani secara elektronik; pembayaran tidak boleh melebihinya.",
            styles["Normal"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()
