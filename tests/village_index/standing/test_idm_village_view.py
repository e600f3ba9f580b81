"""A village's page over the years: the ministry's figure beside its own survey, and who may
fill a survey (the village's staff and the district's facilitator)."""

from __future__ import annotations

from datetime import UTC, datetime

from plugins.village_index.tables import MinistryResult
from tests.village_index.surveys import fill_all, start_survey


async def test_the_ministry_figure_counts_and_the_villages_own_is_shown_beside_it(kampung) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("village_admin", village)
    await start_survey(admin, village, 2023, "o" * 16)
    await fill_all(admin, village, 2023, {"iks": 4, "ike": 3, "ikl": 5})
    async with kampung.scope(village.code):
        await MinistryResult.insert(
            MinistryResult(
                year=2023,
                edition="idm2016",
                dimensions={},
                score_units=6990,
                status_key="berkembang",
                source_sha256="x",
                imported_by="t",
                imported_at=datetime.now(UTC),
            )
        )
    page = (await admin.get(village.url + "/indeks-desa")).text
    assert "Status tahun 2023" in page and "<strong>0.6990</strong>" in page
    assert "sumber: kementerian" in page
    row = page.split('data-label="Tahun">2023</td>')[1].split("</tr>")[0]
    assert "0.6990" in row and "0.8000" in row and "Berkembang" in row and "Draf" in row


async def test_the_district_facilitator_fills_a_village_survey(kampung) -> None:
    village = await kampung.village(0)
    facilitator = await kampung.login("village_index_facilitator", village.district_code)
    assert (await start_survey(facilitator, village, 2023, "d" * 16)).status_code == 303
    await fill_all(facilitator, village, 2023, {"iks": 4, "ike": 3, "ikl": 5})
    submitted = await facilitator.post(
        village.url + "/indeks-desa/2023/tindakan", data={"action": "submit"}
    )
    assert submitted.status_code == 303


async def test_a_village_secretary_sees_but_cannot_fill(kampung) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("village_admin", village)
    await start_survey(admin, village, 2023, "e" * 16)
    secretary = await kampung.login("village_secretary", village)
    assert (await secretary.get(village.url + "/indeks-desa/2023")).status_code == 200
    assert (await secretary.get(village.url + "/indeks-desa/2023/isi/iks")).status_code == 403


async def test_a_missing_year_or_dimension_is_not_found(kampung) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("village_admin", village)
    assert (await admin.get(village.url + "/indeks-desa/2022")).status_code == 404
    await start_survey(admin, village, 2023, "m" * 16)
    assert (await admin.get(village.url + "/indeks-desa/2023/isi/sosial")).status_code == 404
