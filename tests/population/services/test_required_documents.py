"""A request is declared complete and forwarded only with every required document uploaded, or
its paper original recorded as seen by the operator, in the history and the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from core.audit.tables import AuditEntry
from core.db.jsonvalue import json_dict
from plugins.population.tables import ServiceRequest, ServiceStep

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
MISSING_KK = "Dokumen wajib belum diunggah: Kartu Keluarga (KK)."


async def test_lengkap_is_refused_naming_the_missing_document(counter, people) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "m-1", "ktp_el")
    refused = await counter.act(request_id, "lengkap")
    assert refused.status_code == 422
    assert MISSING_KK in refused.text
    assert "Dokumen asli sudah dilihat" in refused.text
    assert await counter.status(request_id) == "diajukan"


async def test_every_missing_required_document_is_named_and_optional_ones_are_not(
    counter, people
) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "m-2", "kk_baru")
    api = await counter.operator.post(
        counter.village.api + f"/layanan/{request_id}/aksi/lengkap", json={}
    )
    assert api.status_code == 422
    message = api.json()["errors"]["asli_dilihat"]
    assert message.startswith(
        "Dokumen wajib belum diunggah: Buku nikah/akta perkawinan; Kartu Keluarga lama (asal) "
        "suami dan istri; KTP-el suami dan istri."
    )
    assert "Surat pengantar RT/RW" not in message
    partly = await counter.operator.post(
        counter.village.api + f"/layanan/{request_id}/aksi/lengkap",
        json={"asli_dilihat": ["buku_nikah", "kk_lama"]},
    )
    assert partly.status_code == 422
    assert partly.json()["errors"]["asli_dilihat"].startswith(
        "Dokumen wajib belum diunggah: KTP-el suami dan istri."
    )
    assert await counter.status(request_id) == "diajukan"


async def test_request_page_shows_which_documents_are_uploaded_and_which_missing(
    counter, people
) -> None:
    person = await people.resident(counter.village)
    sent = await counter.operator.post(
        counter.village.url + "/layanan/baru",
        data={
            "kind": "kia",
            "idempotency_key": "u-1",
            "nik": person["nik"],
            "applicant_name": "Siti",
        },
        files={"dok_akta_kelahiran": ("akta.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 303
    page = await counter.operator.get(sent.headers["location"])
    assert "Dokumen wajib yang belum diunggah:" in page.text
    assert "<li>Kartu Keluarga orang tua</li>" in page.text
    assert "<li>KTP-el ayah dan ibu</li>" in page.text
    assert "<li>Kutipan akta kelahiran anak</li>" not in page.text
    assert "Diunggah" in page.text and "akta.pdf" in page.text
    assert 'name="asli_dilihat" value="kk_orang_tua"' in page.text
    assert 'name="asli_dilihat" value="akta_kelahiran"' not in page.text


async def test_originals_seen_are_recorded_with_who_and_when_and_audited(
    kampung, counter, people
) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "s-1", "ktp_el")
    done = await counter.act(request_id, "lengkap", {"asli_dilihat": "kk"})
    assert done.status_code == 303
    forwarded = await counter.act(request_id, "teruskan")
    assert forwarded.status_code == 303
    assert await counter.status(request_id) == "diteruskan"
    async with kampung.scope(counter.village.code):
        steps = (
            await ServiceStep.select()
            .where(ServiceStep.request == request_id)
            .order_by(ServiceStep.id)
        )
        audit = (
            await AuditEntry.select()
            .where(
                (AuditEntry.entity == "service_request")
                & (AuditEntry.entity_id == str(request_id))
                & (AuditEntry.action == "lengkap")
            )
            .first()
        )
    first = steps[0]
    assert first["action"] == "lengkap"
    assert json_dict(first["payload"]) == {"asli_dilihat": ["kk"]}
    assert first["actor"].startswith("village-operator-")
    assert (datetime.now(UTC) - first["at"]).total_seconds() < 60
    assert json_dict(steps[1]["payload"]) == {}
    assert json_dict(audit["after"])["asli_dilihat"] == ["kk"]
    page = await counter.operator.get(counter.url(request_id))
    assert "Asli dilihat" in page.text
    assert "dokumen asli dilihat oleh Village-Operator-" in page.text
    assert "Dokumen asli dilihat: Kartu Keluarga (KK)" in page.text


async def test_teruskan_is_refused_while_a_required_document_is_missing(
    kampung, counter, people
) -> None:
    """A request declared complete before the rule (no originals recorded) stops at forwarding."""
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "t-1", "ktp_el")
    now = datetime.now(UTC)
    async with kampung.scope(counter.village.code):
        await ServiceRequest.update({ServiceRequest.status: "diperiksa"}).where(
            ServiceRequest.id == request_id
        )
        await ServiceStep.insert(
            ServiceStep(
                village_code=counter.village.code,
                request=request_id,
                action="lengkap",
                from_status="diajukan",
                to_status="diperiksa",
                actor="operator-lama",
                at=now,
                payload={},
            )
        )
    refused = await counter.act(request_id, "teruskan")
    assert refused.status_code == 422 and MISSING_KK in refused.text
    assert await counter.status(request_id) == "diperiksa"
    assert (await counter.act(request_id, "teruskan", {"asli_dilihat": "kk"})).status_code == 303
    assert await counter.status(request_id) == "diteruskan"


async def test_a_document_not_on_the_checklist_is_refused(counter, people) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "x-1", "ktp_el")
    refused = await counter.operator.post(
        counter.village.api + f"/layanan/{request_id}/aksi/lengkap",
        json={"asli_dilihat": ["kk", "paspor"]},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"]["asli_dilihat"] == (
        "Dokumen asli yang dicentang tidak ada dalam daftar persyaratan jenis layanan ini."
    )


async def test_ticked_originals_are_kept_when_the_form_comes_back_with_an_error(
    counter, people
) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "k-1", "kk_perubahan")
    refused = await counter.act(request_id, "lengkap", {"asli_dilihat": ["kk_lama"]})
    assert refused.status_code == 422
    assert 'value="kk_lama" checked' in refused.text
    assert 'value="formulir_f106">' in refused.text
