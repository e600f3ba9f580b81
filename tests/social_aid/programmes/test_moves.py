"""A recipient of a regency programme who moves to another village of the regency is listed on
the new village's share for its next cycle; a village's own programme stays behind."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from plugins.population import public as population
from plugins.social_aid.cycles import cycles
from plugins.social_aid.demo import BLT_DD, FOOD
from plugins.social_aid.programmes import moves, programmes, recipients
from plugins.social_aid.tables import Programme
from tests.social_aid.register_desk import RegisterDesk

NOW = datetime(2026, 2, 2, tzinfo=UTC)


async def _second_desk(kampung: Any) -> RegisterDesk:
    village = await kampung.village(1)
    return RegisterDesk(village, await kampung.login("village_admin", village))


async def _listed(kampung: Any, code: str, programme_code: str) -> list[str]:
    async with kampung.scope(code):
        programme = await programmes.by_code(programme_code)
        assert programme is not None
        return [r["nik"] for r in await recipients.active(programme["id"])]


async def _move(desk: RegisterDesk, other: RegisterDesk, resident: dict[str, Any]) -> None:
    """Village one records the move out; village two registers the arrival on a card of its own."""
    out = await desk.client.post(
        f"{desk.village.url}/penduduk/{resident['id']}/peristiwa",
        data={
            "kind": "3", "event_date": "2026-02-01", "report_date": "2026-02-01",
            "destination_kind": "kecamatan", "destination": f"Desa {other.village.name}",
            "idempotency_key": f"move-out-{resident['id']}",
        },
    )  # fmt: skip
    assert out.status_code == 303, out.text[:2000]
    arrival = await other.client.post(
        f"{other.village.url}/penduduk/baru",
        data={
            "nik": resident["nik"], "nik_checked": "1", "name": resident["name"], "sex": "1",
            "birth_place": "Sampang", "birth_date": "1950-08-17", "citizenship": "1",
            "religion": "1", "marital_status": "2", "dusun": "Krajan", "rw": "1", "rt": "2",
            "kk_number": await other.family(), "relationship": "1",
            "arrival": "5", "event_date": "2026-02-03", "report_date": "2026-02-03",
            "origin": f"Desa {desk.village.name}", "idempotency_key": f"arrive-{resident['id']}",
        },
    )  # fmt: skip
    assert arrival.status_code == 303, arrival.text[:3000]


async def test_a_move_within_the_regency_takes_the_regency_aid_along_for_the_next_cycle(
    kampung, desk
) -> None:
    other = await _second_desk(kampung)
    food = replace(FOOD, code="PANGAN-KAB", target="family")
    async with kampung.scope("35.27"):
        await programmes.create_for_regency(kampung.kernel, "35.27", food, "petugas", NOW)
    resident = await desk.resident("MBAH SARIP", kk=await desk.family(), born=dt.date(1950, 8, 17))
    async with kampung.scope(desk.village.code):
        blt = await programmes.create(kampung.kernel, desk.village.code, BLT_DD, "op", NOW)
        person = await population.person(resident["id"])
        assert person is not None
        for programme_code in ("PANGAN-KAB", "BLT-DD"):
            programme = await programmes.by_code(programme_code)
            assert programme is not None
            await recipients.add(
                kampung.kernel, desk.village.code, programme, person, source="deliberation",
                since=dt.date(2026, 1, 5), actor="op", now=NOW,
            )  # fmt: skip
    assert blt

    await _move(desk, other, resident)
    ran = await kampung.run_jobs(moves.JOB)

    assert [status.status for status in ran] == ["done"]
    assert await _listed(kampung, desk.village.code, "PANGAN-KAB") == []
    assert await _listed(kampung, other.village.code, "PANGAN-KAB") == [resident["nik"]]
    assert await _listed(kampung, desk.village.code, "BLT-DD") == []
    async with kampung.scope(other.village.code):
        assert await programmes.by_code("BLT-DD") is None, "a village programme stays behind"
        share = await Programme.select().where(Programme.code == "PANGAN-KAB").first()
        listed = await recipients.active(share["id"])
        assert listed[0]["source"] == moves.SOURCE and listed[0]["since"] == dt.date(2026, 2, 3)
        cycle = await cycles.open_cycle(kampung.kernel, other.village.code, share["id"], "op", NOW)
    operator = await kampung.login("aid_operator", other.village)
    url = f"{other.village.url}/bantuan/siklus/{cycle}"
    assert (await operator.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    async with kampung.scope(other.village.code):
        assert [e["nik"] for e in await cycles.entitlements(cycle)] == [resident["nik"]]


async def test_the_same_arrival_followed_twice_lists_the_person_once(kampung, desk) -> None:
    other = await _second_desk(kampung)
    async with kampung.scope("35.27"):
        await programmes.create_for_regency(kampung.kernel, "35.27", FOOD, "petugas", NOW)
    resident = await desk.resident("MBAH SARIP", kk=await desk.family(), born=dt.date(1950, 8, 17))
    async with kampung.scope(desk.village.code):
        programme = await programmes.by_code(FOOD.code)
        person = await population.person(resident["id"])
        assert programme is not None and person is not None
        await recipients.add(
            kampung.kernel, desk.village.code, programme, person, source="deliberation",
            since=dt.date(2026, 1, 5), actor="op", now=NOW,
        )  # fmt: skip
    await _move(desk, other, resident)
    await kampung.run_jobs(moves.JOB)
    async with kampung.scope("35.27"):
        arrived = await population.person_by_nik(resident["nik"])
        assert arrived is not None
        payload = {"resident_id": arrived.id, "village_code": other.village.code,
                   "event_date": "2026-02-03"}  # fmt: skip
        await moves.follow_move(kampung.kernel, payload)
    assert await _listed(kampung, other.village.code, FOOD.code) == [resident["nik"]]
