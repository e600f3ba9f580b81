"""Drafting village letters: the form, the register data they need, and idempotent creation."""

from __future__ import annotations

from plugins.population.tables import Letter

NIK = "3527014506900001"


async def test_operator_drafts_a_letter_through_the_form_and_finds_it_in_the_list(
    kampung, add_resident
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)

    form = await operator.get(village.url + "/surat/baru?jenis=usaha")
    assert form.status_code == 200
    assert 'name="usaha.nama"' in form.text
    response = await operator.post(
        village.url + "/surat/baru",
        data={
            "kind": "usaha",
            "nik": NIK,
            "paper": "F4",
            "usaha.nama": "Warung Berkah",
            "usaha.jenis": "Toko kelontong",
            "usaha.alamat": "Jalan Raya Noreh 3",
            "usaha.sejak": "2019",
            "keperluan": "pengajuan kredit usaha",
            "idempotency_key": "form-key-1",
        },
    )
    assert response.status_code == 303
    detail = await operator.get(response.headers["location"])
    assert "Surat Keterangan Usaha" in detail.text
    assert "Warung Berkah" in detail.text
    assert "Draf" in detail.text
    listing = await operator.get(village.url + "/surat?jenis=usaha&status=draf")
    assert "Siti Aminah" in listing.text
    assert "Belum ada surat" in (await operator.get(village.url + "/surat?status=dibatalkan")).text


async def test_empty_field_is_named_and_typed_values_are_kept(kampung, add_resident):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    response = await operator.post(
        village.url + "/surat/baru",
        data={"kind": "usaha", "nik": NIK, "usaha.nama": "Warung Berkah", "idempotency_key": "k"},
    )
    assert response.status_code == 422
    assert "Jenis usaha wajib diisi." in response.text
    assert 'value="Warung Berkah"' in response.text
    async with kampung.scope(village.code):
        assert await Letter.count() == 0


async def test_unknown_nik_is_a_field_error(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    response = await operator.post(
        village.url + "/surat/baru",
        data={"kind": "domisili", "nik": NIK, "keperluan": "x", "idempotency_key": "k"},
    )
    assert response.status_code == 422
    assert f"Penduduk dengan NIK {NIK} tidak ditemukan di desa ini." in response.text


async def test_register_data_the_wording_needs_but_lacks_stops_the_draft(kampung, add_resident):
    village = await kampung.village()
    await add_resident(village, NIK, birth_date=None)
    operator = await kampung.login("village_operator", village)
    response = await operator.post(
        village.url + "/surat/baru",
        data={"kind": "domisili", "nik": NIK, "keperluan": "x", "idempotency_key": "k"},
    )
    assert response.status_code == 422
    assert "resident.birth_date" in response.text


async def test_repeated_submission_creates_one_letter(kampung, add_resident, draft):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    values = {"kind": "domisili", "nik": NIK, "keperluan": "x", "idempotency_key": "double-click"}
    first = await operator.post(village.url + "/surat/baru", data=values)
    second = await operator.post(village.url + "/surat/baru", data=values)
    assert first.headers["location"] == second.headers["location"]

    created = await draft(operator, village, NIK, key="api-retry")
    retried = await draft(operator, village, NIK, key="api-retry")
    assert (created.status_code, retried.status_code) == (201, 200)
    assert created.json()["id"] == retried.json()["id"]
    async with kampung.scope(village.code):
        assert await Letter.count() == 2


async def test_village_template_is_used_for_new_letters(kampung, add_resident, draft):
    village = await kampung.village()
    await add_resident(village, NIK)
    admin = await kampung.login("village_admin", village)
    page = await admin.get(village.url + "/surat/templat/domisili")
    assert page.status_code == 200
    saved = await admin.post(
        village.url + "/surat/templat/domisili",
        data={
            "body": "Warga {{ resident.name }} tinggal di {{ village.name }} untuk {{ keperluan }}."
        },
    )
    assert saved.status_code == 303
    operator = await kampung.login("village_operator", village)
    letter = (await draft(operator, village, NIK)).json()
    assert letter["body"].startswith("Warga Siti Aminah tinggal di")
    assert letter["body"].endswith("untuk melamar pekerjaan.")


async def test_broken_or_unsafe_template_is_refused_with_the_reason(kampung):
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    url = village.url + "/surat/templat/domisili"
    broken = await admin.post(url, data={"body": "Nama {{ resident.name "})
    assert broken.status_code == 422
    assert "tidak dapat dibaca" in broken.text
    assert "{{ resident.name " in broken.text
    unsafe = await admin.post(url, data={"body": "{{ resident.__class__.__mro__ }}"})
    assert unsafe.status_code == 422
    unknown = await admin.post(url, data={"body": "{{ resident.tinggi_badan }}"})
    assert unknown.status_code == 422
    assert "resident.tinggi_badan" in unknown.text


async def test_only_the_village_admin_edits_templates(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(village.url + "/surat/templat/domisili")).status_code == 403
