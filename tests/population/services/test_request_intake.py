from __future__ import annotations

import re
from io import BytesIO

from PIL import Image

from plugins.population.tables import ServiceDocument, ServiceRequest

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (120, 80), "white").save(out, "PNG")
    return out.getvalue()


PNG = _png()


def created_id(response) -> int:
    assert response.status_code == 303, response.text[:2000]
    return int(re.search(r"/layanan/(\d+)$", response.headers["location"]).group(1))


async def test_operator_submits_request_at_counter_with_documents(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    form = await client.get(village.url + "/layanan/baru?kind=ktp_el")
    assert form.status_code == 200
    assert "Kartu Keluarga (KK)" in form.text
    response = await client.post(
        village.url + "/layanan/baru",
        data={
            "kind": "ktp_el",
            "idempotency_key": "k-1",
            "nik": person["nik"],
            "applicant_name": "Siti",
        },
        files={"dok_kk": ("kk.pdf", PDF, "application/pdf")},
    )
    request_id = created_id(response)
    detail = await client.get(village.url + f"/layanan/{request_id}")
    assert detail.status_code == 200
    assert "kk.pdf" in detail.text
    assert "Umur 0 hari kerja" in detail.text
    async with kampung.scope(village.code):
        row = await ServiceRequest.select().where(ServiceRequest.id == request_id).first()
        docs = await ServiceDocument.select().where(ServiceDocument.request == request_id)
    assert row["status"] == "diajukan" and row["channel"] == "loket"
    assert [d["doc_key"] for d in docs] == ["kk"]
    stored = kampung.settings.data_path / "uploads" / village.code / docs[0]["stored_name"]
    assert stored.read_bytes() == PDF
    assert docs[0]["stored_name"] != "kk.pdf"


async def test_double_submit_with_same_key_creates_one_request(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    data = {
        "kind": "kia",
        "idempotency_key": "same-key",
        "nik": person["nik"],
        "applicant_name": "Siti",
    }
    first = created_id(await client.post(village.url + "/layanan/baru", data=data))
    second = created_id(await client.post(village.url + "/layanan/baru", data=data))
    api = await client.post(village.api + "/layanan", json=data)
    assert first == second == api.json()["id"]
    assert api.status_code == 200
    async with kampung.scope(village.code):
        assert await ServiceRequest.count().where(ServiceRequest.village_code == village.code) == 1


async def test_upload_that_is_not_an_image_or_pdf_is_refused_by_content(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    data = {
        "kind": "ktp_el",
        "idempotency_key": "k-2",
        "nik": person["nik"],
        "applicant_name": "Siti Aminah",
    }
    response = await client.post(
        village.url + "/layanan/baru",
        data=data,
        files={"dok_kk": ("kk.pdf", b"<html><script>alert(1)</script>", "application/pdf")},
    )
    assert response.status_code == 422
    assert "Kartu Keluarga (KK): hanya berkas JPG, PNG, atau PDF yang diterima." in response.text
    assert 'value="Siti Aminah"' in response.text
    async with kampung.scope(village.code):
        assert await ServiceRequest.count() == 0


async def test_upload_over_the_size_limit_is_refused(kampung, people) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    big = b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024)
    response = await client.post(
        village.url + "/layanan/baru",
        data={
            "kind": "ktp_el",
            "idempotency_key": "k-3",
            "nik": person["nik"],
            "applicant_name": "Siti",
        },
        files={"dok_kk": ("kk.jpg", big, "image/jpeg")},
    )
    assert response.status_code == 422
    assert "ukuran berkas paling besar 5 MB" in response.text


async def test_missing_fields_are_named_in_indonesian(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    response = await client.post(
        village.url + "/layanan/baru",
        data={"kind": "akta_kematian", "idempotency_key": "k-4", "nik": "3527014101880001"},
    )
    assert response.status_code == 422
    assert "Nama pemohon wajib diisi." in response.text
    assert "NIK tidak ditemukan di data penduduk desa ini." in response.text
    assert "Tanggal kematian wajib diisi." in response.text


async def test_document_is_downloaded_as_attachment_only_by_permitted_staff(
    kampung, people
) -> None:
    village = await kampung.village()
    person = await people.resident(village)
    client = await kampung.login("village_operator", village)
    request_id = created_id(
        await client.post(
            village.url + "/layanan/baru",
            data={
                "kind": "ktp_el",
                "idempotency_key": "k-5",
                "nik": person["nik"],
                "applicant_name": "Siti",
            },
            files={"dok_kk": ("foto kk.png", PNG, "image/png")},
        )
    )
    async with kampung.scope(village.code):
        doc = await ServiceDocument.select().where(ServiceDocument.request == request_id).first()
    url = village.url + f"/layanan/{request_id}/dokumen/{doc['id']}"
    response = await client.get(url)
    assert response.status_code == 200
    with Image.open(BytesIO(response.content)) as stored:
        assert stored.format == "PNG" and stored.size == (120, 80)
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["x-content-type-options"] == "nosniff"
    head = await kampung.login("village_head", village)
    assert (await head.get(url)).status_code == 403
