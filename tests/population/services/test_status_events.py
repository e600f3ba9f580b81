"""Every status change of a request publishes `population.request_status_changed`, so the
citizen's notifications can react without reading population's tables."""

from __future__ import annotations

import pytest

from core import EventSubscriber
from plugins.population import public
from plugins.population.services.status_events import REQUEST_STATUS_CHANGED

KEYS = {
    "request_id",
    "kind",
    "kind_title",
    "action",
    "from_status",
    "to_status",
    "to_status_label",
    "reason",
    "resident_id",
    "applicant_nik",
    "channel",
}


@pytest.fixture
def published(kampung) -> list:
    events: list = []

    async def remember(event, kernel) -> None:
        events.append(event)

    kampung.kernel.events._subscribers[REQUEST_STATUS_CHANGED].append(
        EventSubscriber(REQUEST_STATUS_CHANGED, remember)
    )
    return events


async def test_every_status_change_publishes_the_event(counter, people, published) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "e-1", applicant_nik="3527014101800001")
    await counter.walk(request_id, "lengkap", "teruskan")
    back = await counter.act(request_id, "kembalikan_ke_desa", {"alasan": "Foto buram"})
    assert back.status_code == 303
    await counter.walk(request_id, "kembalikan")
    assert [e.payload["action"] for e in published] == [
        "lengkap",
        "teruskan",
        "kembalikan_ke_desa",
        "kembalikan",
    ]
    assert all(set(e.payload) == KEYS for e in published)
    assert set(public.EVENTS[REQUEST_STATUS_CHANGED].payload) == KEYS
    assert all(e.village_code == counter.village.code for e in published)
    assert published[2].payload == {
        "request_id": request_id,
        "kind": "ktp_el",
        "kind_title": "KTP-el",
        "action": "kembalikan_ke_desa",
        "from_status": "diteruskan",
        "to_status": "diperiksa",
        "to_status_label": "Lengkap, menunggu diteruskan",
        "reason": "Foto buram",
        "resident_id": person["id"],
        "applicant_nik": "3527014101800001",
        "channel": "loket",
    }
    assert published[0].payload["reason"] == ""
    assert published[3].payload["reason"] == "Berkas kurang"


async def test_a_refused_action_publishes_nothing(counter, people, published) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "e-2")
    assert (await counter.act(request_id, "lengkap")).status_code == 422
    assert (await counter.act(request_id, "teruskan")).status_code == 409
    assert published == []
