"""A village fills its yearly survey over HTTP: partial saves, validation, submission and the
regency's verification, with the history kept."""

from __future__ import annotations

from core.db.jsonvalue import json_dict
from plugins.village_index.tables import Assessment, AssessmentStep
from tests.village_index.surveys import fill_all, fill_dimension, start_survey


async def test_starting_a_survey_twice_with_one_key_makes_one(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_operator", village)
    first = await start_survey(client, village, 2023, "k" * 16)
    again = await start_survey(client, village, 2023, "k" * 16)
    assert first.status_code == again.status_code == 303
    assert first.headers["location"].endswith("/indeks-desa/2023")
    async with kampung.scope(village.code):
        assert await Assessment.count() == 1


async def test_a_second_survey_for_the_year_is_refused_beside_the_year(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_operator", village)
    await start_survey(client, village, 2023, "a" * 16)
    answer = await start_survey(client, village, 2023, "b" * 16)
    assert answer.status_code == 422
    assert "Survei tahun 2023 sudah ada." in answer.text


async def test_a_year_before_the_index_or_in_the_future_is_refused(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_operator", village)
    for year in ("2015", "2999"):
        answer = await start_survey(client, village, int(year), "y" * 12 + year)
        assert answer.status_code == 422
        assert "Tahun harus antara 2016 dan" in answer.text
    answer = await client.post(village.url + "/indeks-desa/survei", data={"year": "dua"})
    assert answer.status_code == 422 and "Tahun: isi empat angka." in answer.text


async def test_a_partial_save_keeps_what_is_known(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_operator", village)
    await start_survey(client, village, 2023, "p" * 16)
    answer = await client.post(
        village.url + "/indeks-desa/2023/isi/iks",
        data={"skor_IKS01": "4", "bukti_IKS01": "Puskesmas 15 menit", "skor_IKS02": ""},
    )
    assert answer.status_code == 303
    page = await client.get(village.url + "/indeks-desa/2023")
    assert "1/35" in page.text
    assert "Nilai akhir muncul setelah semua indikator diisi." in page.text
    form = await client.get(village.url + "/indeks-desa/2023/isi/iks")
    assert "Puskesmas 15 menit" in form.text


async def test_a_score_out_of_range_is_named_and_the_form_keeps_what_was_typed(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_operator", village)
    await start_survey(client, village, 2023, "v" * 16)
    answer = await client.post(
        village.url + "/indeks-desa/2023/isi/iks",
        data={"skor_IKS01": "9", "bukti_IKS01": "Catatan bidan desa", "skor_IKS02": "3"},
    )
    assert answer.status_code == 422
    assert (
        "Skor IKS01 (Waktu tempuh ke sarana kesehatan): bilangan bulat 0 sampai 5." in answer.text
    )
    assert "Catatan bidan desa" in answer.text
    async with kampung.scope(village.code):
        row = await Assessment.select(Assessment.answers).first()
    assert json_dict(row["answers"]) == {}


async def test_an_incomplete_survey_cannot_be_submitted(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_admin", village)
    await start_survey(client, village, 2023, "i" * 16)
    await fill_dimension(client, village, 2023, "ikl", 4)
    answer = await client.post(
        village.url + "/indeks-desa/2023/tindakan",
        data={"action": "submit", "idempotency_key": "s" * 16},
    )
    assert answer.status_code == 422
    assert "Masih ada 47 indikator yang belum diisi." in answer.text


async def test_survey_is_scored_submitted_and_verified_by_the_regency(kampung) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("village_admin", village)
    await start_survey(admin, village, 2023, "f" * 16)
    await fill_all(admin, village, 2023, {"iks": 4, "ike": 3, "ikl": 5})
    page = await admin.get(village.url + "/indeks-desa/2023")
    # IKS 140/175 = 0.8, IKE 36/60 = 0.6, IKL 1: IDM = 2.4 / 3 = 0.8 → Maju (≤ 0.8155)
    assert "0.8000" in page.text and "0.6000" in page.text
    assert "<strong>0.8000</strong>" in page.text and "<strong>Maju</strong>" in page.text
    submitted = await admin.post(
        village.url + "/indeks-desa/2023/tindakan",
        data={"action": "submit", "idempotency_key": "s" * 16},
    )
    assert submitted.status_code == 303
    locked = await fill_dimension(admin, village, 2023, "ikl", 1)
    assert locked.status_code == 409
    assert "tidak bisa diubah" in locked.text

    refused = await admin.post(
        village.url + "/indeks-desa/2023/tindakan",
        data={"action": "verify", "idempotency_key": "w" * 16},
    )
    assert refused.status_code == 403
    regency = await kampung.login("regency_admin")
    verified = await regency.post(
        village.url + "/indeks-desa/2023/tindakan",
        data={"action": "verify", "idempotency_key": "r" * 16},
    )
    assert verified.status_code == 303
    retried = await regency.post(
        village.url + "/indeks-desa/2023/tindakan",
        data={"action": "verify", "idempotency_key": "r" * 16},
    )
    assert retried.status_code == 303
    async with kampung.scope(village.code):
        steps = await AssessmentStep.select(AssessmentStep.action).order_by(AssessmentStep.id)
    assert [s["action"] for s in steps] == ["submit", "verify"]
    overview = await admin.get(village.url + "/indeks-desa")
    assert "sumber: survei desa terverifikasi" in overview.text


async def test_a_returned_survey_needs_a_reason_and_can_be_corrected(kampung) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("village_admin", village)
    await start_survey(admin, village, 2023, "f" * 16)
    await fill_all(admin, village, 2023, {"iks": 4, "ike": 3, "ikl": 5})
    await admin.post(village.url + "/indeks-desa/2023/tindakan", data={"action": "submit"})
    regency = await kampung.login("village_index_verifier")
    blank = await regency.post(
        village.url + "/indeks-desa/2023/tindakan", data={"action": "return", "note": " "}
    )
    assert blank.status_code == 422 and "Alasan pengembalian wajib diisi." in blank.text
    returned = await regency.post(
        village.url + "/indeks-desa/2023/tindakan",
        data={"action": "return", "note": "Bukti IKL kurang"},
    )
    assert returned.status_code == 303
    assert (await fill_dimension(admin, village, 2023, "ikl", 4)).status_code == 303
    page = await admin.get(village.url + "/indeks-desa/2023")
    assert "Bukti IKL kurang" in page.text and "Dikembalikan" in page.text
