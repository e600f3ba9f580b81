"""Pregnancies: HPHT to the due date, antenatal visits by trimester, KEK and risk flags refer the
mother, and the birth recorded in the register closes the pregnancy with the newborn linked."""

from __future__ import annotations

import datetime as dt

from conftest import Register, signed_in

from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from plugins.health.pregnancy.pregnancies import expected_date, standard_met, visit_counts
from plugins.health.tables import AntenatalVisit, PostnatalVisit, Pregnancy, Referral
from plugins.population.public import person

HPHT = dt.date(2026, 1, 1)


def test_due_date_is_hpht_plus_280_days() -> None:
    assert expected_date(HPHT) == dt.date(2026, 10, 8)


def test_six_visits_spread_over_the_trimesters_meet_the_standard() -> None:
    weeks = [6, 12, 20, 30, 34, 38]
    counts = visit_counts(HPHT, [HPHT + dt.timedelta(weeks=w) for w in weeks])
    assert counts == {1: 2, 2: 1, 3: 3} and standard_met(counts)
    assert not standard_met(visit_counts(HPHT, [HPHT + dt.timedelta(weeks=w) for w in weeks[1:]]))


async def _pregnant(kampung: Harness, village: VillageRef, register: Register, risks: list[str]):  # type: ignore[no-untyped-def]
    mother = await register.resident("SITI AMINAH", "P", dt.date(1998, 5, 1))
    midwife = await signed_in(kampung, "village_midwife", village)
    last_period = local_today() - dt.timedelta(days=100)
    form = {"resident_id": str(mother), "last_period": last_period.isoformat(), "risks": risks}
    response = await midwife.post(f"{village.url}/kesehatan/kehamilan", data=form)
    assert response.status_code == 303, response.text[-800:]
    return mother, midwife, response.headers["location"]


async def test_a_pregnancy_with_a_risk_flag_is_referred(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    _, midwife, url = await _pregnant(kampung, village, register, ["hipertensi"])
    page = await midwife.get(url)
    assert "SITI AMINAH" in page.text and "Tekanan darah tinggi" in page.text
    async with kampung.scope(village.code):
        assert [r["reason"] for r in await Referral.select(Referral.reason)] == ["risiko_tinggi"]


async def test_a_muac_under_23_5_cm_is_kek_and_refers_the_mother(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    _, midwife, url = await _pregnant(kampung, village, register, [])
    form = {"visited_on": local_today().isoformat(), "muac": "23,4", "iron_tablets": "30"}
    assert (await midwife.post(f"{url}/periksa", data=form)).status_code == 303
    async with kampung.scope(village.code):
        assert [r["reason"] for r in await Referral.select(Referral.reason)] == ["kek"]
    assert "KEK" in (await midwife.get(url)).text


async def test_a_bad_blood_pressure_is_named(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    _, midwife, url = await _pregnant(kampung, village, register, [])
    form = {"visited_on": local_today().isoformat(), "systolic": "abc", "muac": "25,0"}
    response = await midwife.post(f"{url}/periksa", data=form)
    assert response.status_code == 422
    assert "Tekanan sistolik harus bilangan bulat 60 sampai 250." in response.text
    assert 'value="25,0"' in response.text


async def test_the_birth_closes_the_pregnancy_and_links_the_newborn(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    mother, _, _ = await _pregnant(kampung, village, register, [])
    async with kampung.scope(village.code):
        facts = await person(mother)
    assert facts is not None
    baby = await register.resident(
        "BAYI SITI", "L", local_today(), birth=True, mother_nik=facts.nik
    )
    async with kampung.scope(village.code):
        row = await Pregnancy.select().first()
    assert (row["ended_on"], row["newborn_resident_id"]) == (local_today(), baby)


async def test_the_letter_operator_cannot_record_a_pregnancy(
    kampung: Harness, village: VillageRef
) -> None:
    operator = await signed_in(kampung, "village_operator", village)
    assert (await operator.get(f"{village.url}/kesehatan/kehamilan/baru")).status_code == 403


async def test_a_visit_sent_twice_is_stored_once(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    _, midwife, url = await _pregnant(kampung, village, register, [])
    form = {
        "visited_on": local_today().isoformat(),
        "muac": "25,0",
        "idempotency_key": "visit-0001",
    }
    first = await midwife.post(f"{url}/periksa", data=form)
    second = await midwife.post(f"{url}/periksa", data=form)
    assert first.headers["location"] == second.headers["location"]
    async with kampung.scope(village.code):
        assert await AntenatalVisit.count() == 1


async def test_postnatal_visits_follow_the_birth_within_42_days(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    mother, midwife, url = await _pregnant(kampung, village, register, [])
    early = {"visited_on": local_today().isoformat(), "note": "Sehat"}
    refused = await midwife.post(f"{url}/nifas", data=early)
    assert refused.status_code == 422
    assert "Kunjungan nifas dicatat setelah persalinan." in refused.text
    async with kampung.scope(village.code):
        facts = await person(mother)
    assert facts is not None
    await register.resident("BAYI SITI", "L", local_today(), birth=True, mother_nik=facts.nik)
    form = {**early, "systolic": "120", "diastolic": "80", "idempotency_key": "nifas-0001"}
    assert (await midwife.post(f"{url}/nifas", data=form)).status_code == 303
    assert (await midwife.post(f"{url}/nifas", data=form)).status_code == 303
    page = await midwife.get(url)
    assert "120/80 · Sehat" in page.text
    async with kampung.scope(village.code):
        assert await PostnatalVisit.count() == 1
