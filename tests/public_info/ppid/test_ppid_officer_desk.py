"""The PPID's queue and actions over HTTP: who may do what, what each read leaves in the access
trail, and the whole path from a refusal to the superior's ruling on the objection."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from ppid_desk import NIK

from core.audit import disclosures_of
from plugins.public_info.ppid.requests import history, take_action
from plugins.public_info.tables import InfoRequest, InfoRequestStep

OFFICER = "public_info_officer"


async def _filed_id(kampung, village, number: str) -> int:
    async with kampung.scope(village.code):
        row = (
            await InfoRequest.select(InfoRequest.id)
            .where(InfoRequest.tracking_number == number)
            .first()
        )
    return row["id"]


async def test_the_officer_sees_the_queue_and_the_read_is_recorded(kampung, desk) -> None:
    village = await kampung.village()
    number, _ = await desk.file(await desk.visitor(), village)
    request_id = await _filed_id(kampung, village, number)
    officer = await kampung.login(OFFICER, village)
    queue = await officer.get(f"{village.url}/ppid")
    assert queue.status_code == 200
    assert number in queue.text and "Moh. Hasan" in queue.text
    assert NIK not in queue.text
    detail = await officer.get(f"{village.url}/ppid/permohonan/{request_id}")
    assert detail.status_code == 200
    assert "081234567890" in detail.text and NIK not in detail.text
    async with kampung.scope(village.code):
        trail = await disclosures_of(village.code, [("public_info_request", request_id)])
    assert {t["kind"] for t in trail} == {"public_info.request.list", "public_info.request.detail"}


async def test_a_village_operator_may_not_open_the_queue(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(f"{village.url}/ppid")).status_code == 403


async def test_refusal_objection_and_ruling_end_to_end(kampung, desk) -> None:
    village = await kampung.village()
    number, code = await desk.file(await desk.visitor(), village)
    request_id = await _filed_id(kampung, village, number)
    officer = await kampung.login(OFFICER, village)
    action_url = f"{village.url}/ppid/permohonan/{request_id}/aksi"

    missing = await officer.post(action_url, data={"action": "tolak", "tolak__alasan": "Rahasia"})
    assert missing.status_code == 422
    assert "Pilih dasar pengecualian." in missing.text

    refused = await officer.post(
        action_url,
        data={
            "action": "tolak",
            "tolak__pengecualian": "17h",
            "tolak__alasan": "Memuat data pribadi warga",
        },
    )
    assert refused.status_code == 303
    head = await kampung.login("village_head", village)
    early = await head.post(
        action_url, data={"action": "terima_keberatan", "terima_keberatan__tanggapan": "Diterima"}
    )
    assert early.status_code == 409
    assert "tidak boleh dari status" in early.text

    status_url = f"{village.url}/situs/ppid/lacak"
    requester = await desk.visitor()
    page = await requester.get(status_url, params={"nomor": number, "kode": code})
    assert "Ditolak" in page.text and "rahasia pribadi" in page.text
    objected = await requester.post(
        f"{status_url}/keberatan",
        data={"nomor": number, "kode": code, "dasar": "a", "alasan": "Data itu sudah umum"},
    )
    assert objected.status_code == 303
    page = await requester.get(status_url, params={"nomor": number, "kode": code})
    assert "Keberatan diajukan" in page.text

    not_the_officers = await officer.post(
        action_url, data={"action": "tolak_keberatan", "tolak_keberatan__tanggapan": "Ditolak"}
    )
    assert not_the_officers.status_code == 403
    ruled = await head.post(
        action_url,
        data={
            "action": "tolak_keberatan",
            "tolak_keberatan__tanggapan": "Pengecualian sudah tepat",
        },
    )
    assert ruled.status_code == 303
    async with kampung.scope(village.code):
        steps = await history(request_id)
        row = await InfoRequest.select().where(InfoRequest.id == request_id).first()
    actions = [s["action"] for s in steps]
    assert actions == [
        "ajukan",
        "tolak",
        "ajukan_keberatan",
        "tolak_keberatan",
    ]
    assert [s["actor"] for s in steps][2] == "pemohon"
    assert row["status"] == "keberatan_ditolak"


async def test_an_objection_with_a_wrong_code_is_not_found(kampung, desk) -> None:
    village = await kampung.village()
    number, _ = await desk.file(await desk.visitor(), village)
    posted = await (await desk.visitor()).post(
        f"{village.url}/situs/ppid/lacak/keberatan",
        data={"nomor": number, "kode": "WRONGCODE2", "dasar": "c", "alasan": "x"},
    )
    assert posted.status_code == 404


async def test_an_objection_to_a_pending_request_waits_for_its_deadline(kampung, desk) -> None:
    village = await kampung.village()
    filed = await desk.file_at(village, datetime(2026, 3, 16, 2, 0, tzinfo=UTC))
    payload = {"dasar": "c", "alasan": "Tidak ada jawaban"}
    async with kampung.scope(village.code):
        with pytest.raises(Exception, match="masih dalam batas waktu"):
            await take_action(
                kampung.kernel,
                filed.id,
                "ajukan_keberatan",
                payload,
                actor="pemohon",
                now=datetime(2026, 4, 7, 9, 0, tzinfo=UTC),
            )
        status = await take_action(
            kampung.kernel,
            filed.id,
            "ajukan_keberatan",
            payload,
            actor="pemohon",
            now=datetime(2026, 4, 8, 1, 0, tzinfo=UTC),
        )
        row = await InfoRequest.select().where(InfoRequest.id == filed.id).first()
    assert status == "keberatan"
    # 30 working days from 8 April 2026 (Ascension 14-15 May, 1 May, Iduladha 27-28 May).
    assert row["objection_due_on"].isoformat() == "2026-05-25"


async def test_the_extension_moves_the_deadline_and_comes_before_it(kampung, desk) -> None:
    village = await kampung.village()
    on_time = await desk.file_at(village, datetime(2026, 3, 16, 2, 0, tzinfo=UTC))
    late = await desk.file_at(village, datetime(2026, 3, 16, 3, 0, tzinfo=UTC), "10.0.0.10")
    reason = {"alasan": "Dokumen masih di arsip kecamatan"}
    async with kampung.scope(village.code):
        await take_action(
            kampung.kernel, on_time.id, "perpanjang", reason, actor="ppid",
            now=datetime(2026, 4, 7, 8, 0, tzinfo=UTC),
        )  # fmt: skip
        extended = await InfoRequest.select().where(InfoRequest.id == on_time.id).first()
        with pytest.raises(Exception, match="perpanjangan harus diberikan sebelumnya"):
            await take_action(
                kampung.kernel, late.id, "perpanjang", reason, actor="ppid",
                now=datetime(2026, 4, 8, 8, 0, tzinfo=UTC),
            )  # fmt: skip
    assert extended["status"] == "diperpanjang"
    assert extended["due_on"].isoformat() == "2026-04-16"


async def test_a_request_past_its_deadline_is_flagged_in_the_queue(kampung, desk) -> None:
    village = await kampung.village()
    filed = await desk.file_at(village, datetime(2026, 3, 16, 2, 0, tzinfo=UTC))
    officer = await kampung.login(OFFICER, village)
    queue = await officer.get(f"{village.url}/ppid")
    row = re.search(rf"{filed.tracking_number}.*?</tr>", queue.text, re.S).group(0)
    assert "Melewati batas waktu jawaban" in row
    assert "07-04-2026" in row


async def test_the_history_cannot_be_changed_or_removed(kampung, desk) -> None:
    village = await kampung.village()
    filed = await desk.file_at(village, datetime(2026, 3, 16, 2, 0, tzinfo=UTC))
    for statement in (
        InfoRequestStep.update({InfoRequestStep.actor: "orang lain"}, force=True),
        InfoRequestStep.delete(force=True),
    ):
        with pytest.raises(Exception, match=r"permission denied|insert-only"):
            async with kampung.scope(village.code):
                await statement
    async with kampung.scope(village.code):
        assert [s["actor"] for s in await history(filed.id)] == ["pemohon"]


async def test_a_grant_carries_the_file_only_its_requester_downloads(kampung, desk) -> None:
    village = await kampung.village()
    number, code = await desk.file(await desk.visitor(), village)
    request_id = await _filed_id(kampung, village, number)
    officer = await kampung.login(OFFICER, village)
    pdf = b"%PDF-1.4\n%%EOF\n"
    granted = await officer.post(
        f"{village.url}/ppid/permohonan/{request_id}/aksi",
        data={"action": "kabulkan", "kabulkan__jawaban": "Terlampir"},
        files={"kabulkan__berkas": ("realisasi-2025.pdf", pdf, "application/pdf")},
    )
    assert granted.status_code == 303, granted.text[:500]
    status_url = f"{village.url}/situs/ppid/lacak"
    page = await kampung.client().get(status_url, params={"nomor": number, "kode": code})
    link = re.search(r'href="([^"]+/ppid/lacak/berkas/\d+[^"]*)"', page.text).group(1)
    got = await kampung.client().get(link.replace("&amp;", "&"))
    assert got.status_code == 200 and got.content == pdf
    assert got.headers["content-disposition"].startswith("attachment;")
    without_code = await kampung.client().get(link.split("?")[0])
    assert without_code.status_code == 404
    wrong = await kampung.client().get(
        link.split("?")[0], params={"nomor": number, "kode": "X" * 10}
    )
    assert wrong.status_code == 404


async def test_a_refusal_cannot_carry_a_file(kampung, desk) -> None:
    village = await kampung.village()
    number, _ = await desk.file(await desk.visitor(), village)
    request_id = await _filed_id(kampung, village, number)
    officer = await kampung.login(OFFICER, village)
    refused = await officer.post(
        f"{village.url}/ppid/permohonan/{request_id}/aksi",
        data={"action": "tolak", "tolak__pengecualian": "17h", "tolak__alasan": "Data pribadi"},
        files={"tolak__berkas": ("data.pdf", b"%PDF-1.4\n", "application/pdf")},
    )
    assert refused.status_code == 422
    assert "Berkas hanya dilampirkan pada jawaban yang mengabulkan." in refused.text
