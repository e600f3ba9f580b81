"""A resident's photo: re-encoded without metadata, shown to staff only, each view in the trail."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from core.audit.tables import Disclosure
from plugins.population.register.photo_tables import ResidentPhoto


def _phone_picture() -> bytes:
    """A large JPEG with EXIF (a camera model), as a phone sends it."""
    picture = Image.new("RGB", (2400, 1800), "olive")
    exif = Image.Exif()
    exif[0x0110] = "Kamera HP Uji"
    out = BytesIO()
    picture.save(out, "JPEG", exif=exif)
    return out.getvalue()


async def test_an_uploaded_photo_is_shrunk_stripped_and_shown(kampung, people) -> None:
    village = await kampung.village()
    resident = (await people.resident(village))["id"]
    operator = await kampung.login("village_operator", village)
    url = f"{village.url}/penduduk/{resident}/foto"

    sent = await operator.post(url, files={"foto": ("foto.jpg", _phone_picture(), "image/jpeg")})
    assert sent.status_code == 303

    shown = await operator.get(url)
    assert shown.status_code == 200 and shown.headers["content-type"] == "image/jpeg"
    picture = Image.open(BytesIO(shown.content))
    assert max(picture.size) == 800
    assert not picture.getexif()
    page = await operator.get(f"{village.url}/penduduk/{resident}")
    assert f'src="{url}"' in page.text
    async with kampung.scope(village.code):
        viewed = await Disclosure.count().where(Disclosure.kind == "population.resident.photo")
    assert viewed == 1


async def test_a_file_that_is_not_a_picture_is_refused_naming_the_field(kampung, people) -> None:
    village = await kampung.village()
    resident = (await people.resident(village))["id"]
    operator = await kampung.login("village_operator", village)
    url = f"{village.url}/penduduk/{resident}/foto"

    sent = await operator.post(
        url,
        files={"foto": ("foto.jpg", b"%PDF-1.4 bukan foto", "image/jpeg")},
        follow_redirects=True,
    )

    assert "Foto: berkas bukan gambar JPG atau PNG yang utuh." in sent.text
    async with kampung.scope(village.code):
        assert await ResidentPhoto.count() == 0
    assert (await operator.get(url)).status_code == 404


async def test_another_village_cannot_see_or_replace_the_photo(kampung, people) -> None:
    village, other = await kampung.village(), await kampung.village(1)
    resident = (await people.resident(village))["id"]
    ours = await kampung.login("village_operator", village)
    await ours.post(
        f"{village.url}/penduduk/{resident}/foto",
        files={"foto": ("foto.jpg", _phone_picture(), "image/jpeg")},
    )
    theirs = await kampung.login("village_operator", other)

    assert (await theirs.get(f"{other.url}/penduduk/{resident}/foto")).status_code == 404
    replaced = await theirs.post(
        f"{other.url}/penduduk/{resident}/foto",
        files={"foto": ("foto.jpg", _phone_picture(), "image/jpeg")},
    )
    assert replaced.status_code == 404
