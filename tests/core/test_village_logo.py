"""A village's logo is a file uploaded to the instance and served by it; no page makes the
visitor's browser fetch anything from another host."""

from __future__ import annotations

import importlib
import json
import re
from io import BytesIO

from PIL import Image

from core.db import piccolo_conf
from core.tenancy.tables import Village

LOGO_IMG = re.compile(r'<img class="brand-logo" src="([^"]+)"')


def _png(size: tuple[int, int] = (1200, 900)) -> bytes:
    out = BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {2: (7.0, 15.0, 0.0)}
    Image.new("RGB", size, "green").save(out, "PNG", exif=exif)
    return out.getvalue()


async def _settings(kampung, village) -> dict:
    async with kampung.scope(village.code):
        row = await Village.select(Village.settings).where(Village.code == village.code).first()
    settings = row["settings"]
    return settings if isinstance(settings, dict) else json.loads(settings)


async def test_an_external_logo_url_can_no_longer_be_set(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    form = await admin.get(village.url + "/pengaturan")
    assert 'name="logo_url"' not in form.text
    saved = await admin.post(
        village.url + "/pengaturan",
        data={"display_name": "Noreh", "logo_url": "//evil.example/track.png"},
    )
    assert saved.status_code == 303
    assert "logo_url" not in await _settings(kampung, village)
    page = await admin.get(village.url + "/pengaturan")
    assert "evil.example" not in page.text


async def test_a_logo_url_left_from_before_is_never_rendered_when_external(kampung) -> None:
    village = await kampung.village()
    async with kampung.scope(village.code):
        await Village.update({Village.settings: {"logo_url": "//evil.example/track.png"}}).where(
            Village.code == village.code
        )
    admin = await kampung.login("village_admin", village)
    page = await admin.get(village.url + "/pengaturan")
    assert "evil.example" not in page.text


async def test_the_migration_drops_external_logo_urls_and_keeps_local_paths(kampung) -> None:
    external = await kampung.village()
    local = await kampung.village(index=1)
    async with kampung.scope():
        await Village.update(
            {Village.settings: {"logo_url": "https://evil.example/t.png", "head_name": "Pak"}}
        ).where(Village.code == external.code)
        await Village.update({Village.settings: {"logo_url": "/static/logo.png"}}).where(
            Village.code == local.code
        )
    database = kampung.kernel.database
    piccolo_conf.configure(database.owner_engine, kampung.kernel.registry.piccolo_app_modules())
    migration = importlib.import_module("core.migrations.core_2026_12_01t10_00_02_000000")
    manager = await migration.forwards()
    for step in manager.raw:
        await step()
    assert await _settings(kampung, external) == {"head_name": "Pak"}
    assert await _settings(kampung, local) == {"logo_url": "/static/logo.png"}


async def test_an_uploaded_logo_is_served_by_the_instance_and_shown_in_the_layout(
    kampung,
) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    saved = await admin.post(
        village.url + "/pengaturan/logo", files={"logo": ("logo.png", _png(), "image/png")}
    )
    assert saved.status_code == 303, saved.text[:1000]
    page = await admin.get(village.url + "/pengaturan")
    src = LOGO_IMG.search(page.text).group(1)
    assert src.startswith(village.url + "/logo/") and src.endswith(".png")
    visitor = kampung.client()
    served = await visitor.get(src)
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    with Image.open(BytesIO(served.content)) as logo:
        assert logo.size == (512, 384)
        assert not logo.getexif()
    removed = await admin.post(village.url + "/pengaturan/logo", data={"remove": "1"})
    assert removed.status_code == 303
    assert LOGO_IMG.search((await admin.get(village.url + "/pengaturan")).text) is None


async def test_a_file_that_is_not_a_picture_is_refused_beside_the_field(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    refused = await admin.post(
        village.url + "/pengaturan/logo",
        files={"logo": ("logo.png", b"\x89PNG\r\n\x1a\n<svg onload=alert(1)>", "image/png")},
    )
    assert refused.status_code == 422
    field = re.search(r'(?s)<div class="field field-invalid">.*?</div>', refused.text).group(0)
    assert "Logo: hanya gambar PNG, JPG, atau WebP yang utuh." in field
    assert "logo_file" not in await _settings(kampung, village)


async def test_only_names_of_stored_logos_are_served(kampung) -> None:
    village = await kampung.village()
    visitor = kampung.client()
    assert (await visitor.get(village.url + "/logo/..%2F..%2Fsecret.png")).status_code == 404
    assert (await visitor.get(village.url + "/logo/" + "a" * 32 + ".png")).status_code == 404
