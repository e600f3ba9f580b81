"""A citizen reads one of their family's requests: why it came back, and every step it took."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from plugins.population.tables import Resident, ServiceRequest
from tests.population.portal.conftest import signed_in


async def online_request(kampung, village, resident, kind="pindah_keluar", **details) -> int:
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        rows = await ServiceRequest.insert(
            ServiceRequest(
                village_code=village.code,
                kind=kind,
                resident=resident["id"],
                applicant_name=resident["name"],
                applicant_nik=resident["nik"],
                channel="online",
                status="diajukan",
                idempotency_key=f"{village.code}:{kind}-{resident['id']}-{now.timestamp()}",
                payload=details,
                submitted_at=now,
                updated_at=now,
            )
        ).returning(ServiceRequest.id)
    return rows[0]["id"]


async def return_to_citizen(kampung, village, request_id: int, reason: str) -> None:
    operator = await kampung.login("village_operator", village)
    answer = await operator.post(
        village.url + f"/layanan/{request_id}/aksi/kembalikan", data={"alasan": reason}
    )
    assert answer.status_code in (200, 303), answer.text[:500]


async def test_citizen_sees_why_a_request_was_returned_with_its_history_in_local_time(
    kampung, people
) -> None:
    village = await kampung.village()
    family = await people.family(village)
    me = await people.resident(village, "SITI AMINAH", family=family)
    request_id = await online_request(kampung, village, me, alamat_tujuan="Surabaya")
    await return_to_citizen(kampung, village, request_id, "Foto KK buram, unggah ulang")
    client = await signed_in(kampung, village, me["nik"])

    home = await client.get(village.url + "/warga")
    assert f'href="{village.url}/warga/layanan/{request_id}"' in home.text

    page = await client.get(village.url + f"/warga/layanan/{request_id}")
    assert page.status_code == 200, page.text[:500]
    assert "Foto KK buram, unggah ulang" in page.text
    assert "Dikembalikan ke pemohon" in page.text
    assert "Kembalikan ke pemohon" in page.text, "the step is named by its label"
    assert "Alasan: Foto KK buram" in page.text
    assert "Petugas desa" in page.text and "user:" not in page.text
    assert "WIB" in page.text and "Surabaya" in page.text
    shown = re.sub(r"<[^>]+>", " ", page.text)
    assert "alamat_tujuan" not in shown and "pindah_keluar" not in shown


async def test_citizen_cannot_open_another_familys_request(kampung, people) -> None:
    village = await kampung.village()
    other_village = await kampung.village(1)
    me = await people.resident(village, "SAYA", family=await people.family(village))
    neighbour = await people.resident(village, "TETANGGA", family=await people.family(village))
    theirs = await online_request(kampung, village, neighbour, alamat_tujuan="Bangkalan")
    await return_to_citizen(kampung, village, theirs, "Rahasia tetangga")
    client = await signed_in(kampung, village, me["nik"])

    page = await client.get(village.url + f"/warga/layanan/{theirs}")
    assert page.status_code == 404 and "Rahasia tetangga" not in page.text
    resend = await client.post(
        village.url + f"/warga/layanan/{theirs}/ajukan-ulang", data={"alamat_tujuan": "X"}
    )
    assert resend.status_code == 404
    assert (await client.get(other_village.url + f"/warga/layanan/{theirs}")).status_code == 404
    async with kampung.scope(village.code):
        row = await ServiceRequest.select().where(ServiceRequest.id == theirs).first()
    assert row["status"] == "dikembalikan"


async def test_family_list_shows_who_died_or_moved_out(kampung, people) -> None:
    village = await kampung.village()
    family = await people.family(village)
    me = await people.resident(village, "SITI AMINAH", family=family)
    grandfather = await people.resident(village, "KAKEK SUPARDI", family=family, sex=1)
    son = await people.resident(village, "ANAK RANTAU", family=family, sex=1)
    async with kampung.scope(village.code):
        await Resident.update({Resident.status: 2}).where(Resident.id == grandfather["id"])
        await Resident.update({Resident.status: 3}).where(Resident.id == son["id"])
    client = await signed_in(kampung, village, me["nik"])

    home = (await client.get(village.url + "/warga")).text
    items = re.findall(r"<li>(.*?)</li>", home, flags=re.S)
    grandfather_line = next(item for item in items if "KAKEK SUPARDI" in item)
    son_line = next(item for item in items if "ANAK RANTAU" in item)
    my_line = next(item for item in items if "SITI AMINAH" in item)
    assert "Meninggal dunia" in grandfather_line
    assert "Pindah keluar" in son_line
    assert "badge" not in my_line, "a member living here carries no status mark"


async def test_citizen_home_links_to_the_village_letter_request(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village, family=await people.family(village))
    client = await signed_in(kampung, village, me["nik"])

    home = (await client.get(village.url + "/warga")).text
    assert f'href="{village.url}/warga/surat/minta"' in home
    assert "Minta surat desa" in home
