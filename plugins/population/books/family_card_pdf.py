"""The printed family card view: a KK's members on one landscape page, in the KK's layout.

The KK's own two tables (identity, then marriage, relationship, citizenship and parents) under
the card's heading block. Only members still living in the village are printed, as a reissued
card would list them; the footnote says this is the register's view, not the card itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.i18n import _
from plugins.population.books.biodata_pdf import footnote, heading, signature
from plugins.population.books.filters import Paper
from plugins.population.books.paper import wide
from plugins.population.books.place import VillagePlace

FONT, BOLD = "Helvetica", "Helvetica-Bold"
_TITLE = ParagraphStyle("kk-title", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER)
_NUMBER = ParagraphStyle("kk-no", fontName=BOLD, fontSize=10, leading=13, alignment=TA_CENTER)
_CELL = ParagraphStyle("kk-cell", fontName=FONT, fontSize=7.5, leading=9)
_HEAD = ParagraphStyle("kk-head", fontName=BOLD, fontSize=7, leading=8.5, alignment=TA_CENTER)
_INFO = ParagraphStyle("kk-info", fontName=FONT, fontSize=8.5, leading=11)

IDENTITY = (
    ("No", 1),
    ("Nama Lengkap", 6),
    ("NIK", 4.5),
    ("Jenis Kelamin", 2.8),
    ("Tempat Lahir", 3.5),
    ("Tanggal Lahir", 2.8),
    ("Agama", 2.6),
    ("Pendidikan", 4),
    ("Jenis Pekerjaan", 4),
    ("Golongan Darah", 3),
)
FAMILY = (
    ("No", 1),
    ("Status Perkawinan", 3.2),
    ("Tanggal Perkawinan", 3),
    ("Status Hubungan dalam Keluarga", 4),
    ("Kewarganegaraan", 3.6),
    ("No. Paspor", 3),
    ("No. KITAP", 3),
    ("Nama Ayah", 6),
    ("Nama Ibu", 6),
)


@dataclass(frozen=True, slots=True)
class CardMember:
    identity: Sequence[str]
    """Nama … Golongan darah, in `IDENTITY` order without the number."""
    family: Sequence[str]
    """Status perkawinan … Nama ibu, in `FAMILY` order without the number."""


def _table(header: Sequence[tuple[str, float]], rows: list[list[str]], width: float) -> Table:
    total = sum(weight for _, weight in header)
    data = [[Paragraph(escape(label.upper()), _HEAD) for label, _ in header]]
    data += [[Paragraph(escape(cell or "-"), _CELL) for cell in row] for row in rows]
    table = Table(data, colWidths=[width * weight / total for _, weight in header], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _info(pairs: Sequence[tuple[str, str]]) -> list[list[Paragraph | str]]:
    return [
        [Paragraph(escape(label), _INFO), ":", Paragraph(escape(value or "-"), _INFO)]
        for label, value in pairs
    ]


def render_family_card(
    place: VillagePlace,
    kk_number: str,
    head_name: str,
    address: Sequence[tuple[str, str]],
    members: Sequence[CardMember],
    paper: Paper,
) -> bytes:
    output = BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=wide(paper),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=_("Kartu Keluarga {kk_number}").format(kk_number=kk_number),
        author=place.government()[-1],
        creator="Kampung",
    )
    width = document.width
    region = [
        (f"{place.word}/Kelurahan", place.village),
        ("Kecamatan", place.district),
        ("Kabupaten/Kota", place.regency),
        ("Provinsi", place.province),
    ]
    label_widths = [40 * mm, 4 * mm, width / 2 - 48 * mm]
    left = Table(
        _info([("Nama Kepala Keluarga", head_name), *address]),
        colWidths=label_widths,
        hAlign="LEFT",
    )
    right = Table(_info(region), colWidths=label_widths, hAlign="LEFT")
    for block in (left, right):
        block.setStyle(
            TableStyle(
                [("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
            )
        )
    story: list[Flowable] = [
        *heading(place),
        Paragraph("KARTU KELUARGA", _TITLE),
        Paragraph(escape(f"No. {kk_number}"), _NUMBER),
        Spacer(0, 6),
        Table([[left, right]], colWidths=[width / 2, width / 2]),
        Spacer(0, 6),
        _table(IDENTITY, [[str(i + 1), *m.identity] for i, m in enumerate(members)], width),
        Spacer(0, 6),
        _table(FAMILY, [[str(i + 1), *m.family] for i, m in enumerate(members)], width),
        signature(place, width),
        Spacer(0, 4),
        footnote(place),
    ]
    document.build(story)
    return output.getvalue()
