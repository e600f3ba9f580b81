"""The printed letter: paper size, letterhead, number, signer block and verification QR code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import pytest
from PIL import Image
from pyhanko.pdf_utils.generic import DictionaryObject
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.lib.units import mm

from plugins.population.letters.pdf import (
    LetterDocument,
    Letterhead,
    Signatory,
    render_letter_pdf,
)

VERIFY_URL = "https://sampang.example.id/surat/verifikasi/9f2c1a7e"


@pytest.fixture
def letter() -> LetterDocument:
    return LetterDocument(
        letterhead=Letterhead(
            regency="Sampang",
            district="Sreseh",
            village="Noreh",
            address="Jalan Raya Noreh No. 1, Sreseh 69273",
        ),
        title="Surat Keterangan Kelahiran",
        number="474.1/007/2001/XI/2026",
        body=(
            "Yang bertanda tangan di bawah ini menerangkan bahwa:\n\n"
            "Nama : Ahmad Fauzi\nJenis Kelamin : Laki-laki\n\n"
            "Demikian surat keterangan ini dibuat dengan sebenarnya."
        ),
        place="Noreh",
        issued_on=date(2026, 11, 23),
        signatory=Signatory(position="Kepala Desa Noreh", name="Moh. Hasan"),
        verify_url=VERIFY_URL,
    )


def _pages(pdf: bytes) -> list[DictionaryObject]:
    kids = PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Kids"]
    return [kid.get_object() for kid in kids]


def _content(page: DictionaryObject) -> str:
    """The page's drawing commands, with a line's text runs joined into one string."""
    return page["/Contents"].data.decode("latin-1").replace(") Tj (", "")


def _images(resources: DictionaryObject) -> list[DictionaryObject]:
    """Image XObjects on a page, including those reportlab wraps in form XObjects."""
    found: list[DictionaryObject] = []
    for xobject in resources.get("/XObject", DictionaryObject()).values():
        xobject = xobject.get_object()
        if xobject["/Subtype"] == "/Image":
            found.append(xobject)
        elif "/Resources" in xobject:
            found += _images(xobject["/Resources"])
    return found


def _size_in_mm(page: DictionaryObject) -> tuple[int, int]:
    left, bottom, right, top = (float(value) for value in page["/MediaBox"])
    return round((right - left) / mm), round((top - bottom) / mm)


@pytest.mark.parametrize(("paper", "size"), [("A4", (210, 297)), ("F4", (215, 330))])
def test_letter_is_printed_on_the_chosen_paper(
    letter: LetterDocument, paper: str, size: tuple[int, int]
) -> None:
    (page,) = _pages(render_letter_pdf(letter, paper=paper))  # type: ignore[arg-type]
    assert _size_in_mm(page) == size


def test_letter_shows_letterhead_title_number_date_and_signer(letter: LetterDocument) -> None:
    content = _content(_pages(render_letter_pdf(letter, paper="A4"))[0])
    for text in [
        "(PEMERINTAH KABUPATEN SAMPANG)",
        "(KECAMATAN SRESEH)",
        "(DESA NOREH)",
        "(Jalan Raya Noreh No. 1, Sreseh 69273)",
        "(SURAT KETERANGAN KELAHIRAN)",
        "(Nomor: 474.1/007/2001/XI/2026)",
        "(Noreh, 23 November 2026)",
        "(Kepala Desa Noreh)",
        "(MOH. HASAN)",
        "(Ahmad Fauzi)",
    ]:
        assert text in content


def test_local_name_for_a_village_is_used_in_the_letterhead(letter: LetterDocument) -> None:
    nagari = replace(letter, letterhead=replace(letter.letterhead, village_word="Nagari"))
    assert "(NAGARI NOREH)" in _content(_pages(render_letter_pdf(nagari, paper="A4"))[0])


def test_qr_code_is_printed_and_links_to_the_verification_page(letter: LetterDocument) -> None:
    (page,) = _pages(render_letter_pdf(letter, paper="F4"))
    (qr_code,) = _images(page["/Resources"])
    assert qr_code["/Width"] == qr_code["/Height"]
    links = [annotation.get_object()["/A"]["/URI"] for annotation in page["/Annots"]]
    assert links == [VERIFY_URL]
    assert f"({VERIFY_URL})" in _content(page)


def test_regency_logo_is_printed_beside_the_letterhead(letter: LetterDocument) -> None:
    logo = BytesIO()
    Image.new("RGB", (200, 240), "green").save(logo, "PNG")
    with_logo = replace(letter, letterhead=replace(letter.letterhead, logo=logo.getvalue()))
    (page,) = _pages(render_letter_pdf(with_logo, paper="A4"))
    widths = sorted(int(image["/Width"]) for image in _images(page["/Resources"]))
    assert 200 in widths and len(widths) == 2


def test_text_that_looks_like_markup_is_printed_literally(letter: LetterDocument) -> None:
    tricky = replace(letter, body='Usaha "Maju & Jaya" <b>cabang</b> 2 < 3')
    content = _content(_pages(render_letter_pdf(tricky, paper="A4"))[0])
    assert '(Usaha "Maju & Jaya" <b>cabang</b> 2 < 3)' in content


def test_a_long_letter_continues_on_the_next_page(letter: LetterDocument) -> None:
    long_body = "\n\n".join(f"Paragraf ke-{number} dari keterangan." for number in range(80))
    pages = _pages(render_letter_pdf(replace(letter, body=long_body), paper="A4"))
    assert len(pages) > 1
    assert "(Nomor: 474.1/007/2001/XI/2026)" in _content(pages[0])
    assert "(MOH. HASAN)" in _content(pages[-1])
