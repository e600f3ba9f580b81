"""A referral's lifecycle, every (state, action) pair; its history is append-only; the
puskesmas takes the actions, the cadre sees the outcome back."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from conftest import Register, signed_in

from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from core.workflow import TransitionRefused
from plugins.health.referrals.lifecycle import (
    CANCEL,
    CANCELLED,
    CLOSE,
    CLOSED,
    HANDLE,
    HANDLED,
    RECEIVE_ACTION,
    RECEIVED,
    REFERRAL,
    RETURN,
    RETURNED,
    SENT,
)
from plugins.health.referrals.referrals import STUNTED, Subject, refer
from plugins.health.tables import Child, ReferralStep

EXPECTED = {
    (SENT, RECEIVE_ACTION): RECEIVED,
    (SENT, RETURN): RETURNED,
    (SENT, CANCEL): CANCELLED,
    (RECEIVED, HANDLE): HANDLED,
    (RECEIVED, RETURN): RETURNED,
    (HANDLED, CLOSE): CLOSED,
    (RETURNED, CLOSE): CLOSED,
}
STATES = [SENT, RECEIVED, HANDLED, RETURNED, CANCELLED, CLOSED]
ACTIONS = [RECEIVE_ACTION, HANDLE, RETURN, CANCEL, CLOSE]


@pytest.mark.parametrize(("state", "action"), list(itertools.product(STATES, ACTIONS)))
def test_every_state_and_action_pair(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert REFERRAL.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            REFERRAL.next_state(state, action)


def test_the_closed_states_admit_nothing() -> None:
    assert [s for s in STATES if REFERRAL.is_final(s)] == [CANCELLED, CLOSED]


def test_an_outcome_needs_words() -> None:
    assert REFERRAL.validate_payload(HANDLE, {"note": " "}) == {
        "note": "Hasil penanganan wajib diisi."
    }


async def _referral(kampung: Harness, village: VillageRef, register: Register) -> int:
    await register.resident("AYU LESTARI", "P", local_today(), birth=True)
    async with kampung.scope(village.code):
        child_id = (await Child.select(Child.id).first())["id"]
        return await refer(
            Subject(child_id=child_id), STUNTED, {"z_lhfa": -2500}, "kader", dt.datetime.now(dt.UTC)
        )


async def test_the_puskesmas_receives_and_handles_and_the_cadre_sees_it_back(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    referral = await _referral(kampung, village, register)
    url = f"{village.url}/kesehatan/rujukan/{referral}"
    puskesmas = await signed_in(kampung, "puskesmas_staff", village.district_code)
    queue = await puskesmas.get(f"/kecamatan/{await kampung.district_slug(village.district_code)}"
                                "/kesehatan/rujukan")  # fmt: skip
    assert queue.status_code == 200 and "AYU LESTARI" in queue.text
    assert f'href="{url}"' in queue.text
    await puskesmas.post(f"{url}/tindakan", data={"action": RECEIVE_ACTION})
    await puskesmas.post(f"{url}/tindakan", data={"action": HANDLE, "note": "Diberi PMT 90 hari"})
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    page = await cadre.get(url)
    assert "Sudah ditangani" in page.text and "Diberi PMT 90 hari" in page.text
    await cadre.post(f"{url}/tindakan", data={"action": CLOSE})
    async with kampung.scope(village.code):
        steps = await ReferralStep.select(ReferralStep.action).order_by(ReferralStep.id)
    assert [s["action"] for s in steps] == ["kirim", RECEIVE_ACTION, HANDLE, CLOSE]


async def test_a_cadre_cannot_take_the_puskesmas_actions(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    referral = await _referral(kampung, village, register)
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    url = f"{village.url}/kesehatan/rujukan/{referral}"
    response = await cadre.post(f"{url}/tindakan", data={"action": RECEIVE_ACTION})
    assert response.status_code == 303
    async with kampung.scope(village.code):
        assert await ReferralStep.count() == 1


async def test_the_history_cannot_be_changed_or_removed(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    await _referral(kampung, village, register)
    with pytest.raises(Exception, match=r"insert-only|permission denied"):
        async with kampung.scope(village.code):
            await ReferralStep.update({ReferralStep.note: "diubah"}, force=True)
    with pytest.raises(Exception, match=r"insert-only|permission denied"):
        async with kampung.scope(village.code):
            await ReferralStep.delete(force=True)


async def test_another_districts_puskesmas_does_not_see_the_referral(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    referral = await _referral(kampung, village, register)
    index = 1
    while (other := await kampung.village(index, onboarded=False)).district_code == (
        village.district_code
    ):
        index += 1
    stranger = await signed_in(kampung, "puskesmas_staff", other.district_code)
    slug = await kampung.district_slug(other.district_code)
    queue = await stranger.get(f"/kecamatan/{slug}/kesehatan/rujukan")
    assert queue.status_code == 200 and "AYU LESTARI" not in queue.text
    page = await stranger.get(f"{village.url}/kesehatan/rujukan/{referral}")
    assert page.status_code == 403
