"""Programmes as a village operator and a regency officer create them."""

from __future__ import annotations

import datetime as dt

from plugins.social_aid.programmes.programmes import amount_for

VALID = {
    "code": "BLT-DD",
    "name": "BLT Dana Desa 2026",
    "kind": "tunai",
    "target": "family",
    "period_start": "2026-01-01",
    "period_end": "2026-12-31",
    "fund_source": "Dana Desa",
    "budget": "54000000",
    "amount": "300000",
    "amount_basis": "target",
    "amount_cap": "0",
    "cycles": "12",
}


async def test_operator_creates_a_programme_once_even_when_the_form_is_sent_twice(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("aid_operator", village)
    form = {**VALID, "idempotency_key": "programme-key-1"}
    first = await client.post(f"{village.url}/bantuan/program/baru", data=form)
    second = await client.post(f"{village.url}/bantuan/program/baru", data=form)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    listing = await client.get(f"{village.url}/bantuan")
    assert listing.text.count("BLT Dana Desa 2026") == 1
    page = await client.get(first.headers["location"])
    assert "Rp54.000.000" in page.text and "Rp300.000" in page.text


async def test_bad_programme_fields_are_named_in_indonesian_and_the_form_keeps_them(
    kampung,
) -> None:
    village = await kampung.village(0)
    client = await kampung.login("aid_operator", village)
    form = {**VALID, "code": "blt dd!", "budget": "54.000.000,50", "cycles": "0",
            "period_end": "2025-01-01", "name": "Bantuan Langsung Tunai"}  # fmt: skip
    answer = await client.post(f"{village.url}/bantuan/program/baru", data=form)
    assert answer.status_code == 422
    for message in (
        "Kode program wajib 2–20 huruf besar",
        "Pagu anggaran harus rupiah bulat tanpa sen",
        "Jumlah siklus harus bilangan bulat 1 sampai 24.",
        "Akhir periode tidak boleh sebelum awal periode.",
    ):
        assert message in answer.text
    assert 'value="Bantuan Langsung Tunai"' in answer.text


async def test_a_code_used_in_the_village_is_refused(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("aid_operator", village)
    await client.post(f"{village.url}/bantuan/program/baru", data=VALID)
    again = await client.post(f"{village.url}/bantuan/program/baru", data=VALID)
    assert again.status_code == 422
    assert "Kode program BLT-DD sudah dipakai di desa ini." in again.text


def test_a_per_member_amount_stops_at_the_cap() -> None:
    programme = {"amount": 150_000, "amount_basis": "member", "amount_cap": 600_000}
    assert amount_for(programme, 3) == 450_000
    assert amount_for(programme, 6) == 600_000
    assert amount_for({**programme, "amount_cap": 0}, 6) == 900_000
    assert amount_for({**programme, "amount_basis": "target"}, 6) == 150_000


async def test_a_regency_programme_gets_a_share_in_every_onboarded_village(kampung) -> None:
    first, second = await kampung.village(0), await kampung.village(1)
    officer = await kampung.login("aid_officer", "35.27")
    form = {**VALID, "code": "PANGAN-KAB", "name": "Bantuan Pangan Kabupaten", "kind": "pangan"}
    answer = await officer.post("/kabupaten/bantuan/program/baru", data=form)
    assert answer.status_code == 303
    for village in (first, second):
        operator = await kampung.login("aid_operator", village)
        page = await operator.get(f"{village.url}/bantuan")
        assert "Bantuan Pangan Kabupaten" in page.text and "kabupaten" in page.text


async def test_another_villages_programmes_stay_hidden(kampung) -> None:
    mine, theirs = await kampung.village(0), await kampung.village(1)
    theirs_client = await kampung.login("aid_operator", theirs)
    await theirs_client.post(
        f"{theirs.url}/bantuan/program/baru", data={**VALID, "name": "Rahasia Tetangga"}
    )
    mine_client = await kampung.login("aid_operator", mine)
    assert "Rahasia Tetangga" not in (await mine_client.get(f"{mine.url}/bantuan")).text


async def test_a_national_programme_records_recipients_by_nik_once(kampung, desk) -> None:
    village = desk.village
    client = await kampung.login("aid_operator", village)
    national = {**VALID, "code": "PKH", "name": "Program Keluarga Harapan", "national": "1",
                "budget": "", "amount": "", "cycles": ""}  # fmt: skip
    created = await client.post(f"{village.url}/bantuan/program/baru", data=national)
    assert created.status_code == 303, created.text[:3000]
    url = created.headers["location"]
    kk = await desk.family()
    head = await desk.resident("SUPARMAN", kk=kk, born=dt.date(1970, 1, 2))
    recorded = await client.post(url + "/penerima", data={"nik": head["nik"]})
    assert recorded.status_code == 303
    again = await client.post(url + "/penerima", data={"nik": head["nik"]})
    assert again.status_code == 422 and "sudah menjadi penerima program ini" in again.text
    unknown = await client.post(url + "/penerima", data={"nik": "3527010101010001"})
    assert unknown.status_code == 422 and "NIK tidak ditemukan di desa ini" in unknown.text
    assert (await client.get(url)).text.count("SUPARMAN") == 1
