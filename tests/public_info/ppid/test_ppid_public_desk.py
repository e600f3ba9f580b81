"""Anyone files an information request without an account, gets a tracking number and code,
and follows it on a status page that never shows the identity number whole."""

from __future__ import annotations

import re

from ppid_desk import NIK, request_form

from plugins.public_info.tables import InfoRequest, InfoRequestStep


async def test_a_visitor_files_a_request_and_follows_it(kampung, desk) -> None:
    village = await kampung.village()
    visitor = await desk.visitor()
    form = await visitor.get(f"{village.url}/situs/ppid/permohonan")
    assert form.status_code == 200
    assert 'name="identity_number"' in form.text
    number, code = await desk.file(visitor, village)
    assert re.fullmatch(r"PPID-\d{4}-\d{5}", number)
    status = await kampung.client().get(
        f"{village.url}/situs/ppid/lacak", params={"nomor": number, "kode": code}
    )
    assert status.status_code == 200
    assert "Diajukan" in status.text
    assert NIK not in status.text
    assert "************0007" in status.text
    async with kampung.scope(village.code):
        row = await InfoRequest.select().first()
        steps = await InfoRequestStep.select()
    assert row["status"] == "diajukan" and row["identity_number"] == NIK
    assert [s["action"] for s in steps] == ["ajukan"]
    assert code not in str(row)


async def test_a_wrong_access_code_finds_nothing(kampung, desk) -> None:
    village = await kampung.village()
    number, _code = await desk.file(await desk.visitor(), village)
    wrong = await kampung.client().get(
        f"{village.url}/situs/ppid/lacak", params={"nomor": number, "kode": "XXXXXXXXXX"}
    )
    assert wrong.status_code == 404
    assert "Permohonan tidak ditemukan" in wrong.text
    assert "Moh. Hasan" not in wrong.text


async def test_a_request_of_one_village_is_not_found_at_another(kampung, desk) -> None:
    mine, other = await kampung.village(0), await kampung.village(1)
    number, code = await desk.file(await desk.visitor(), mine)
    elsewhere = await kampung.client().get(
        f"{other.url}/situs/ppid/lacak", params={"nomor": number, "kode": code}
    )
    assert elsewhere.status_code == 404


async def test_a_bad_form_names_each_field_and_keeps_what_was_typed(kampung, desk) -> None:
    village = await kampung.village()
    visitor = await desk.visitor()
    answer = await visitor.post(
        f"{village.url}/situs/ppid/permohonan",
        data=request_form(identity_number="12345", phone="", email="", information=""),
    )
    assert answer.status_code == 422
    assert "NIK terdiri atas 16 angka." in answer.text
    assert "Isi nomor telepon atau alamat surel" in answer.text
    assert "Rincian informasi yang dibutuhkan wajib diisi." in answer.text
    assert 'value="Moh. Hasan"' in answer.text
    assert "Bahan diskusi warga" in answer.text
    async with kampung.scope(village.code):
        assert await InfoRequest.count() == 0


async def test_an_email_delivery_needs_an_email_address(kampung, desk) -> None:
    village = await kampung.village()
    answer = await (await desk.visitor()).post(
        f"{village.url}/situs/ppid/permohonan", data=request_form(email="")
    )
    assert answer.status_code == 422
    assert "Alamat surel wajib diisi bila informasi dikirim lewat surel." in answer.text


async def test_a_bot_that_fills_the_hidden_field_stores_nothing(kampung, desk) -> None:
    village = await kampung.village()
    answer = await (await desk.visitor()).post(
        f"{village.url}/situs/ppid/permohonan",
        data=request_form(situs_web="http://spam.example"),
    )
    assert answer.status_code == 422
    async with kampung.scope(village.code):
        assert await InfoRequest.count() == 0


async def test_a_retried_submission_files_one_request(kampung, desk) -> None:
    village = await kampung.village()
    visitor = await desk.visitor()
    data = request_form()
    first = await visitor.post(f"{village.url}/situs/ppid/permohonan", data=data)
    again = await visitor.post(f"{village.url}/situs/ppid/permohonan", data=data)
    assert first.status_code == again.status_code == 201
    assert "sudah kami terima sebelumnya" in again.text
    async with kampung.scope(village.code):
        assert await InfoRequest.count() == 1


async def test_one_address_may_file_five_requests_an_hour(kampung, desk) -> None:
    village = await kampung.village()
    visitor = await desk.visitor()
    for _ in range(5):
        await desk.file(visitor, village)
    sixth = await visitor.post(f"{village.url}/situs/ppid/permohonan", data=request_form())
    assert sixth.status_code == 429
    assert "Terlalu banyak permohonan" in sixth.text
    async with kampung.scope(village.code):
        assert await InfoRequest.count() == 5


async def test_the_desk_is_not_found_where_the_plugin_is_off(kampung, desk) -> None:
    village = await kampung.village(0, plugins=[])
    visitor = await desk.visitor()
    assert (await visitor.get(f"{village.url}/situs/ppid/permohonan")).status_code == 404
    posted = await visitor.post(f"{village.url}/situs/ppid/permohonan", data=request_form())
    assert posted.status_code == 404
