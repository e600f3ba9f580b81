"""Lay out an issued letter as a PDF in the shape village offices print: letterhead, number,
body, place and date, signer, and a QR code that opens the public verification page.

Everything the page shows arrives in a :class:`LetterDocument`, so the layout can be tested
and re-rendered without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from types import MappingProxyType
from typing import Literal
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from plugins.population.letters.dates import format_letter_date

Paper = Literal["A4", "F4"]

PAPER_SIZES: Mapping[Paper, tuple[float, float]] = MappingProxyType(
    {"A4": A4, "F4": (215 * mm, 330 * mm)}
)
"""Page sizes in points; F4 (folio) is what many village offices still load in the printer."""


@dataclass(frozen=True)
class Letterhead:
    """The village's letterhead (kop surat)."""

    regency: str
    """Regency name without the word "Kabupaten", e.g. ``Sampang``."""
    district: str
    """District name without the word "Kecamatan", e.g. ``Sreseh``."""
    village: str
    """Village name, e.g. ``Noreh``."""
    address: str
    """Office address line printed under the village name."""
    village_word: str = "Desa"
    """What this village is called locally (Desa, Nagari, Gampong, Kampung…)."""
    logo: bytes | None = None
    """Regency emblem as PNG or JPEG bytes, printed left of the letterhead."""


@dataclass(frozen=True)
class Signatory:
    """Who signs the letter, as printed under the place and date."""

    position: str
    """Printed position, e.g. ``Kepala Desa Noreh``."""
    name: str
    nip: str = ""
    """Civil-servant number (NIP), printed under the name when the official has one."""
    on_behalf_of: str = ""
    """``Kepala Desa Noreh`` when another official signs for the head ("a.n.")."""


@dataclass(frozen=True)
class LetterDocument:
    """Everything printed on one issued letter."""

    letterhead: Letterhead
    title: str
    """Letter title; printed in capitals and underlined."""
    number: str
    """Formatted letter number, e.g. ``474.1/007/2001/XI/2026``."""
    body: str
    """Rendered body; blank lines separate paragraphs, and a paragraph whose every line reads
    ``Label : isi`` is printed as an aligned table."""
    place: str
    """Place of issue in the date line, usually the village name."""
    issued_on: date
    signatory: Signatory
    verify_url: str
    """Public verification page the QR code opens; unused on a preview."""
    preview: bool = False
    """A draft shown to the secretary and the head before signing: stamped ``DRAF — TIDAK
    SAH`` on every page, with no number and no QR code, so a printout cannot pass for the
    signed letter."""


_FONT = "Times-Roman"
_BOLD = "Times-Bold"
_LOGO_WIDTH = 22 * mm
_QR_SIZE = 28 * mm
_SIGNATURE_SPACE = 22 * mm
_LABEL_WIDTH = 55 * mm
_INDENT = 10 * mm

_HEAD_LARGE = ParagraphStyle(
    "kop-besar", fontName=_BOLD, fontSize=16, leading=19, alignment=TA_CENTER
)
_HEAD = ParagraphStyle("kop", fontName=_BOLD, fontSize=14, leading=17, alignment=TA_CENTER)
_HEAD_ADDRESS = ParagraphStyle(
    "kop-alamat", fontName=_FONT, fontSize=10, leading=12, alignment=TA_CENTER
)
_TITLE = ParagraphStyle("judul", fontName=_BOLD, fontSize=13, leading=16, alignment=TA_CENTER)
_NUMBER = ParagraphStyle("nomor", fontName=_FONT, fontSize=12, leading=15, alignment=TA_CENTER)
_BODY = ParagraphStyle(
    "isi", fontName=_FONT, fontSize=12, leading=17, alignment=TA_JUSTIFY, spaceAfter=8
)
_CELL = ParagraphStyle("sel", fontName=_FONT, fontSize=12, leading=16)
_SIGNER = ParagraphStyle(
    "penanda-tangan", fontName=_FONT, fontSize=12, leading=16, alignment=TA_CENTER
)
_CAPTION = ParagraphStyle("keterangan-qr", fontName=_FONT, fontSize=7, leading=8.5)
_NOTE = ParagraphStyle("catatan-draf", fontName=_BOLD, fontSize=9, leading=11)


class _VerificationCode(Flowable):
    """QR code for the verification page, also a clickable link when the PDF is read on screen."""

    def __init__(self, url: str, size: float) -> None:
        super().__init__()
        self._url = url
        self._size = size
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=1)
        code.add_data(url)
        code.make(fit=True)
        png = BytesIO()
        code.make_image().save(png)
        self._image = ImageReader(BytesIO(png.getvalue()))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self._size, self._size

    def draw(self) -> None:
        self.canv.drawImage(self._image, 0, 0, self._size, self._size)
        self.canv.linkURL(self._url, (0, 0, self._size, self._size), relative=1)


