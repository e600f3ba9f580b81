"""A citizen fixes what a returned request asks for and sends it again."""

from __future__ import annotations

from plugins.population.tables import ServiceDocument, ServiceRequest, ServiceStep
from tests.population.portal.conftest import signed_in
from tests.population.portal.test_request_detail import online_request, return_to_citizen

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def returned_request(kampung, people):
    village = await kampung.village()
    me = await people.resident(village, "SITI AMINAH", family=await people.family(village))
    request_id = await online_request(kampung, village, me, alamat_tujuan="Surabya")
    await return_to_citizen(kampung, village, request_id, "Alamat tujuan salah ketik")
    return village, me, request_id, await signed_in(kampung, village, me["nik"])


async def test_citizen_fixes_and_resubmits_a_returned_request(kampung, people) -> None:
    village, me, request_id, client = await returned_request(kampung, people)
    url = village.url + f"/warga/layanan/{request_id}"
    form = (await client.get(url)).text
    assert f'action="{url}/ajukan-ulang"' in form and 'value="Surabya"' in form

    sent = await client.post(
        url + "/ajukan-ulang",
        data={"alamat_tujuan": "Surabaya", "catatan": "Alamat sudah dibetulkan"},
        files={"dok_kk": ("kk.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 303 and sent.headers["location"] == url

    async with kampung.scope(village.code):
        row = await ServiceRequest.select().where(ServiceRequest.id == request_id).first()
        steps = await ServiceStep.select().where(ServiceStep.request == request_id)
        files = await ServiceDocument.select().where(ServiceDocument.request == request_id)
    assert row["status"] == "diajukan"
    assert '"Surabaya"' in str(row["payload"]).replace("'", '"')
    last = max(steps, key=lambda s: s["id"])
    assert (last["action"], last["actor"]) == ("ajukan_ulang", f"warga:{me['id']}")
    assert [f["doc_key"] for f in files] == ["kk"]

    page = (await client.get(url)).text
    assert "Ajukan ulang" in page and "Catatan: Alamat sudah dibetulkan" in page
    assert "SITI AMINAH · Ajukan ulang" in page
    assert "Perbaiki dan kirim ulang" not in page, "a request under review cannot be resent"
    assert "Alasan dikembalikan" not in page


async def test_resubmission_with_a_missing_field_names_it_and_keeps_what_was_typed(
    kampung, people
) -> None:
    village, _me, request_id, client = await returned_request(kampung, people)
    url = village.url + f"/warga/layanan/{request_id}"
    answer = await client.post(
        url + "/ajukan-ulang", data={"alamat_tujuan": "", "catatan": "Sudah saya cek"}
    )
    assert answer.status_code == 422
    assert "Alamat tujuan pindah wajib diisi." in answer.text
    assert "Sudah saya cek" in answer.text
    async with kampung.scope(village.code):
        row = await ServiceRequest.select().where(ServiceRequest.id == request_id).first()
    assert row["status"] == "dikembalikan"


async def test_sending_the_same_fix_twice_resubmits_once(kampung, people) -> None:
    village, _me, request_id, client = await returned_request(kampung, people)
    url = village.url + f"/warga/layanan/{request_id}"
    for _ in range(2):
        sent = await client.post(url + "/ajukan-ulang", data={"alamat_tujuan": "Surabaya"})
        assert sent.status_code == 303
    async with kampung.scope(village.code):
        steps = await ServiceStep.select().where(
            (ServiceStep.request == request_id) & (ServiceStep.action == "ajukan_ulang")
        )
    assert len(steps) == 1
