"""Life events: the status follows the events, corrections undo them, other plugins hear of them."""

from __future__ import annotations

import pytest

from core import EventSubscriber, PluginInfo, hookimpl
from plugins.population.tables import LifeEvent, Resident

HEARD: list = []


class Listener:
    """A stand-in for another plugin (e.g. social aid) that reacts to deaths."""

    @hookimpl
    def kampung_plugin_info(self) -> PluginInfo:
        return PluginInfo(name="listener", title="Pendengar uji", version="0.1.0")

    @hookimpl
    def kampung_event_subscribers(self) -> list[EventSubscriber]:
        async def heard(event, kernel) -> None:
            HEARD.append(event)

        return [EventSubscriber("population.resident_died", heard)]


@pytest.fixture
def kampung_extra_plugins() -> list:
    return [Listener()]


DEATH = {
    "kind": "2",
    "event_date": "2026-01-05",
    "report_date": "2026-01-06",
    "place": "Rumah",
    "cause": "1",
    "attested_by": "Bidan Sari",
}


async def _status(kampung, village, resident_id: int) -> int:
    async with kampung.scope(village.code):
        row = await Resident.select(Resident.status).where(Resident.id == resident_id).first()
    return row["status"]


async def test_death_sets_status_and_publishes_the_event(kampung, register) -> None:
    HEARD.clear()
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    client = await kampung.login("village_operator", village)

    response = await client.post(f"{village.url}/penduduk/{resident_id}/peristiwa", data=DEATH)

    assert response.status_code == 303, response.text
    assert await _status(kampung, village, resident_id) == 2
    assert [e.name for e in HEARD] == ["population.resident_died"]
    assert HEARD[0].village_code == village.code
    assert HEARD[0].payload["resident_id"] == resident_id
    assert HEARD[0].payload["nik"] == "3527011405900001"
    assert HEARD[0].payload["event_date"] == "2026-01-05"
    actions = [
        e["action"]
        for e in await register.audit(village, "life_event", HEARD[0].payload["event_id"])
    ]
    assert actions == ["record"]


async def test_death_without_cause_is_refused_with_field_error(kampung, register) -> None:
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    client = await kampung.login("village_operator", village)

    response = await client.post(
        f"{village.url}/penduduk/{resident_id}/peristiwa", data={**DEATH, "cause": ""}
    )

    assert response.status_code == 422
    assert 'id="f-cause-error"' in response.text
    assert await _status(kampung, village, resident_id) == 1


async def test_correction_cancels_the_death_and_restores_status(kampung, register) -> None:
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    client = await kampung.login("village_operator", village)
    await client.post(f"{village.url}/penduduk/{resident_id}/peristiwa", data=DEATH)
    async with kampung.scope(village.code):
        event = (
            await LifeEvent.select(LifeEvent.id).where(LifeEvent.resident == resident_id).first()
        )

    response = await client.post(
        f"{village.url}/penduduk/{resident_id}/peristiwa/{event['id']}/koreksi",
        data={"reason": "Salah orang"},
    )

    assert response.status_code == 303
    assert await _status(kampung, village, resident_id) == 1
    async with kampung.scope(village.code):
        rows = (
            await LifeEvent.select().where(LifeEvent.resident == resident_id).order_by(LifeEvent.id)
        )
    assert [r["corrects"] for r in rows] == [None, event["id"]]
    detail = await client.get(f"{village.url}/penduduk/{resident_id}")
    assert "dibatalkan" in detail.text


async def test_death_of_the_head_asks_for_a_new_head(kampung, register) -> None:
    village = await kampung.village()
    await register.family(village, "3527011201200001")
    head = await register.resident(village, 1, kk_number="3527011201200001", relationship="1")
    client = await kampung.login("village_operator", village)

    response = await client.post(f"{village.url}/penduduk/{head}/peristiwa", data=DEATH)

    assert response.status_code == 303
    assert response.headers["location"].endswith("/kepala")
    form = await client.get(response.headers["location"])
    assert "pilih kepala keluarga baru" in form.text


async def test_move_out_then_move_in_makes_the_resident_living_again(kampung, register) -> None:
    village = await kampung.village()
    resident_id = await register.resident(village, 1)
    client = await kampung.login("village_operator", village)
    url = f"{village.url}/penduduk/{resident_id}/peristiwa"
    moved = {
        "kind": "3",
        "event_date": "2026-01-05",
        "report_date": "2026-01-05",
        "destination_kind": "provinsi",
        "destination": "Jl. Sudirman 1, Jakarta",
    }

    assert (await client.post(url, data=moved)).status_code == 303
    assert await _status(kampung, village, resident_id) == 3
    back = {"kind": "5", "event_date": "2026-01-20", "report_date": "2026-01-21"}
    assert (await client.post(url, data=back)).status_code == 303
    assert await _status(kampung, village, resident_id) == 1


async def test_birth_creates_the_newborn_in_the_family(kampung, register) -> None:
    village = await kampung.village()
    family_id = await register.family(village, "3527011201200001")
    client = await kampung.login("village_operator", village)
    baby = register.person(
        1,
        nik="",
        nik_temporary="1",
        name="Bayi Mungil",
        birth_date="2026-01-02",
        kk_number="3527011201200001",
        relationship="4",
    )
    form = {
        **baby,
        "arrival": "1",
        "event_date": "2026-01-02",
        "report_date": "2026-01-10",
        "idempotency_key": "f" * 32,
    }

    response = await client.post(f"{village.url}/penduduk/baru", data=form)

    assert response.status_code == 303, response.text
    async with kampung.scope(village.code):
        row = await Resident.select().where(Resident.name == "Bayi Mungil").first()
        events = await LifeEvent.select().where(LifeEvent.resident == row["id"])
    assert row["family"] == family_id
    assert [e["kind"] for e in events] == [1]
