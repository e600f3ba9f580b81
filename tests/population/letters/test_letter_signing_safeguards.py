"""Before a letter is signed the head sees it (a draft preview), confirms on a page of its own,
and types his own password; a wrong one signs nothing and is audited."""

from __future__ import annotations

import re
from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader

from core.audit import changes_of
from core.testing.harness import TEST_PASSWORD
from plugins.population.letters.pdf import PREVIEW_STAMP

NIK = "3527014506900001"


async def _checked(kampung, village, add_resident, draft, act):
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    assert (await act(secretary, village, letter_id, "periksa")).status_code == 200
    return letter_id


def _page_text(pdf: bytes) -> str:
    kids = PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Kids"]
    return "".join(kid.get_object()["/Contents"].data.decode("latin-1") for kid in kids)


async def test_signing_without_a_password_is_refused_and_signs_nothing(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    letter_id = await _checked(kampung, village, add_resident, draft, act)
    head = await kampung.login("village_head", village)

    response = await act(head, village, letter_id, "tandatangani", kata_sandi="")

    assert response.status_code == 422
    assert "Kata sandi Anda wajib diisi" in response.text
    letter = (await head.get(f"{village.api}/surat/{letter_id}")).json()
    assert letter["status"] == "diperiksa" and letter["number"] == ""


async def test_a_wrong_password_is_refused_in_indonesian_and_the_attempt_audited(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    letter_id = await _checked(kampung, village, add_resident, draft, act)
    head = await kampung.login("village_head", village)

    response = await act(head, village, letter_id, "tandatangani", kata_sandi="bukan-sandinya")

    assert response.status_code == 422
    assert "Kata sandi salah. Surat belum ditandatangani." in response.text
    letter = (await head.get(f"{village.api}/surat/{letter_id}")).json()
    assert letter["status"] == "diperiksa" and letter["pdf_sha256"] == ""
    async with kampung.scope(village.code):
        actions = [row["action"] for row in await changes_of(village.code, "letter", letter_id)]
    assert "tandatangani_ditolak" in actions and "tandatangani" not in actions


async def test_the_sign_button_opens_a_confirmation_that_works_without_javascript(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    letter_id = await _checked(kampung, village, add_resident, draft, act)
    head = await kampung.login("village_head", village)
    detail = await head.get(f"{village.url}/surat/{letter_id}")
    assert f'href="{village.url}/surat/{letter_id}/tandatangani"' in detail.text
    assert f'action="{village.url}/surat/{letter_id}/aksi/tandatangani"' not in detail.text

    confirm = await head.get(f"{village.url}/surat/{letter_id}/tandatangani")
    assert confirm.status_code == 200
    assert 'type="password"' in confirm.text and 'name="kata_sandi"' in confirm.text
    assert f"/surat/{letter_id}/pratinjau" in confirm.text

    url = f"{village.url}/surat/{letter_id}/aksi/tandatangani"
    wrong = await head.post(url, data={"kata_sandi": "salah"})
    assert wrong.status_code == 422
    assert "Kata sandi salah" in wrong.text and 'name="kata_sandi"' in wrong.text

    signed = await head.post(url, data={"kata_sandi": TEST_PASSWORD})
    assert signed.status_code == 303
    letter = (await head.get(f"{village.api}/surat/{letter_id}")).json()
    assert letter["status"] == "ditandatangani" and letter["number"]


async def test_a_draft_has_a_stamped_preview_that_is_never_the_signed_file(
    kampung, add_resident, draft
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    detail = await operator.get(f"{village.url}/surat/{letter_id}")
    assert f"/surat/{letter_id}/pratinjau" in detail.text

    preview = await operator.get(f"{village.url}/surat/{letter_id}/pratinjau")

    assert preview.status_code == 200
    assert preview.headers["content-type"] == "application/pdf"
    text = _page_text(preview.content)
    assert "TIDAK SAH" in PREVIEW_STAMP and "TIDAK SAH" in text and "PRATINJAU" in text
    assert "Nomor: \\(diberikan saat ditandatangani\\)" in text
    assert "/verifikasi/surat/" not in text and "/Annots" not in preview.content.decode("latin-1")
    assert (await operator.get(f"{village.url}/surat/{letter_id}/pdf")).status_code == 404
    letters_dir = kampung.settings.data_path / "letters" / village.code
    assert not letters_dir.exists() or not list(letters_dir.iterdir())


async def test_the_preview_of_a_signed_letter_sends_to_the_signed_pdf(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    letter_id = await _checked(kampung, village, add_resident, draft, act)
    head = await kampung.login("village_head", village)
    assert (await act(head, village, letter_id, "tandatangani")).status_code == 200
    response = await head.get(f"{village.url}/surat/{letter_id}/pratinjau")
    assert response.status_code == 303
    assert re.search(rf"/surat/{letter_id}/pdf$", response.headers["location"])
