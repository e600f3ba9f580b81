"""The regency sees the same NIK, KK, or name and birth date on the same kind of aid in two
villages; a village never sees another's recipients."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import load_workbook

from plugins.population import public as population
from plugins.social_aid.programmes import programmes, recipients
from tests.social_aid.register_desk import RegisterDesk, programme_with_recipients

BORN = dt.date(1950, 8, 17)


async def _second_desk(kampung: Any) -> RegisterDesk:
    village = await kampung.village(1)
    return RegisterDesk(village, await kampung.login("village_admin", village))


async def test_the_regency_sees_a_name_and_birth_date_match_across_villages(kampung, desk) -> None:
    other = await _second_desk(kampung)
    await programme_with_recipients(
        kampung, desk, [("SUMARNI", BORN), ("MUHAMMAD SHOLEH", dt.date(1960, 2, 2))]
    )
    await programme_with_recipients(
        kampung, other, [("MOHAMMAD SHOLEH", dt.date(1960, 2, 2))], name="BLT Desa Dua"
    )
    officer = await kampung.login("aid_officer", "35.27")
    page = await officer.get("/kabupaten/bantuan")
    assert page.status_code == 200
    assert "Nama dan tanggal lahir mirip" in page.text
    assert "MUHAMMAD SHOLEH" in page.text and "MOHAMMAD SHOLEH" in page.text
    assert "SUMARNI" not in page.text
    assert (
        "BLT-DD" in page.text and desk.village.name in page.text and other.village.name in page.text
    )


async def test_a_village_never_sees_another_villages_recipients(kampung, desk) -> None:
    other = await _second_desk(kampung)
    programme_id, _ = await programme_with_recipients(kampung, other, [("RAHASIA TETANGGA", BORN)])
    mine = await kampung.login("aid_operator", desk.village)
    assert (await mine.get(f"{desk.village.url}/bantuan/program/{programme_id}")).status_code == 404
    assert "RAHASIA TETANGGA" not in (await mine.get(f"{desk.village.url}/bantuan")).text


async def test_the_same_nik_on_the_same_kind_of_aid_in_two_villages_is_shown(kampung, desk) -> None:
    """She left the first village for a while ("pergi") and settled in the second, which put
    her on its list too: both lists hold her NIK now."""
    other = await _second_desk(kampung)
    _, mine = await programme_with_recipients(kampung, desk, [("SUMARNI", BORN)])
    left = await desk.client.post(
        f"{desk.village.url}/penduduk/{mine[0]['id']}/peristiwa",
        data={"kind": "6", "event_date": "2026-02-01", "report_date": "2026-02-02",
              "idempotency_key": "left-village-key"},
    )  # fmt: skip
    assert left.status_code == 303, left.text[:2000]
    programme_id, _ = await programme_with_recipients(kampung, other, [], name="BLT Desa Dua")
    again = await other.resident("SUMARNI", kk=await other.family(), born=BORN, nik=mine[0]["nik"])
    async with kampung.scope(other.village.code):
        programme = await programmes.programme(programme_id)
        person = await population.person(again["id"])
        await recipients.add(
            kampung.kernel,
            other.village.code,
            programme,
            person,
            source="deliberation",
            since=BORN,
            actor="test",
            now=dt.datetime.now(dt.UTC),
        )
    page = await (await kampung.login("aid_officer", "35.27")).get("/kabupaten/bantuan")
    assert "NIK sama" in page.text and mine[0]["nik"] in page.text


async def test_the_regency_downloads_the_totals_without_any_person_in_them(kampung, desk) -> None:
    await programme_with_recipients(kampung, desk, [("SUMARNI", BORN)])
    officer = await kampung.login("aid_officer", "35.27")
    answer = await officer.get("/kabupaten/bantuan/rekap.csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    header, row = answer.text.splitlines()[:2]
    assert header.startswith("program,kode_desa,desa,penerima_aktif")
    assert row.startswith(f"BLT-DD,{desk.village.code},") and "SUMARNI" not in answer.text
    workbook = await officer.get("/kabupaten/bantuan/rekap.xlsx")
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("program", "kode_desa", "desa", "penerima_aktif")
    ours = [r for r in rows[1:] if r[1] == desk.village.code]
    assert [(r[0], r[3]) for r in ours] == [("BLT-DD", 1)]
    assert not any("SUMARNI" in str(value) for r in rows for value in r)
    operator = await kampung.login("aid_operator", desk.village)
    for download in ("rekap.csv", "rekap.xlsx"):
        assert (await operator.get(f"/kabupaten/bantuan/{download}")).status_code == 403
