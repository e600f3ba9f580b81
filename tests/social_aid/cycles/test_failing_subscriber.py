"""If any subscriber of the death fails, the death and the suspension are both rolled back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from core import DomainEvent, EventSubscriber, PluginInfo, hookimpl
from plugins.population import public as population
from plugins.social_aid.programmes import recipients
from tests.social_aid.register_desk import programme_with_recipients, record_death


class RefusingPlugin:
    """Another plugin whose death subscriber fails, e.g. its database write is refused."""

    @hookimpl
    def kampung_plugin_info(self) -> PluginInfo:
        return PluginInfo(name="refuser", title="Penolak", version="0.0.1")

    @hookimpl
    def kampung_event_subscribers(self) -> list[EventSubscriber]:
        async def refuse(event: DomainEvent, kernel: Any) -> None:
            raise RuntimeError("subscriber failed")

        return [EventSubscriber("population.resident_died", refuse)]


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    return [RefusingPlugin()]


async def test_a_failing_subscriber_rolls_the_death_and_the_suspension_back(kampung, desk) -> None:
    _, residents = await programme_with_recipients(
        kampung, desk, [("MBAH KARSO", dt.date(1940, 1, 1))]
    )
    answer = await record_death(desk.client, desk.village, residents[0]["id"])
    assert answer.status_code >= 500
    async with kampung.scope(desk.village.code):
        person = await population.person(residents[0]["id"])
        assert person is not None and person.status == "hidup"
        assert await recipients.stopped_ids() == set()
