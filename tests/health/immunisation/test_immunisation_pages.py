"""Doses recorded on the child's page, the month's due list, and IDL coverage."""

from __future__ import annotations

import datetime as dt

import httpx
from conftest import Register, signed_in

from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from plugins.health.dates import add_months
from plugins.health.immunisation.coverage import basic_coverage
from plugins.health.immunisation.schedule import NATIONAL_SCHEDULE
from plugins.health.tables import Child, Immunisation


async def _enrolled(
    kampung: Harness, village: VillageRef, register: Register, born: dt.date
) -> int:
    resident_id = await register.resident("AYU LESTARI", "P", born)
    midwife = await signed_in(kampung, "village_midwife", village)
    response = await midwife.post(
        f"{village.url}/kesehatan/anak", data={"resident_id": str(resident_id)}
    )
    return int(response.headers["location"].rsplit("/", 1)[1])


async def test_a_dose_is_recorded_once(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    born = add_months(local_today(), -3)
    child = await _enrolled(kampung, village, register, born)
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    url = f"{village.url}/kesehatan/anak/{child}/imunisasi"
    form = {"vaccine": "bcg", "given_on": add_months(born, 1).isoformat()}
    assert (await cadre.post(url, data=form)).status_code == 303
    again = await cadre.post(url, data=form, follow_redirects=True)
    assert "Imunisasi ini sudah tercatat untuk anak ini." in again.text
    async with kampung.scope(village.code):
        assert await Immunisation.count() == 1


async def test_a_dose_before_birth_is_refused(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    born = add_months(local_today(), -3)
    child = await _enrolled(kampung, village, register, born)
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    form = {"vaccine": "hb0", "given_on": (born - dt.timedelta(days=1)).isoformat()}
    page = await cadre.post(
        f"{village.url}/kesehatan/anak/{child}/imunisasi", data=form, follow_redirects=True
    )
    assert "Tanggal imunisasi tidak boleh sebelum tanggal lahir." in page.text


async def test_the_due_list_names_overdue_doses(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    await _enrolled(kampung, village, register, add_months(local_today(), -3))
    midwife = await signed_in(kampung, "village_midwife", village)
    page = await midwife.get(f"{village.url}/kesehatan/imunisasi")
    assert "AYU LESTARI" in page.text and "BCG" in page.text


async def test_basic_coverage_counts_children_of_12_to_23_months(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    born = add_months(local_today(), -15)
    child = await _enrolled(kampung, village, register, born)
    midwife = await signed_in(kampung, "village_midwife", village)
    assert "0/1 (0%)" in (await midwife.get(f"{village.url}/kesehatan/imunisasi")).text
    async with kampung.scope(village.code):
        for dose in NATIONAL_SCHEDULE.doses:
            if dose.basic:
                await Immunisation.insert(
                    Immunisation(child=child, vaccine=dose.key, given_on=born, recorded_by="t")
                )
        assert await Child.count() == 1
    assert "1/1 (100%)" in (await midwife.get(f"{village.url}/kesehatan/imunisasi")).text


async def test_coverage_on_a_day_leaves_out_doses_given_after_it(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    born = add_months(local_today(), -20)
    child = await _enrolled(kampung, village, register, born)
    last = add_months(born, 9)
    async with kampung.scope(village.code):
        for dose in NATIONAL_SCHEDULE.doses:
            if dose.basic:
                given_on = last if dose.key == "mr1" else born
                await Immunisation.insert(
                    Immunisation(child=child, vaccine=dose.key, given_on=given_on, recorded_by="t")
                )
        before = await basic_coverage(last - dt.timedelta(days=1), NATIONAL_SCHEDULE)
        on_the_day = await basic_coverage(add_months(born, 13), NATIONAL_SCHEDULE)
    assert (before.children, before.complete) == (0, 0)
    assert (on_the_day.children, on_the_day.complete) == (1, 1)


async def test_the_district_and_regency_see_each_villages_coverage_from_recorded_doses(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    """Enrolling a child and recording a dose recount the village's month, so the wide pages
    read IDL per village from the monthly figures: 0/2 once both are enrolled, 1/2 when the first
    has every basic dose, 2/2 once the second child's last dose is in."""
    born = add_months(local_today(), -14)
    complete = await _enrolled(kampung, village, register, born)
    behind = await _enrolled(kampung, village, register, born - dt.timedelta(days=3))
    dinkes = await signed_in(kampung, "dinkes_officer", kampung.settings.regency_code)
    assert await _idl_columns(dinkes, village) == ("2", "0", "0.0")
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    basic = [dose.key for dose in NATIONAL_SCHEDULE.doses if dose.basic]
    given_on = add_months(born, 10).isoformat()
    for child, vaccines in ((complete, basic), (behind, basic[:-1])):
        for vaccine in vaccines:
            response = await cadre.post(
                f"{village.url}/kesehatan/anak/{child}/imunisasi",
                data={"vaccine": vaccine, "given_on": given_on},
            )
            assert response.status_code == 303
    assert await _idl_columns(dinkes, village) == ("2", "1", "50.0")
    response = await cadre.post(
        f"{village.url}/kesehatan/anak/{behind}/imunisasi",
        data={"vaccine": basic[-1], "given_on": given_on},
    )
    assert response.status_code == 303
    puskesmas = await signed_in(kampung, "puskesmas_staff", village.district_code)
    district = await kampung.district_slug(village.district_code)
    page = await puskesmas.get(f"/kecamatan/{district}/kesehatan/stunting")
    assert page.status_code == 200 and "2/2 (100.0%)" in page.text


async def _idl_columns(dinkes: httpx.AsyncClient, village: VillageRef) -> tuple[str, ...]:
    csv = await dinkes.get("/kabupaten/kesehatan/stunting?format=csv")
    header, *rows = (line.split(",") for line in csv.text.splitlines())
    row = dict(zip(header, next(r for r in rows if village.code in r), strict=True))
    return row["anak_12_23_bulan"], row["idl"], row["persen_idl"]
