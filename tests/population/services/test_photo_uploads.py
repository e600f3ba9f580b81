"""Phone photos at the one-door counter: what the page promises is accepted, stored shrunk and
stripped; what is refused is named beside its field with everything typed kept."""

from __future__ import annotations

import re
from functools import cache
from io import BytesIO

from PIL import Image

from plugins.population.services.intake import BODY_LIMIT
from plugins.population.tables import ServiceDocument, ServiceRequest

MB = 1024 * 1024


@cache
def phone_photo(target: int = int(3.4 * MB)) -> bytes:
    """A 4000x3000 noisy JPEG just under `target` bytes, turned sideways by EXIF and with a GPS
    tag, as a phone camera writes it."""
    picture = Image.blend(
        Image.linear_gradient("L").resize((4000, 3000)).convert("RGB"),
        Image.effect_noise((4000, 3000), 60).convert("RGB"),
        0.5,
    )
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {2: (7.0, 15.0, 0.0)}
    for quality in range(95, 30, -5):
        out = BytesIO()
        picture.save(out, "JPEG", quality=quality, exif=exif)
        if len(out.getvalue()) <= target:
            return out.getvalue()
    raise AssertionError("could not make a photo of that size")


def _form(person: dict[str, str], key: str, **extra: str) -> dict[str, str]:
    return {
        "kind": "kk_baru",
        "idempotency_key": key,
        "nik": person["nik"],
        "applicant_name": "Siti Aminah",
        "applicant_nik": "3527014101880099",
        **extra,
    }


async def test_three_phone_photos_under_the_limit_are_accepted_and_stored_shrunk(
    kampung, people
) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    photo = phone_photo()
    assert 3 * MB < len(photo) <= int(3.4 * MB)
    files = {
        f"dok_{key}": (f"{key}.jpg", photo, "image/jpeg")
        for key in ("buku_nikah", "kk_lama", "ktp_el")
    }
    response = await client.post(
        village.url + "/layanan/baru", data=_form(person, "p-1"), files=files
    )
    assert response.status_code == 303, response.text[:2000]
    request_id = int(re.search(r"/layanan/(\d+)$", response.headers["location"]).group(1))
    async with kampung.scope(village.code):
        docs = await ServiceDocument.select().where(ServiceDocument.request == request_id)
    assert sorted(d["doc_key"] for d in docs) == ["buku_nikah", "kk_lama", "ktp_el"]
    for doc in docs:
        stored = kampung.settings.data_path / "uploads" / village.code / doc["stored_name"]
        data = stored.read_bytes()
        assert len(data) < len(photo) / 2
        with Image.open(BytesIO(data)) as picture:
            assert picture.format == "JPEG"
            assert picture.size == (1500, 2000)
            assert not picture.getexif()


async def test_request_form_states_the_limit_and_loads_the_resize_script(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    page = await client.get(village.url + "/layanan/baru?kind=kk_baru")
    assert "Paling besar 5 MB per berkas" in page.text
    assert f'data-max-bytes="{5 * MB}"' in page.text
    src = re.search(r'<script src="(/static/photo_resize[^"]*\.js)" defer></script>', page.text)
    assert "<script>" not in page.text
    script = await client.get(src.group(1))
    assert script.status_code == 200 and "canvas" in script.text


async def test_file_over_the_limit_is_named_beside_its_field_and_typed_fields_kept(
    kampung, people
) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    big = phone_photo(target=7 * MB)
    assert len(big) > 6 * MB
    response = await client.post(
        village.url + "/layanan/baru",
        data=_form(person, "p-2"),
        files={"dok_kk_lama": ("kk.jpg", big, "image/jpeg")},
    )
    assert response.status_code == 422
    field = re.search(r'(?s)<div class="field field-invalid">.*?</div>', response.text).group(0)
    assert 'id="f-dok_kk_lama"' in field
    assert "Kartu Keluarga lama (asal) suami dan istri: ukuran berkas paling besar 5 MB." in field
    assert 'value="Siti Aminah"' in response.text
    assert 'value="3527014101880099"' in response.text
    async with kampung.scope(village.code):
        assert await ServiceRequest.count() == 0


async def test_file_pretending_to_be_a_jpeg_is_refused(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    fake = b"\xff\xd8\xff\xe0" + b"<script>alert(1)</script>" * 100
    response = await client.post(
        village.url + "/layanan/baru",
        data=_form(person, "p-3"),
        files={"dok_ktp_el": ("ktp.jpg", fake, "image/jpeg")},
    )
    assert response.status_code == 422
    assert "KTP-el suami dan istri: berkas bukan gambar JPG atau PNG yang utuh." in response.text
    assert 'value="Siti Aminah"' in response.text


async def test_two_files_for_one_checklist_item_are_refused(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    pdf = b"%PDF-1.4\n%%EOF\n"
    response = await client.post(
        village.url + "/layanan/baru",
        data=_form(person, "p-4"),
        files=[
            ("dok_ktp_el", ("a.pdf", pdf, "application/pdf")),
            ("dok_ktp_el", ("b.pdf", pdf, "application/pdf")),
        ],
    )
    assert response.status_code == 422
    assert "KTP-el suami dan istri: kirim satu berkas saja." in response.text


async def test_body_over_the_absolute_limit_gets_a_page_in_indonesian(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    response = await client.post(
        village.url + "/layanan/baru",
        data=_form(person, "p-5"),
        files={"dok_kk_lama": ("kk.pdf", b"%PDF-" + b"0" * BODY_LIMIT, "application/pdf")},
    )
    assert response.status_code == 413
    assert "Kiriman terlalu besar" in response.text
    assert "kecilkan foto" in response.text
    assert "Request Entity Too Large" not in response.text
