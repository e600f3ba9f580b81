"""The regency's planning view equals a plain recount of the results it is built from."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import UTC, datetime

import openpyxl

from core.tenancy.tables import Village
from plugins.village_index.tables import MinistryResult
from tests.village_index.surveys import fill_all, start_survey

# (village index, year, score units, status) — statuses as the ministry fixed them
RESULTS = [
    (0, 2022, 5800, "tertinggal"),
    (0, 2023, 7403, "maju"),
    (1, 2022, 7100, "berkembang"),
    (1, 2023, 7000, "berkembang"),
    (2, 2022, 8200, "mandiri"),
    (2, 2023, 8000, "maju"),
    (3, 2023, 7403, "maju"),
]


async def seed(kampung) -> list:
    villages = [await kampung.village(i) for i in range(4)]
    now = datetime.now(UTC)
    async with kampung.scope():
        for index, year, units, status in RESULTS:
            await MinistryResult.insert(
                MinistryResult(
                    village_code=villages[index].code,
                    year=year,
                    edition="idm2016",
                    dimensions={},
                    score_units=units,
                    status_key=status,
                    source_sha256="x",
                    imported_by="test",
                    imported_at=now,
                )
            )
    return villages


def page_counts(html: str) -> dict[tuple[int, str], int]:
    found = {}
    for year, body in re.findall(r'<tr data-year="(\d+)">(.*?)</tr>', html, re.S):
        for status, count in re.findall(r'data-status="(\w+)">(\d+)<', body):
            found[(int(year), status)] = int(count)
    return found


async def test_counts_per_status_per_year_equal_a_recount(kampung) -> None:
    await seed(kampung)
    client = await kampung.login("regency_officer")
    page = await client.get("/kabupaten/indeks-desa")
    assert page.status_code == 200
    recount = Counter((year, status) for _, year, _, status in RESULTS)
    shown = page_counts(page.text)
    assert {k: v for k, v in shown.items() if v} == dict(recount)
    assert shown[(2023, "sangat_tertinggal")] == 0


async def test_the_ranking_shares_a_rank_on_equal_figures_and_shows_who_moved(kampung) -> None:
    villages = await seed(kampung)
    client = await kampung.login("regency_officer")
    page = (await client.get("/kabupaten/indeks-desa?tahun=2023")).text
    order = re.findall(r'<tr data-code="([\d.]+)">\s*<td data-label="#">(\d+)</td>', page)
    assert order == [
        (villages[2].code, "1"),
        (villages[0].code, "2"),
        (villages[3].code, "2"),
        (villages[1].code, "4"),
    ]
    assert f"▼ {villages[2].name}: Mandiri → Maju" in page
    assert f"▲ {villages[0].name}: Tertinggal → Maju" in page
    assert villages[1].name + ": " not in page.split("Perubahan status")[1].split("</ul>")[0]


async def test_a_district_sees_only_its_villages(kampung) -> None:
    villages = await seed(kampung)
    district = villages[0].district_code
    slug = await kampung.district_slug(district)
    client = await kampung.login("district_viewer", district)
    page = (await client.get(f"/kecamatan/{slug}/indeks-desa?tahun=2023")).text
    codes = set(re.findall(r'<tr data-code="([\d.]+)">', page))
    assert codes == {v.code for v in villages if v.district_code == district}


async def test_the_export_is_the_ranking_with_no_formula_cells(kampung) -> None:
    villages = await seed(kampung)
    await Village.update({Village.name: "=HYPERLINK(1)"}).where(Village.code == villages[2].code)
    client = await kampung.login("regency_officer")
    answer = await client.get("/kabupaten/indeks-desa/ekspor.csv?tahun=2023")
    assert answer.headers["content-disposition"].endswith('2023.csv"')
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["peringkat", "kode_desa", "desa"]
    assert rows[1][:3] == ["1", villages[2].code, "'=HYPERLINK(1)"]
    assert rows[1][-3:] == ["0.8000", "Maju", "kementerian"]
    book = await client.get("/kabupaten/indeks-desa/ekspor.xlsx?tahun=2023")
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    cell = sheet.cell(row=2, column=3)
    assert cell.value == "'=HYPERLINK(1)" and cell.data_type == "s"
    assert sheet.max_row == 5


async def test_a_village_user_cannot_open_the_regency_view(kampung) -> None:
    village = await kampung.village(0)
    client = await kampung.login("village_admin", village)
    assert (await client.get("/kabupaten/indeks-desa")).status_code in (403, 404)


async def test_the_ranking_shows_the_villages_own_survey_beside_the_ministry(kampung) -> None:
    villages = await seed(kampung)
    admin = await kampung.login("village_admin", villages[0])
    await start_survey(admin, villages[0], 2023, "c" * 16)
    await fill_all(admin, villages[0], 2023, {"iks": 4, "ike": 3, "ikl": 5})
    await admin.post(villages[0].url + "/indeks-desa/2023/tindakan", data={"action": "submit"})
    client = await kampung.login("regency_officer")
    page = (await client.get("/kabupaten/indeks-desa?tahun=2023")).text
    row = page.split(f'<tr data-code="{villages[0].code}">')[1].split("</tr>")[0]
    assert "0.7403" in row and '<td data-label="Nilai survei desa" class="own">0.8000</td>' in row
    assert f"{villages[0].name} — 2023" in page.split("Menunggu verifikasi")[1]
