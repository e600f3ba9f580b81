"""A death or a move out in the register suspends the person's aid in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plugins.population import public as population
from plugins.social_aid.cycles import cycles, ledger
from plugins.social_aid.programmes import recipients
from tests.social_aid.register_desk import programme_with_recipients, record_death

PEOPLE = [("MBAH KARSO", dt.date(1940, 1, 1)), ("SAMIDI", dt.date(1975, 6, 1))]


async def _approved_cycle(kampung: Any, desk: Any) -> tuple[str, list[dict[str, Any]]]:
    programme_id, residents = await programme_with_recipients(kampung, desk, PEOPLE)
    operator = await kampung.login("aid_operator", desk.village)
    url = (
        await operator.post(
            f"{desk.village.url}/bantuan/siklus", data={"programme": str(programme_id)}
        )
    ).headers["location"]
    assert (await operator.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    head = await kampung.login("village_head", desk.village)
    assert (await head.post(url + "/aksi", data={"action": "approve"})).status_code == 303
    return url, residents


async def test_a_death_suspends_the_pending_entitlement_and_returns_its_money(
    kampung, desk
) -> None:
    url, residents = await _approved_cycle(kampung, desk)
    died = residents[0]
    answer = await record_death(desk.client, desk.village, died["id"])
    assert answer.status_code == 303, answer.text[:2000]
    cycle_id = int(url.rsplit("/", 1)[1])
    async with kampung.scope(desk.village.code):
        rows = {r["name"]: r for r in await cycles.entitlements(cycle_id)}
        assert rows["MBAH KARSO"]["outcome"] == "suspended"
        assert rows["MBAH KARSO"]["stop"]["reason"] == "Penerima meninggal dunia (2026-03-01)"
        assert rows["SAMIDI"]["outcome"] == "pending"
        assert await ledger.balance(ledger.due(rows["MBAH KARSO"]["id"])) == 0
        assert {r["name"] for r in await recipients.active()} == {"SAMIDI"}
    page = await (await kampung.login("aid_operator", desk.village)).get(url)
    assert "Penerima meninggal dunia" in page.text


async def test_the_next_cycle_leaves_out_who_died(kampung, desk) -> None:
    programme_id, residents = await programme_with_recipients(kampung, desk, PEOPLE)
    assert (await record_death(desk.client, desk.village, residents[1]["id"])).status_code == 303
    operator = await kampung.login("aid_operator", desk.village)
    url = (
        await operator.post(
            f"{desk.village.url}/bantuan/siklus", data={"programme": str(programme_id)}
        )
    ).headers["location"]
    assert (await operator.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    async with kampung.scope(desk.village.code):
        names = [r["name"] for r in await cycles.entitlements(int(url.rsplit("/", 1)[1]))]
    assert names == ["MBAH KARSO"]


async def test_the_subscriber_runs_in_the_deaths_transaction(kampung, desk) -> None:
    """The suspension and the death commit together: nothing of either is seen half done."""
    _, residents = await _approved_cycle(kampung, desk)
    await record_death(desk.client, desk.village, residents[0]["id"])
    async with kampung.scope(desk.village.code):
        person = await population.person(residents[0]["id"])
        stopped = await recipients.stopped_ids()
    assert person is not None and person.status == "meninggal" and len(stopped) == 1
