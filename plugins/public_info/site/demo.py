"""Demo site content for a village: its profile, government, news with photos, agenda, services."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime, timedelta

from PIL import Image

from core import DemoContext
from core.localtime import zone
from plugins.public_info.site.content import add_row, save_profile
from plugins.public_info.site.posts import take_post_action, write_draft
from plugins.public_info.tables import AgendaItem, Official, ServiceStandard
from plugins.public_info.uploads import CheckedFile, check_file

HAMLETS = ("Krajan", "Laok", "Daja", "Temor", "Bara'", "Tengah")
FIRST = ("Moh.", "Abd.", "H.", "Ach.", "Siti", "Nur", "Sri", "Hj.")
LAST = ("Ridwan", "Hasyim", "Fauzi", "Rahmah", "Aminah", "Syafi'i", "Zainal", "Hosnan", "Maryam")
POSITIONS = (
    "Kepala Desa",
    "Sekretaris Desa",
    "Kaur Keuangan",
    "Kaur Perencanaan",
    "Kaur Tata Usaha dan Umum",
    "Kasi Pemerintahan",
    "Kasi Kesejahteraan",
    "Kasi Pelayanan",
)
POSTS = (
    ("berita", "Kerja bakti membersihkan saluran irigasi",
     "Warga bergotong royong membersihkan saluran irigasi menjelang musim tanam.\n\n"
     "Kegiatan dipimpin kepala dusun dan diikuti lebih dari lima puluh warga."),
    ("pengumuman", "Jadwal posyandu balita bulan ini",
     "Posyandu balita dilaksanakan di balai dusun masing-masing mulai pukul 08.00.\n\n"
     "Bawa buku KIA untuk penimbangan dan imunisasi."),
    ("berita", "Pembangunan rabat beton jalan dusun selesai",
     "Jalan dusun sepanjang 350 meter kini sudah dapat dilalui kendaraan roda empat.\n\n"
     "Pembangunan dibiayai Dana Desa tahun berjalan."),
    ("pengumuman", "Musyawarah desa penyusunan RKPDes",
     "Seluruh warga diundang hadir dalam musyawarah desa di balai desa."),
    ("berita", "Pelatihan pengolahan hasil laut untuk ibu-ibu PKK", "Draf berita pelatihan."),
)  # fmt: skip
SERVICES = (
    ("Surat keterangan domisili", ["KTP", "Kartu Keluarga"],
     ["Datang ke kantor desa atau ajukan di portal warga", "Petugas memeriksa berkas",
      "Surat ditandatangani kepala desa"], "1 hari kerja", 0, "/warga/masuk"),
    ("Surat pengantar pembuatan KTP-el", ["Kartu Keluarga", "Akta kelahiran"],
     ["Isi formulir di kantor desa", "Surat pengantar dibawa ke Disdukcapil"],
     "1 hari kerja", 0, "/warga/masuk"),
    ("Surat keterangan usaha", ["KTP", "Foto tempat usaha"],
     ["Ajukan ke Kasi Pelayanan", "Petugas meninjau tempat usaha", "Surat ditandatangani"],
     "2 hari kerja", 0, ""),
    ("Sewa balai desa", ["Surat permohonan", "KTP penanggung jawab"],
     ["Ajukan ke Kaur Tata Usaha", "Bayar sewa sesuai Perdes", "Terima bukti pemakaian"],
     "3 hari kerja", 150_000, ""),
    ("Permohonan informasi publik", ["Identitas pemohon"],
     ["Isi formulir permohonan di situs desa", "Simpan nomor dan kode akses",
      "PPID menjawab paling lambat 10 hari kerja"], "10 hari kerja", 0, "PPID"),
)  # fmt: skip


def _photo(rng: random.Random) -> CheckedFile:
    colour = (rng.randrange(40, 200), rng.randrange(80, 200), rng.randrange(40, 160))
    buffer = io.BytesIO()
    Image.new("RGB", (960, 540), colour).save(buffer, "JPEG", quality=80)
    checked = check_file("foto.jpg", buffer.getvalue(), pictures_only=True)
    assert isinstance(checked, CheckedFile)
    return checked


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


async def fill_site(context: DemoContext) -> None:
    rng = random.Random(f"{context.seed}:{context.village.code}:site")
    kernel, tenant = context.kernel, context.village
    code, now = tenant.code, datetime.now(UTC)
    hamlets = list(HAMLETS[: rng.randint(3, 6)])
    place = f"{tenant.local_word} {tenant.display_name}"
    await save_profile(
        kernel, code,
        {
            "history": f"{place} dibuka oleh para perantau yang menetap di tepi sungai.\n\n"
                       "Namanya diambil dari pohon besar yang dulu tumbuh di tengah permukiman.",
            "vision": f"Terwujudnya {place} yang mandiri, sejahtera dan berbudaya",
            "mission": "Meningkatkan pelayanan publik\nMembangun sarana desa\nMemberdayakan warga",
            "area_hectares": rng.randint(250, 1500),
            "latitude": f"-7.{rng.randint(1000, 9999)}",
            "longitude": f"113.{rng.randint(1000, 9999)}",
            "hamlets": hamlets,
            "office_address": f"Jalan Raya {tenant.display_name} No. {rng.randint(1, 99)}",
            "office_phone": f"0324{rng.randint(100000, 999999)}",
            "office_email": f"desa.{tenant.slug}@contoh.id",
            "office_hours": "Senin-Jumat 08.00-15.00",
        },
        actor="demo", now=now,
    )  # fmt: skip
    for rank, position in enumerate(POSITIONS, start=1):
        await add_row(kernel, code, Official, {"position": position, "name": _name(rng),
                                               "rank": rank}, actor="demo")  # fmt: skip
    for index, hamlet in enumerate(hamlets):
        fields = {"position": f"Kepala Dusun {hamlet}", "name": _name(rng), "rank": 20 + index}
        await add_row(kernel, code, Official, fields, actor="demo")
    for index, (kind, title, body) in enumerate(POSTS):
        written = now - timedelta(days=20 - index * 4)
        post_id = await write_draft(
            kernel, code, {"kind": kind, "title": title, "body": body, "photo_caption": title},
            _photo(rng) if kind == "berita" else None, actor="demo", now=written, key="",
        )  # fmt: skip
        if index < 3:
            await take_post_action(kernel, code, post_id, "terbitkan", actor="demo", now=written)
        elif index == 3:
            await take_post_action(
                kernel, code, post_id, "jadwalkan", actor="demo", now=written,
                publish_at=now + timedelta(days=3),
            )  # fmt: skip
    for days, title, venue in ((2, "Posyandu balita", "Balai dusun"),
                               (6, "Kerja bakti lingkungan", "Masjid desa"),
                               (12, "Musyawarah desa RKPDes", "Balai desa")):  # fmt: skip
        day = (now + timedelta(days=days)).astimezone(zone())
        starts = day.replace(hour=8, minute=0, second=0, microsecond=0)
        await add_row(kernel, code, AgendaItem, {"title": title, "starts_at": starts,
                      "place": venue, "description": ""}, actor="demo")  # fmt: skip
    for rank, (name, requirements, steps, duration, cost, path) in enumerate(SERVICES, 1):
        portal = f"{tenant.base_url}/situs/ppid/permohonan" if path == "PPID" else path
        await add_row(
            kernel, code, ServiceStandard,
            {"name": name, "provider": "Kasi Pelayanan", "requirements": requirements,
             "steps": steps, "duration": duration, "cost": cost, "portal_path": portal,
             "rank": rank},
            actor="demo",
        )  # fmt: skip