def _letterhead(head: Letterhead, width: float) -> list[Flowable]:
    lines = [
        Paragraph(f"PEMERINTAH KABUPATEN {escape(head.regency.upper())}", _HEAD),
        Paragraph(f"KECAMATAN {escape(head.district.upper())}", _HEAD),
        Paragraph(escape(f"{head.village_word} {head.village}".upper()), _HEAD_LARGE),
        Paragraph(escape(head.address), _HEAD_ADDRESS),
    ]
    logo: Flowable | str = ""
    if head.logo is not None:
        logo_width, logo_height = ImageReader(BytesIO(head.logo)).getSize()
        logo = Image(BytesIO(head.logo), _LOGO_WIDTH, _LOGO_WIDTH * logo_height / logo_width)
    side = _LOGO_WIDTH + 4 * mm
    table = Table([[logo, lines, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [
        table,
        HRFlowable(width="100%", thickness=2, color="black", spaceBefore=4, spaceAfter=1.5),
        HRFlowable(width="100%", thickness=0.6, color="black", spaceAfter=14),
    ]


def _body(text: str, width: float) -> list[Flowable]:
    flowables: list[Flowable] = []
    for block in (part.strip() for part in text.split("\n\n")):
        if not block:
            continue
        lines = block.splitlines()
        rows = [line.partition(" : ") for line in lines]
        if all(separator for _, separator, _ in rows):
            table = Table(
                [
                    [Paragraph(escape(label), _CELL), ":", Paragraph(escape(value), _CELL)]
                    for label, _, value in rows
                ],
                colWidths=[_LABEL_WIDTH, 4 * mm, width - _LABEL_WIDTH - 4 * mm],
                hAlign="LEFT",
            )
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (1, 0), (1, -1), _FONT, 12),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("LEFTPADDING", (0, 0), (0, -1), _INDENT),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ]
                )
            )
            flowables += [table, Spacer(0, 8)]
        else:
            flowables.append(Paragraph("<br/>".join(escape(line) for line in lines), _BODY))
    return flowables


PREVIEW_STAMP = "DRAF — TIDAK SAH"
PREVIEW_NUMBER = "(diberikan saat ditandatangani)"
PREVIEW_NOTE = (
    "PRATINJAU DRAF: surat ini belum ditandatangani, belum bernomor, tidak sah, "
    "dan tidak dapat diverifikasi."
)


def _verification(letter: LetterDocument) -> list[Flowable]:
    if letter.preview:
        return [Paragraph(f"<b>{escape(PREVIEW_NOTE)}</b>", _NOTE)]
    return [
        _VerificationCode(letter.verify_url, _QR_SIZE),
        Spacer(0, 2),
        Paragraph("Pindai untuk memeriksa keaslian surat:", _CAPTION),
        Paragraph(escape(letter.verify_url), _CAPTION),
    ]


def _signature(letter: LetterDocument) -> list[Flowable]:
    signer = letter.signatory
    lines: list[Flowable] = [
        Paragraph(escape(f"{letter.place}, {format_letter_date(letter.issued_on)}"), _SIGNER)
    ]
    if signer.on_behalf_of:
        lines.append(Paragraph(escape(f"a.n. {signer.on_behalf_of}"), _SIGNER))
    lines += [
        Paragraph(escape(signer.position), _SIGNER),
        Spacer(0, _SIGNATURE_SPACE),
        Paragraph(f"<u><b>{escape(signer.name.upper())}</b></u>", _SIGNER),
    ]
    if signer.nip:
        lines.append(Paragraph(escape(f"NIP. {signer.nip}"), _SIGNER))
    return lines


def _closing(letter: LetterDocument, width: float) -> Flowable:
    verification = _verification(letter)
    signature = _signature(letter)
    table = Table([[verification, signature]], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return KeepTogether([Spacer(0, 12), table])


def render_letter_pdf(letter: LetterDocument, *, paper: Paper) -> bytes:
    """Return the letter as an unsigned PDF, ready for `core.signing.LocalSigner`."""
    output = BytesIO()
    head = letter.letterhead
    document = SimpleDocTemplate(
        output,
        pagesize=PAPER_SIZES[paper],
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=15 * mm,
        bottomMargin=20 * mm,
        title=f"{PREVIEW_STAMP}: {letter.title}"
        if letter.preview
        else f"{letter.title} {letter.number}",
        author=f"Pemerintah {head.village_word} {head.village}",
        subject=letter.title,
        creator="Kampung",
    )
    width = document.width
    story: list[Flowable] = [
        *_letterhead(head, width),
        Paragraph(f"<u>{escape(letter.title.upper())}</u>", _TITLE),
        Paragraph(f"Nomor: {escape(PREVIEW_NUMBER if letter.preview else letter.number)}", _NUMBER),
        Spacer(0, 14),
        *_body(letter.body, width),
        _closing(letter, width),
    ]
    if letter.preview:
        document.build(story, onFirstPage=_stamp, onLaterPages=_stamp)
    else:
        document.build(story)
    return output.getvalue()


def _stamp(canvas: Canvas, document: SimpleDocTemplate) -> None:
    """The preview's watermark: large, grey, diagonal, on every page."""
    width, height = document.pagesize
    canvas.saveState()
    canvas.setFillGray(0.82)
    canvas.setFont(_BOLD, 54)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, 0, PREVIEW_STAMP)
    canvas.restoreState()
