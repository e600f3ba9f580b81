"""The yearly report as a spreadsheet (XLSX) and a PDF: one row per village, and the regency's
total on a regency report."""

from __future__ import annotations

import io
from collections.abc import Sequence

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.i18n import _
from plugins.public_info.ppid.report import ServiceReport

PDF_TYPE = "application/pdf"


def report_columns() -> list[str]:
    return [
        _("Kode wilayah"),
        _("Wilayah"),
        _("Permohonan"),
        _("Pemohon perorangan"),
        _("Pemohon badan hukum"),
        _("Dikabulkan"),
        _("Dikabulkan sebagian"),
        _("Ditolak"),
        _("Belum dijawab"),
        _("Melewati batas waktu"),
        _("Keberatan"),
        _("Median hari kerja sampai dijawab"),
    ]


def report_values(report: ServiceReport, name: str) -> list[object]:
    median = report.median_days
    return [
        report.village_code,
        name,
        report.requests,
        report.by_individuals,
        report.by_organisations,
        report.granted,
        report.partly,
        report.refused,
        report.open,
        report.late,
        report.objections,
        "" if median is None else median,
    ]


def report_xlsx(year: int, rows: Sequence[tuple[ServiceReport, str]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(_("Laporan %(year)s") % {"year": year})
    sheet.append(report_columns())
    for report, name in rows:
        sheet.append(report_values(report, name))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_pdf(year: int, title: str, rows: Sequence[tuple[ServiceReport, str]]) -> bytes:
    """The report as a one-table PDF on landscape A4, for the village's yearly publication."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), title=title, leftMargin=28, rightMargin=28
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=9)
    header = [Paragraph(column, small) for column in report_columns()[1:]]
    body = [
        [Paragraph(str(value if value != "" else "-"), small) for value in values[1:]]
        for values in (report_values(report, name) for report, name in rows)
    ]
    table = Table([header, *body], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8efe9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    document.build([Paragraph(title, styles["Title"]), Spacer(1, 8), table])
    return buffer.getvalue()
