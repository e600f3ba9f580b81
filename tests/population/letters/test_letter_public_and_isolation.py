"""What the public sees of a letter through its QR code, and what a village sees of another's."""

from __future__ import annotations

NIK = "3527014506900001"
OTHER_NIK = "3527015203850002"


async def _signed_letter(kampung, village, nik, draft, act) -> dict:
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    letter_id = (await draft(operator, village, nik)).json()["id"]
    await act(secretary, village, letter_id, "periksa")
    return (await act(head, village, letter_id, "tandatangani")).json()


async def _verify_path(kampung, village, letter_id: int) -> str:
    from plugins.population.tables import Letter

    async with kampung.scope(village.code):
        row = await Letter.select(Letter.verify_token).where(Letter.id == letter_id).first()
    return f"/verifikasi/surat/{village.code}/{row['verify_token']}"


async def test_public_verification_shows_the_letter_with_the_nik_masked(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    letter = await _signed_letter(kampung, village, NIK, draft, act)
    path = await _verify_path(kampung, village, letter["id"])

    page = await kampung.client().get(path)

    assert page.status_code == 200
    assert letter["number"] in page.text
    assert "Surat Keterangan Domisili" in page.text
    assert "Siti Aminah" in page.text
    assert "3527********0001" in page.text
    assert NIK not in page.text
    assert f"Kepala Desa {village.name}" in page.text


async def test_unknown_or_unsigned_letters_are_not_found_publicly(kampung, add_resident, draft):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    draft_id = (await draft(operator, village, NIK)).json()["id"]
    anonymous = kampung.client()

    unsigned = await anonymous.get(await _verify_path(kampung, village, draft_id))
    unknown = await anonymous.get(f"/verifikasi/surat/{village.code}/{'x' * 40}")
    malformed = await anonymous.get("/verifikasi/surat/35.27/abc")

    for response in (unsigned, unknown, malformed):
        assert response.status_code == 404
        assert "tidak ditemukan" in response.text


async def test_token_of_one_village_does_not_open_under_another(kampung, add_resident, draft, act):
    village = await kampung.village()
    other = await kampung.village(1)
    await add_resident(village, NIK)
    letter = await _signed_letter(kampung, village, NIK, draft, act)
    path = await _verify_path(kampung, village, letter["id"])
    response = await kampung.client().get(path.replace(village.code, other.code))
    assert response.status_code == 404


async def test_letters_of_another_village_are_invisible(kampung, add_resident, draft, act):
    village_a = await kampung.village()
    village_b = await kampung.village(1)
    await add_resident(village_b, OTHER_NIK, name="Ahmad Fauzi")
    letter_b = await _signed_letter(kampung, village_b, OTHER_NIK, draft, act)
    operator_a = await kampung.login("village_operator", village_a)
    head_a = await kampung.login("village_head", village_a)
    own = f"{village_a.url}/surat/{letter_b['id']}"
    api = f"{village_a.api}/surat/{letter_b['id']}"

    assert (await operator_a.get(own)).status_code == 404
    assert (await operator_a.get(own + "/pdf")).status_code == 404
    assert (await operator_a.get(api)).status_code == 404
    assert (await head_a.post(api + "/aksi/batalkan")).status_code in (403, 404)
    assert (await operator_a.post(api + "/aksi/batalkan")).status_code == 404
    listing = await operator_a.get(f"{village_a.api}/surat")
    assert listing.json()["items"] == []
    assert "Ahmad Fauzi" not in (await operator_a.get(f"{village_a.url}/surat")).text
    assert (await operator_a.get(f"{village_b.url}/surat")).status_code in (403, 404)
    assert (await operator_a.get(f"{village_b.api}/surat")).status_code in (403, 404)
    drafted = await draft(operator_a, village_a, OTHER_NIK)
    assert drafted.status_code == 422
    assert "tidak ditemukan di desa ini" in drafted.json()["errors"]["nik"]


async def test_api_lists_and_filters_letters(kampung, add_resident, draft, act):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    signed = await _signed_letter(kampung, village, NIK, draft, act)
    await draft(operator, village, NIK, kind="belum_menikah", fields={"keperluan": "menikah"})

    everything = (await operator.get(f"{village.api}/surat")).json()
    drafts = (await operator.get(f"{village.api}/surat?status=draf")).json()
    signed_only = (await operator.get(f"{village.api}/surat?jenis=domisili")).json()

    assert len(everything["items"]) == 2
    assert [item["kind"] for item in drafts["items"]] == ["belum_menikah"]
    assert [item["number"] for item in signed_only["items"]] == [signed["number"]]
    detail = (await operator.get(f"{village.api}/surat/{signed['id']}")).json()
    assert detail["resident_nik_masked"] == "3527********0001"
    assert detail["actions"] == []


async def test_dashboard_and_menu_show_letters_awaiting_action(kampung, add_resident, draft):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    await draft(operator, village, NIK)
    dashboard = await operator.get(village.url)
    assert "Surat menunggu" in dashboard.text
    assert "1 menunggu pemeriksaan" in dashboard.text
    assert f'href="{village.url}/surat"' in dashboard.text
