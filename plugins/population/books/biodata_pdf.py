"""The printed resident sheet (biodata penduduk): one person's register entry on one A4/F4 page.

Laid out like the civil registry's biodata form: personal data, family, address and status,
with the village's heading and the head's signature line. It prints what the village register
holds; it is not the civil registry's own document, and says so at the foot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.i18n import _
from plugins.population.books.filters import Paper
from plugins.population.books.paper import portrait
from plugins.population.books.place import VillagePlace

FONT, BOLD = "Helvetica", "Helvetica-Bold"
_GOV = ParagraphStyle("gov", fontName=BOLD, fontSize=11, leading=13.5, alignment=TA_CENTER)
_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER)
_SUB = ParagraphStyle("sub", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER)
_SECTION = ParagraphStyle("section", fontName=BOLD, fontSize=10, leading=13, spaceBefore=6)
_CELL = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11.5)
_SIGN = ParagraphStyle("sign", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER)
_NOTE = ParagraphStyle("note", fontName=FONT, fontSize=7, leading=9)
NOTE = (
    "Dicetak dari register penduduk desa; bukan dokumen kependudukan yang diterbitkan "
    "Dinas Kependudukan dan Pencatatan Sipil."
)


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    fields: Sequence[tuple[str, str]]


def heading(place: VillagePlace) -> list[Flowable]:
    """The government heading and its double rule, shared by the resident sheet and the KK."""
    return [
        *(Paragraph(escape(line), _GOV) for line in place.government()),
        HRFlowable(width="100%", thickness=1.6, color="black", spaceBefore=3, spaceAfter=1.2),
        HRFlowable(width="100%", thickness=0.5, color="black", spaceAfter=8),
    ]


def signature(place: VillagePlace, width: float) -> Flowable:
    block = [
        Paragraph(escape(place.place_and_date), _SIGN),
        Paragraph(escape(place.signer), _SIGN),
        Spacer(0, 18 * mm),
        Paragraph("( .................................... )", _SIGN),
    ]
    table = Table([["", block]], colWidths=[width * 0.55, width * 0.45])
    return KeepTogether([Spacer(0, 8), table])


def footnote(place: VillagePlace) -> Paragraph:
    return Paragraph(escape(f"{NOTE} Dicetak {place.printed_at}."), _NOTE)


def _section(section: Section, width: float) -> list[Flowable]:
    rows = [
        [Paragraph(escape(label), _CELL), ":", Paragraph(escape(value or "-"), _CELL)]
        for label, value in section.fields
    ]
    table = Table(rows, colWidths=[52 * mm, 4 * mm, width - 56 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (1, 0), (1, -1), FONT, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return [Paragraph(escape(section.title.upper()), _SECTION), table]


def render_biodata(
    place: VillagePlace, name: str, nik: str, sections: Sequence[Section], paper: Paper
) -> bytes:
    output = BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=portrait(paper),
        leftMargin=20 * mm,
        rightMargin=15 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=_("Biodata Penduduk {name}").format(name=name),
        author=place.government()[-1],
        creator="Kampung",
    )
    width = document.width
    story: list[Flowable] = [
        *heading(place),
        Paragraph("BIODATA PENDUDUK", _TITLE),
        Paragraph(escape(f"NIK {nik}"), _SUB),
        Spacer(0, 6),
    ]
    for section in sections:
        story += _section(section, width)
    story += [signature(place, width), Spacer(0, 6), footnote(place)]
    document.build(story)
    return output.getvalue()
