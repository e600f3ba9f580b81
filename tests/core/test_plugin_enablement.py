from __future__ import annotations

import pytest
from plugin_samples import greeter, listener, plugin

from core import DomainEvent
from core.tenancy.enablement import EnablementError, set_plugin

received: list[DomainEvent] = []


@pytest.fixture
def kampung_extra_plugins():
    return [greeter(), plugin("polite", requires_=("greeter",)), listener(received)]


async def test_plugin_switched_off_in_a_village_answers_404_there_and_works_next_door(
    kampung,
) -> None:
    off = await kampung.village(0, plugins=[])
    on = await kampung.village(1, plugins=["greeter"])
    client_off = await kampung.login("village_operator", off)
    client_on = await kampung.login("village_operator", on)
    assert (await client_off.get(off.url + "/halo")).status_code == 404
    response = await client_on.get(on.url + "/halo")
    assert response.status_code == 200
    assert "halo dari modul contoh" in response.text


async def test_a_switched_off_plugin_is_not_found_for_a_visitor_who_is_not_signed_in(
    kampung,
) -> None:
    off = await kampung.village(0, plugins=[])
    on = await kampung.village(1, plugins=["greeter"])
    visitor = kampung.client()
    answer = await visitor.get(off.url + "/halo")
    assert answer.status_code == 404
    assert "Modul ini tidak aktif di desa ini." in answer.text
    sent_to_sign_in = await visitor.get(on.url + "/halo")
    assert sent_to_sign_in.status_code == 303
    assert sent_to_sign_in.headers["location"].startswith("/masuk")


async def test_menu_shows_only_plugins_on_in_the_village(kampung) -> None:
    off = await kampung.village(0, plugins=[])
    on = await kampung.village(1, plugins=["greeter"])
    assert (
        "Sapa" not in (await (await kampung.login("village_operator", off)).get(off.url + "/")).text
    )
    assert "Sapa" in (await (await kampung.login("village_operator", on)).get(on.url + "/")).text


async def test_requirements_are_enforced_both_ways(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    registry = kampung.kernel.registry
    async with kampung.scope(village.code):
        with pytest.raises(EnablementError, match="memerlukan modul greeter"):
            await set_plugin(registry, village.code, "polite", True, "test")
        await set_plugin(registry, village.code, "greeter", True, "test")
        await set_plugin(registry, village.code, "polite", True, "test")
        with pytest.raises(EnablementError, match="masih diperlukan oleh polite"):
            await set_plugin(registry, village.code, "greeter", False, "test")


async def test_a_plugin_cannot_be_switched_on_in_a_village_not_yet_onboarded(kampung) -> None:
    village = await kampung.village(2, onboarded=False)
    registry = kampung.kernel.registry
    async with kampung.scope(village.code):
        with pytest.raises(EnablementError, match="belum diintegrasikan"):
            await set_plugin(registry, village.code, "greeter", True, "test")
        with pytest.raises(EnablementError, match="tidak ada"):
            await set_plugin(registry, "35.27.99.2999", "greeter", True, "test")


async def test_village_admin_switches_plugins_in_the_ui_with_clear_refusals(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    admin = await kampung.login("village_admin", village)
    refused = await admin.post(village.url + "/pengaturan/modul/polite", data={"enabled": "1"})
    assert refused.status_code == 303
    page = await admin.get(village.url + "/pengaturan/modul")
    assert "memerlukan modul greeter" in page.text
    assert (
        await admin.post(village.url + "/pengaturan/modul/greeter", data={"enabled": "1"})
    ).status_code == 303
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(village.url + "/halo")).status_code == 200


async def test_domain_events_reach_subscribers_inside_the_transaction(kampung) -> None:
    village = await kampung.village()
    received.clear()
    with pytest.raises(RuntimeError):
        async with kampung.scope(village.code):
            await kampung.kernel.publish(DomainEvent("sample.happened", village.code, {"n": 1}))
            raise RuntimeError("rolled back after publishing")
    assert [event.payload for event in received] == [{"n": 1}]


async def test_plugins_json_lists_what_is_loaded(kampung) -> None:
    await kampung.village(0, plugins=["greeter"])
    data = (await kampung.client().get("/-/plugins")).json()
    by_name = {row["name"]: row for row in data}
    assert by_name["polite"]["requires"] == ["greeter"]
    assert by_name["greeter"]["villages_enabled"] == 1
