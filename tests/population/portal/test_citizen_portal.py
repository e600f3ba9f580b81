from __future__ import annotations

import re
from datetime import UTC, datetime

from core.testing.harness import csrf_ready
from plugins.population.tables import CitizenAccount, Letter, ServiceRequest


async def issue_pin(kampung, village, nik: str) -> str:
    operator = await kampung.login("village_operator", village)
    page = await operator.post(village.url + "/warga-akun", data={"nik": nik})
    assert page.status_code == 200, page.text[:500]
    return re.search(r'class="issued-pin">(\d{6})<', page.text).group(1)


async def citizen_client(kampung, nik: str, pin: str, new_pin: str | None = "582914"):
    client = kampung.client()
    await csrf_ready(client)
    response = await client.post("/warga/masuk", data={"nik": nik, "pin": pin})
    assert response.status_code == 303, response.text[:500]
    if new_pin:
        assert response.headers["location"] == "/warga/ganti-pin"
        changed = await client.post(
            "/warga/ganti-pin", data={"pin": new_pin, "pin_confirm": new_pin}
        )
        assert changed.status_code == 303, changed.text[:500]
    return client


async def test_first_sign_in_forces_pin_change_then_shows_own_family_masked(
    kampung, people
) -> None:
    village = await kampung.village()
    family = await people.family(village)
    me = await people.resident(village, "SITI AMINAH", family=family)
    husband = await people.resident(village, "AHMAD FAUZI", family=family, sex=1)
    pin = await issue_pin(kampung, village, me["nik"])
    async with kampung.scope(village.code):
        account = await CitizenAccount.select().where(CitizenAccount.nik == me["nik"]).first()
    assert pin not in account["pin_hash"] and account["must_change_pin"]

    client = await citizen_client(kampung, me["nik"], pin, new_pin=None)
    assert (await client.get(village.url + "/warga")).headers["location"] == "/warga/ganti-pin"
    weak = await client.post("/warga/ganti-pin", data={"pin": "123456", "pin_confirm": "123456"})
    assert weak.status_code == 422 and "terlalu mudah ditebak" in weak.text
    same = await client.post("/warga/ganti-pin", data={"pin": pin, "pin_confirm": pin})
    assert same.status_code == 422
    done = await client.post("/warga/ganti-pin", data={"pin": "582914", "pin_confirm": "582914"})
    assert done.headers["location"] == village.url + "/warga"

    home = await client.get(village.url + "/warga")
    assert home.status_code == 200
    assert me["nik"] in home.text
    assert "AHMAD FAUZI" in home.text and husband["nik"] not in home.text
    assert husband["nik"][:4] + "********" + husband["nik"][12:] in home.text


async def test_failed_sign_in_looks_the_same_for_unknown_nik_and_wrong_pin(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village)
    await issue_pin(kampung, village, me["nik"])
    client = kampung.client()
    await csrf_ready(client)
    wrong_pin = await client.post("/warga/masuk", data={"nik": me["nik"], "pin": "000000"})
    unknown = await client.post("/warga/masuk", data={"nik": "3527015501900009", "pin": "000000"})
    assert wrong_pin.status_code == unknown.status_code == 401
    assert wrong_pin.text == unknown.text
    assert "NIK atau PIN salah." in unknown.text


async def test_sign_in_is_throttled_per_nik_even_with_the_right_pin(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village)
    pin = await issue_pin(kampung, village, me["nik"])
    client = kampung.client()
    await csrf_ready(client)
    for _ in range(kampung.settings.login_attempts_per_account):
        assert (
            await client.post("/warga/masuk", data={"nik": me["nik"], "pin": "999999"})
        ).status_code == 401
    blocked = await client.post("/warga/masuk", data={"nik": me["nik"], "pin": pin})
    assert blocked.status_code == 429
    assert "Terlalu banyak percobaan masuk" in blocked.text
    ghost = "3527015501900009"
    for _ in range(kampung.settings.login_attempts_per_account):
        await client.post("/warga/masuk", data={"nik": ghost, "pin": "999999"})
    assert (await client.post("/warga/masuk", data={"nik": ghost, "pin": "1"})).status_code == 429


