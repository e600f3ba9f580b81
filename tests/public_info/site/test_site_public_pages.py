"""The village's public site: what staff publish shows to anyone without signing in, drafts and
future posts do not, and no page carries personal data from the register."""

from __future__ import annotations

import io
import re
import secrets
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from plugins.public_info.site.posts import take_post_action, write_draft
from plugins.public_info.tables import Post

EDITOR = "public_info_editor"
NIK_LIKE = re.compile(r"(?<!\d)\d{16}(?!\d)")


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("public_info", "population")


def photo_with_gps() -> bytes:
    picture = Image.new("RGB", (2400, 1200), (30, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "KameraDesa"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


async def _resident(kampung, village, name: str, nik: str, dusun: str, sex: int) -> None:
    from plugins.population.tables import Resident

    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        await Resident.insert(
            Resident(
                village_code=village.code, nik=nik, name=name, name_key=name.lower(),
                sex=sex, dusun=dusun, created_at=now, updated_at=now,
            )
        )  # fmt: skip


async def test_the_profile_and_government_show_to_anyone(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    saved = await editor.post(
        f"{village.url}/kelola-situs/profil",
        data={
            "history": "Desa ini dibuka pada masa kerajaan Sumenep.",
            "vision": "Desa mandiri, sejahtera dan berbudaya",
            "area_hectares": "512",
            "latitude": "-7.0512",
            "longitude": "113.2871",
            "hamlets": "Krajan\nLaok Songai\nDaja Songai",
            "office_hours": "Senin-Jumat 08.00-15.00",
        },
    )
    assert saved.status_code == 303, saved.text[:500]
    added = await editor.post(
        f"{village.url}/kelola-situs/pemerintahan",
        data={"position": "Kepala Desa", "name": "H. Moh. Ridwan", "rank": "1"},
    )
    assert added.status_code == 303
    page = await kampung.client().get(f"{village.url}/situs/profil")
    assert page.status_code == 200
    for shown in (
        "kerajaan Sumenep",
        "512 hektare",
        "Laok Songai",
        "Kepala Desa",
        "H. Moh. Ridwan",
    ):
        assert shown in page.text
    assert "mlat=-7.0512" in page.text


async def test_a_bad_profile_names_the_field_and_keeps_what_was_typed(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    refused = await editor.post(
        f"{village.url}/kelola-situs/profil",
        data={"history": "Sejarah panjang desa", "latitude": "70", "area_hectares": "luas"},
    )
    assert refused.status_code == 422
    assert "Lintang antara -11 dan 6 derajat" in refused.text
    assert "Luas wilayah berupa bilangan bulat hektare" in refused.text
    assert "Sejarah panjang desa" in refused.text


async def test_population_figures_are_counts_only(kampung) -> None:
    village = await kampung.village()
    await _resident(kampung, village, "SITI AMINAH", "3527014101800001", "Krajan", 2)
    await _resident(kampung, village, "MOH. SALEH", "3527010101800002", "Krajan", 1)
    await _resident(kampung, village, "ABD. RAHMAN", "3527010101800003", "Laok", 1)
    page = await kampung.client().get(f"{village.url}/situs/profil")
    assert page.status_code == 200
    figures = page.text.split('class="details population-figures"')[1]
    assert re.search(r"Penduduk</dt><dd>3<", figures)
    assert re.search(r"Laki-laki</dt><dd>2<", figures)
    assert "<td>Krajan</td><td>2</td>" in page.text
    for name in ("SITI AMINAH", "MOH. SALEH", "ABD. RAHMAN"):
        assert name not in page.text
    assert NIK_LIKE.search(page.text) is None


async def test_population_figures_are_left_out_where_population_is_off(kampung) -> None:
    village = await kampung.village(0, plugins=["public_info"])
    page = await kampung.client().get(f"{village.url}/situs/profil")
    assert page.status_code == 200
    assert "population-figures" not in page.text


async def test_drafts_and_future_posts_stay_off_the_site(kampung) -> None:
    village = await kampung.village()
    now = datetime.now(UTC)
    kernel = kampung.kernel
    async with kampung.scope(village.code):
        ids = {}
        for title in ("Draf rapat", "Terbit sekarang", "Terjadwal besok", "Terjadwal tadi"):
            ids[title] = await write_draft(
                kernel, village.code, {"kind": "berita", "title": title, "body": "Isi."},
                None, actor="editor", now=now - timedelta(hours=3), key="",
            )  # fmt: skip
        await take_post_action(
            kernel, village.code, ids["Terbit sekarang"], "terbitkan", actor="e", now=now
        )
        await take_post_action(
            kernel, village.code, ids["Terjadwal besok"], "jadwalkan", actor="e", now=now,
            publish_at=now + timedelta(days=1),
        )  # fmt: skip
        await take_post_action(
            kernel, village.code, ids["Terjadwal tadi"], "jadwalkan", actor="e",
            now=now - timedelta(hours=2), publish_at=now - timedelta(hours=1),
        )  # fmt: skip
    visitor = kampung.client()
    listing = await visitor.get(f"{village.url}/situs/berita")
    assert "Terbit sekarang" in listing.text and "Terjadwal tadi" in listing.text
    assert "Draf rapat" not in listing.text and "Terjadwal besok" not in listing.text
    hidden = await visitor.get(f"{village.url}/situs/berita/{ids['Terjadwal besok']}")
    assert hidden.status_code == 404
    shown = await visitor.get(f"{village.url}/situs/berita/{ids['Terjadwal tadi']}")
    assert shown.status_code == 200


async def test_a_schedule_in_the_past_is_refused(kampung) -> None:
    village = await kampung.village()
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        post_id = await write_draft(
            kampung.kernel, village.code, {"kind": "pengumuman", "title": "T", "body": "I"},
            None, actor="e", now=now, key="",
        )  # fmt: skip
        with pytest.raises(Exception, match="Waktu terbit harus di masa depan"):
            await take_post_action(
                kampung.kernel, village.code, post_id, "jadwalkan", actor="e", now=now,
                publish_at=now - timedelta(minutes=1),
            )  # fmt: skip


async def test_a_post_photo_is_reencoded_without_its_metadata(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    written = await editor.post(
        f"{village.url}/kelola-situs/berita",
        data={
            "kind": "berita",
            "title": "Kerja bakti saluran irigasi",
            "body": "Warga Dusun Krajan membersihkan saluran.\n\nKegiatan berlangsung pagi.",
            "photo_caption": "Warga membersihkan saluran",
            "idempotency_key": secrets.token_urlsafe(12),
        },
        files={"photo": ("kerja-bakti.jpg", photo_with_gps(), "image/jpeg")},
    )
    assert written.status_code == 303, written.text[:500]
    async with kampung.scope(village.code):
        post = await Post.select().first()
    action = await editor.post(
        f"{village.url}/kelola-situs/berita/{post['id']}/aksi", data={"action": "terbitkan"}
    )
    assert action.status_code == 303
    page = await kampung.client().get(f"{village.url}/situs/berita/{post['id']}")
    assert "Kegiatan berlangsung pagi." in page.text
    photo = await kampung.client().get(f"{village.url}/situs/berita/{post['id']}/foto")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(photo.content)) as served:
        assert max(served.size) <= 1600
        assert not served.getexif()


async def test_an_svg_is_not_taken_as_a_photo(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    refused = await editor.post(
        f"{village.url}/kelola-situs/berita",
        data={"kind": "berita", "title": "Peta", "body": "Isi", "idempotency_key": "svg-photo-1"},
        files={
            "photo": ("peta.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
        },
    )
    assert refused.status_code == 422
    assert "Hanya gambar JPG atau PNG yang diterima." in refused.text
    assert 'value="Peta"' in refused.text


async def test_the_agenda_shows_upcoming_events_in_local_time(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    added = await editor.post(
        f"{village.url}/kelola-situs/agenda",
        data={
            "title": "Musyawarah desa RKPDes",
            "starts_at": "2030-01-15T09:00",
            "place": "Balai desa",
        },
    )
    assert added.status_code == 303
    page = await kampung.client().get(f"{village.url}/situs/agenda")
    assert "Musyawarah desa RKPDes" in page.text
    assert "15-01-2030 09:00 WIB" in page.text


async def test_the_service_catalogue_states_each_services_standard(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    added = await editor.post(
        f"{village.url}/kelola-situs/layanan",
        data={
            "name": "Surat keterangan domisili",
            "provider": "Kasi Pelayanan",
            "requirements": "KTP\nKartu Keluarga",
            "steps": "Datang ke kantor desa\nIsi formulir\nSurat ditandatangani kepala desa",
            "duration": "1 hari kerja",
            "cost": "0",
            "portal_path": "/warga/masuk",
        },
    )
    assert added.status_code == 303
    paid = await editor.post(
        f"{village.url}/kelola-situs/layanan",
        data={
            "name": "Sewa balai desa",
            "steps": "Ajukan",
            "duration": "3 hari",
            "cost": "150.000",
        },
    )
    assert paid.status_code == 303
    page = await kampung.client().get(f"{village.url}/situs/layanan")
    for shown in ("Surat keterangan domisili", "Kartu Keluarga", "Isi formulir", "1 hari kerja"):
        assert shown in page.text
    assert "Gratis" in page.text and "Rp150.000" in page.text
    assert 'href="/warga/masuk"' in page.text


async def test_the_catalogue_lists_the_services_the_villages_modules_offer(kampung) -> None:
    village = await kampung.village()
    page = await kampung.client().get(f"{village.url}/situs/layanan")
    assert page.status_code == 200
    assert 'id="service-ktp_el"' in page.text
    assert "Surat keterangan kehilangan dari kepolisian (jika hilang) (jika ada)" in page.text
    assert "hari kerja setelah berkas diteruskan" in page.text
    assert f'href="{village.url}/warga/layanan/baru?kind=ktp_el"' in page.text
    answer = await kampung.client().get(f"{village.url}/warga/layanan/baru?kind=ktp_el")
    assert answer.status_code in (200, 303)  # the portal's form, or its sign-in first
    editor = await kampung.login(EDITOR, village)  # staff are turned away from the portal
    staff_view = await editor.get(f"{village.url}/situs/layanan")
    assert 'id="service-ktp_el"' in staff_view.text and "?kind=ktp_el" not in staff_view.text

    without = await kampung.village(1, plugins=["public_info"])
    alone = await kampung.client().get(f"{without.url}/situs/layanan")
    assert alone.status_code == 200 and "service-ktp_el" not in alone.text


async def test_a_service_link_must_stay_on_this_site(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    refused = await editor.post(
        f"{village.url}/kelola-situs/layanan",
        data={
            "name": "Tipuan",
            "steps": "x",
            "duration": "1 hari",
            "portal_path": "//jahat.example",
        },
    )
    assert refused.status_code == 422
    assert "alamat di situs ini" in refused.text


async def test_only_site_editors_manage_the_site(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(f"{village.url}/kelola-situs")).status_code == 403
    assert (await operator.get(f"{village.url}/kelola-situs/berita")).status_code == 403


async def test_the_home_page_links_every_part_of_the_site(kampung) -> None:
    village = await kampung.village()
    home = await kampung.client().get(f"{village.url}/situs")
    assert home.status_code == 200
    for part in ("/profil", "/berita", "/agenda", "/layanan", "/apbdes", "/informasi", "/ppid/"):
        assert f"{village.url}/situs{part}" in home.text
