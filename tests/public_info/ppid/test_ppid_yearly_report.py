"""The yearly information service report equals a plain recount, per village and for the
regency, on the page and in the XLSX."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import openpyxl

from plugins.public_info.ppid.report import count
from plugins.public_info.ppid.requests import take_action

FILED = datetime(2026, 3, 16, 2, 0, tzinfo=UTC)


def test_the_report_counts_answers_objections_and_the_median_by_hand() -> None:
    requests = [
        {"id": 1, "village_code": "35.27.01.2001", "identity_kind": "ktp",
         "filed_on": date(2026, 3, 16), "status": "dikabulkan", "due_on": date(2026, 4, 7)},
        {"id": 2, "village_code": "35.27.01.2001", "identity_kind": "badan_hukum",
         "filed_on": date(2026, 3, 16), "status": "keberatan", "due_on": date(2026, 4, 7)},
        {"id": 3, "village_code": "35.27.01.2001", "identity_kind": "ktp",
         "filed_on": date(2026, 3, 16), "status": "diajukan", "due_on": date(2026, 4, 7)},
    ]  # fmt: skip
    steps = [
        {"id": 1, "request": 1, "action": "ajukan", "at": FILED},
        # Answered on Wed 25 March: Tue 17 (1), 18-24 off, Wed 25 (2) working days.
        {"id": 2, "request": 1, "action": "kabulkan", "at": datetime(2026, 3, 25, 3, tzinfo=UTC)},
        {"id": 3, "request": 2, "action": "ajukan", "at": FILED},
        # Refused on Tue 7 April: the 10th working day.
        {"id": 4, "request": 2, "action": "tolak", "at": datetime(2026, 4, 7, 3, tzinfo=UTC)},
        {"id": 5, "request": 2, "action": "ajukan_keberatan", "at": datetime(2026, 4, 8)},
        {"id": 6, "request": 3, "action": "ajukan", "at": FILED},
    ]  # fmt: skip
    report = count(requests, steps, date(2026, 4, 20))["35.27.01.2001"]
    assert (report.requests, report.by_individuals, report.by_organisations) == (3, 2, 1)
    assert (report.granted, report.partly, report.refused) == (1, 0, 1)
    assert (report.open, report.late, report.objections) == (1, 1, 1)
    assert report.answer_days == [2, 10] and report.median_days == 6


async def test_the_regency_report_sums_its_villages(kampung, desk) -> None:
    first, second = await kampung.village(0), await kampung.village(1)
    for number, village in enumerate((first, second, second)):
        await desk.file_at(village, FILED, address=f"10.1.1.{number}")
    filed = await desk.file_at(first, FILED, address="10.9.9.9")
    async with kampung.scope(first.code):
        await take_action(
            kampung.kernel, filed.id, "tolak", {"pengecualian": "17h", "alasan": "Data pribadi"},
            actor="ppid", now=datetime(2026, 3, 25, 3, tzinfo=UTC),
        )  # fmt: skip
    regency = await kampung.login("regency_officer")
    page = await regency.get("/kabupaten/ppid", params={"tahun": "2026"})
    assert page.status_code == 200
    assert first.name in page.text and second.name in page.text
    download = await regency.get("/kabupaten/ppid/2026/xlsx")
    assert download.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[first.code][2] == 2
    assert rows[first.code][7] == 1 and rows[first.code][11] == 2
    assert rows[second.code][2] == 2
    total = rows[kampung.settings.regency_code]
    villages = [row for code, row in rows.items() if code != kampung.settings.regency_code]
    for column in range(2, 11):
        assert total[column] == sum(row[column] for row in villages)


async def test_a_village_sees_its_own_report_only(kampung, desk) -> None:
    mine, other = await kampung.village(0), await kampung.village(1)
    await desk.file_at(mine, FILED)
    await desk.file_at(other, FILED, address="10.2.2.2")
    officer = await kampung.login("public_info_officer", mine)
    page = await officer.get(f"{mine.url}/ppid/laporan", params={"tahun": "2026"})
    assert page.status_code == 200
    assert other.name not in page.text
    download = await officer.get(f"{mine.url}/ppid/laporan/2026/xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [mine.code]


async def test_a_village_user_may_not_open_the_regency_report(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login("public_info_officer", village)
    assert (await officer.get("/kabupaten/ppid")).status_code in (403, 404)


async def test_the_report_is_also_a_pdf(kampung, desk) -> None:
    village = await kampung.village()
    await desk.file_at(village, FILED)
    officer = await kampung.login("public_info_officer", village)
    pdf = await officer.get(f"{village.url}/ppid/laporan/2026/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    regency = await kampung.login("regency_admin")
    assert (await regency.get("/kabupaten/ppid/2026/pdf")).content.startswith(b"%PDF-")