async def test_citizen_cannot_open_another_familys_data(kampung, people) -> None:
    village = await kampung.village()
    other_village = await kampung.village(1)
    mine, theirs = await people.family(village), await people.family(village)
    me = await people.resident(village, "SAYA", family=mine)
    neighbour = await people.resident(village, "TETANGGA", family=theirs)
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        foreign = await ServiceRequest.insert(
            ServiceRequest(
                village_code=village.code,
                kind="ktp_el",
                resident=neighbour["id"],
                applicant_name="T",
                status="diserahkan",
                idempotency_key="n-1",
                submitted_at=now,
                updated_at=now,
            )
        ).returning(ServiceRequest.id)
        letter = await Letter.insert(
            Letter(
                village_code=village.code,
                kind="domisili",
                resident=neighbour["id"],
                status="ditandatangani",
                idempotency_key="l-1",
                verify_token="v-1",
                pdf_name="x.pdf",
                created_by="op",
                created_at=now,
            )
        ).returning(Letter.id)
    folder = kampung.settings.data_path / "letters" / village.code
    folder.mkdir(parents=True)
    (folder / "x.pdf").write_bytes(b"%PDF-1.4 secret")
    client = await citizen_client(kampung, me["nik"], await issue_pin(kampung, village, me["nik"]))
    home = await client.get(village.url + "/warga")
    assert "TETANGGA" not in home.text
    assert (
        await client.get(village.url + f"/warga/surat/{letter[0]['id']}/pdf")
    ).status_code == 404
    rate = await client.post(
        village.url + f"/warga/layanan/{foreign[0]['id']}/nilai", data={"nilai": "1"}
    )
    assert rate.status_code == 404
    assert (await client.get(other_village.url + "/warga")).status_code == 404
    assert (await client.get(village.url + "/layanan")).status_code != 200
    staff = await kampung.login("village_admin", village)
    assert (await staff.get(village.url + "/warga")).status_code == 403


async def test_citizen_downloads_own_signed_letter(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village)
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        letter = await Letter.insert(
            Letter(
                village_code=village.code,
                kind="domisili",
                resident=me["id"],
                status="ditandatangani",
                number="470/001/2001/I/2026",
                idempotency_key="l-2",
                verify_token="v-2",
                pdf_name="mine.pdf",
                created_by="op",
                created_at=now,
            )
        ).returning(Letter.id)
    folder = kampung.settings.data_path / "letters" / village.code
    folder.mkdir(parents=True)
    (folder / "mine.pdf").write_bytes(b"%PDF-1.4 mine")
    client = await citizen_client(kampung, me["nik"], await issue_pin(kampung, village, me["nik"]))
    assert "Unduh PDF" in (await client.get(village.url + "/warga")).text
    response = await client.get(village.url + f"/warga/surat/{letter[0]['id']}/pdf")
    assert response.status_code == 200 and response.content == b"%PDF-1.4 mine"
    assert response.headers["content-disposition"].startswith("attachment;")


async def test_citizen_submits_online_and_rates_the_handed_over_request(kampung, people) -> None:
    village = await kampung.village()
    family = await people.family(village)
    me = await people.resident(village, family=family)
    child = await people.resident(village, "ANAK", family=family)
    client = await citizen_client(kampung, me["nik"], await issue_pin(kampung, village, me["nik"]))
    data = {"kind": "kia", "idempotency_key": "online-1", "member": str(child["id"])}
    first = await client.post(village.url + "/warga/layanan/baru", data=data)
    again = await client.post(village.url + "/warga/layanan/baru", data=data)
    assert first.status_code == again.status_code == 303
    async with kampung.scope(village.code):
        rows = await ServiceRequest.select().where(ServiceRequest.village_code == village.code)
    assert len(rows) == 1 and rows[0]["channel"] == "online" and rows[0]["resident"] == child["id"]
    request_id = rows[0]["id"]
    early = await client.post(
        village.url + f"/warga/layanan/{request_id}/nilai", data={"nilai": "4"}
    )
    assert early.status_code == 409
    async with kampung.scope(village.code):
        await ServiceRequest.update({ServiceRequest.status: "diserahkan"}).where(
            ServiceRequest.id == request_id
        )
    bad = await client.post(village.url + f"/warga/layanan/{request_id}/nilai", data={"nilai": "9"})
    assert bad.status_code == 422 and "Nilai harus bilangan bulat 1 sampai 4." in bad.text
    ok = await client.post(
        village.url + f"/warga/layanan/{request_id}/nilai", data={"nilai": "3", "komentar": "Baik"}
    )
    assert ok.status_code == 303
    async with kampung.scope(village.code):
        row = await ServiceRequest.select().where(ServiceRequest.id == request_id).first()
    assert row["status"] == "dinilai" and row["rating"] == 3


async def test_sign_out_ends_the_citizen_session(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village)
    client = await citizen_client(kampung, me["nik"], await issue_pin(kampung, village, me["nik"]))
    assert (await client.post("/warga/keluar")).status_code == 303
    home = await client.get(village.url + "/warga")
    assert home.status_code == 303
    assert home.headers["location"].startswith("/warga/masuk")
    assert (await client.get("/warga/ganti-pin")).headers["location"] == "/warga/masuk"
