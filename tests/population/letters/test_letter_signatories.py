"""A village keeps its signatories (name, NIP, jabatan, active); the head picks the one a letter
names, and the letter, its PDF and its public verification show them."""

from __future__ import annotations

from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader

from core.testing.harness import TEST_PASSWORD
from plugins.population.letters.tables import LetterSignatory

NIK = "3527014506900001"
NIP = "197001012000031005"


def _text(pdf: bytes) -> str:
    kids = PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Kids"]
    return "".join(kid.get_object()["/Contents"].data.decode("latin-1") for kid in kids)


async def _add(admin, village, **values):
    return await admin.post(f"{village.url}/surat/penanda-tangan", data={"active": "1", **values})


async def test_a_wrong_nip_is_refused_naming_the_field_and_keeping_what_was_typed(kampung):
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    response = await _add(admin, village, name="Moh. Hasan", nip="12345", position="Sekdes")
    assert response.status_code == 422
    assert "NIP harus 18 angka" in response.text
    assert 'value="Moh. Hasan"' in response.text and 'value="12345"' in response.text


async def test_the_head_signs_as_the_chosen_official_and_the_letter_shows_nip_and_title(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    admin = await kampung.login("village_admin", village)
    assert (
        await _add(admin, village, name="Abd. Rahman", position="Kepala Desa")
    ).status_code == 303
    assert (
        await _add(admin, village, name="Moh. Hasan", nip=NIP, position="Sekretaris Desa")
    ).status_code == 303
    assert (
        await _add(admin, village, name="Pensiunan", position="Sekretaris Desa", active="")
    ).status_code == 303
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    assert (await act(secretary, village, letter_id, "periksa")).status_code == 200

    confirm = await head.get(f"{village.url}/surat/{letter_id}/tandatangani")
    assert "Moh. Hasan — Sekretaris Desa (NIP 197001012000031005)" in confirm.text
    assert "Pensiunan" not in confirm.text
    url = f"{village.url}/surat/{letter_id}/aksi/tandatangani"
    unchosen = await head.post(url, data={"kata_sandi": TEST_PASSWORD})
    assert unchosen.status_code == 422 and "Penanda tangan wajib dipilih" in unchosen.text

    async with kampung.scope(village.code):
        row = await LetterSignatory.select().where(LetterSignatory.name == "Moh. Hasan").first()
    hasan = str(row["id"])
    signed = await head.post(url, data={"kata_sandi": TEST_PASSWORD, "penanda_tangan": hasan})
    assert signed.status_code == 303

    letter = (await head.get(f"{village.api}/surat/{letter_id}")).json()
    assert letter["status"] == "ditandatangani"
    pdf = (await head.get(f"{village.url}/surat/{letter_id}/pdf")).content
    text = _text(pdf)
    assert "MOH. HASAN" in text and f"NIP. {NIP}" in text and "a.n. Kepala Desa" in text
    detail = await head.get(f"{village.url}/surat/{letter_id}")
    assert "Moh. Hasan" in detail.text
