"""A citizen asks for a letter from the portal; it waits at the top of the operators' list as
"Diminta warga" until they draft it (or decline it with a reason), with its history kept."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from plugins.population.tables import Family, Letter, LetterStep

ME = "3527014506900001"
CHILD = "3527014506100002"


async def _family(kampung, village, add_resident) -> tuple[int, int]:
    async with kampung.scope(village.code):
        rows = await Family.insert(
            Family(kk_number="3527010101260001", created_at=datetime.now(UTC))
        ).returning(Family.id)
    family = rows[0]["id"]
    me = await add_resident(village, ME, family=family, relationship=1)
    child = await add_resident(village, CHILD, name="Ahmad Fauzi", family=family, relationship=4)
    return me, child


async def _steps(kampung, village, letter_id):
    async with kampung.scope(village.code):
        letter = await Letter.select().where(Letter.id == letter_id).first()
        steps = (
            await LetterStep.select().where(LetterStep.letter == letter_id).order_by(LetterStep.id)
        )
    return letter, [(s["action"], s["from_status"], s["to_status"]) for s in steps]


async def test_a_citizen_asks_for_a_letter_for_a_family_member_and_the_operator_drafts_it(
    kampung, add_resident, citizen
):
    village = await kampung.village()
    _, child = await _family(kampung, village, add_resident)
    phone = await citizen(village, ME)
    form = await phone.get(f"{village.url}/warga/surat/minta")
    assert form.status_code == 200
    assert "Ahmad Fauzi" in form.text and CHILD not in form.text
    assert "Surat Keterangan Usaha" in form.text

    key = secrets.token_hex(8)
    empty = await phone.post(
        f"{village.url}/warga/surat/minta",
        data={"member": str(child), "kind": "", "keperluan": "", "idempotency_key": key},
    )
    assert empty.status_code == 422
    assert "Jenis surat wajib dipilih" in empty.text and "Keperluan wajib diisi" in empty.text

    values = {"member": str(child), "kind": "domisili", "keperluan": "daftar sekolah"}
    sent = await phone.post(
        f"{village.url}/warga/surat/minta", data={**values, "idempotency_key": key}
    )
    assert sent.status_code == 303
    again = await phone.post(
        f"{village.url}/warga/surat/minta", data={**values, "idempotency_key": key}
    )
    assert again.status_code == 303
    async with kampung.scope(village.code):
        requested = await Letter.select().where(Letter.status == "diminta")
    assert len(requested) == 1 and requested[0]["resident"] == child
    letter_id = requested[0]["id"]
    assert (await _steps(kampung, village, letter_id))[1] == [("minta", "", "diminta")]

    operator = await kampung.login("village_operator", village)
    listing = await operator.get(f"{village.url}/surat")
    assert "Permintaan warga" in listing.text and f"/surat/{letter_id}/draf" in listing.text
    assert listing.text.index("Permintaan warga") < listing.text.index("Saring")
    assert "Diminta warga" in (await operator.get(f"{village.url}/surat/{letter_id}")).text

    draft_form = await operator.get(f"{village.url}/surat/{letter_id}/draf")
    assert 'value="daftar sekolah"' in draft_form.text
    saved = await operator.post(
        f"{village.url}/surat/{letter_id}/draf", data={"keperluan": "daftar sekolah", "paper": "F4"}
    )
    assert saved.status_code == 303
    letter, steps = await _steps(kampung, village, letter_id)
    assert letter["status"] == "draf" and "Ahmad Fauzi" in letter["body"]
    assert letter["paper"] == "F4"
    assert steps == [("minta", "", "diminta"), ("buat_draf", "diminta", "draf")]
    api = (await operator.get(f"{village.api}/surat/{letter_id}")).json()
    assert api["status_label"] == "Draf"


async def test_the_operator_declines_a_request_only_with_a_reason(kampung, add_resident, citizen):
    village = await kampung.village()
    await _family(kampung, village, add_resident)
    phone = await citizen(village, ME)
    me_id = (await _family_ids(kampung, village))[ME]
    await phone.post(
        f"{village.url}/warga/surat/minta",
        data={
            "member": str(me_id),
            "kind": "usaha",
            "keperluan": "modal",
            "idempotency_key": secrets.token_hex(8),
        },
    )
    async with kampung.scope(village.code):
        letter_id = (await Letter.select(Letter.id).first())["id"]
    operator = await kampung.login("village_operator", village)

    blank = await operator.post(f"{village.url}/surat/{letter_id}/tolak", data={"alasan": " "})
    assert blank.status_code == 422 and "Alasan penolakan wajib diisi" in blank.text
    declined = await operator.post(
        f"{village.url}/surat/{letter_id}/tolak", data={"alasan": "Usaha belum terdaftar di RT"}
    )
    assert declined.status_code == 303
    letter, steps = await _steps(kampung, village, letter_id)
    assert letter["status"] == "ditolak" and steps[-1] == ("tolak", "diminta", "ditolak")


async def test_staff_cannot_use_the_citizen_request_form(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(f"{village.url}/warga/surat/minta")).status_code == 403


async def _family_ids(kampung, village) -> dict[str, int]:
    from plugins.population.tables import Resident

    async with kampung.scope(village.code):
        rows = await Resident.select(Resident.id, Resident.nik)
    return {row["nik"]: row["id"] for row in rows}
