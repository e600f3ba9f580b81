"""The approval chain over HTTP: every (state, action) pair, who may act, and the history kept."""

from __future__ import annotations

import pytest

NIK = "3527014506900001"
ROLE_FOR = {
    "periksa": "village_secretary",
    "kembalikan": "village_secretary",
    "tandatangani": "village_head",
    "batalkan": "village_operator",
}
PATH_TO = {
    "draf": [],
    "diperiksa": ["periksa"],
    "ditandatangani": ["periksa", "tandatangani"],
    "dibatalkan": ["batalkan"],
}
EXPECTED = {
    ("draf", "periksa"): "diperiksa",
    ("draf", "kembalikan"): "draf",
    ("draf", "tandatangani"): 409,
    ("draf", "batalkan"): "dibatalkan",
    ("diperiksa", "periksa"): 409,
    ("diperiksa", "kembalikan"): "draf",
    ("diperiksa", "tandatangani"): "ditandatangani",
    ("diperiksa", "batalkan"): "dibatalkan",
    ("ditandatangani", "periksa"): 409,
    ("ditandatangani", "kembalikan"): 409,
    ("ditandatangani", "tandatangani"): 409,
    ("ditandatangani", "batalkan"): 409,
    ("dibatalkan", "periksa"): 409,
    ("dibatalkan", "kembalikan"): 409,
    ("dibatalkan", "tandatangani"): 409,
    ("dibatalkan", "batalkan"): 409,
}


@pytest.mark.parametrize(("state", "action"), sorted(EXPECTED))
async def test_every_state_and_action(kampung, add_resident, draft, act, state, action):
    village = await kampung.village()
    await add_resident(village, NIK)
    clients = {role: await kampung.login(role, village) for role in set(ROLE_FOR.values())}
    letter_id = (await draft(clients["village_operator"], village, NIK)).json()["id"]
    for step in PATH_TO[state]:
        reason = {"alasan": "NIK salah ketik"} if step == "kembalikan" else {}
        assert (await act(clients[ROLE_FOR[step]], village, letter_id, step, **reason)).is_success

    payload = {"alasan": "Keperluan kurang jelas"} if action == "kembalikan" else {}
    response = await act(clients[ROLE_FOR[action]], village, letter_id, action, **payload)

    expected = EXPECTED[(state, action)]
    if expected == 409:
        assert response.status_code == 409
        assert "tidak boleh dari status" in response.json()["detail"]
        after = await clients["village_operator"].get(f"{village.api}/surat/{letter_id}")
        assert after.json()["status"] == state
        assert len(after.json()["steps"]) == len(PATH_TO[state])
    else:
        assert response.status_code == 200
        letter = response.json()
        assert letter["status"] == expected
        last = letter["steps"][-1]
        assert (last["action"], last["from_status"], last["to_status"]) == (
            action,
            state,
            expected,
        )
        if action == "kembalikan":
            assert last["payload"]["alasan"] == "Keperluan kurang jelas"


@pytest.mark.parametrize(
    ("role", "action"),
    [
        ("village_operator", "periksa"),
        ("village_head", "batalkan"),
        ("village_secretary", "tandatangani"),
        ("village_operator", "tandatangani"),
    ],
)
async def test_a_role_without_the_permission_is_forbidden(
    kampung, add_resident, draft, act, role, action
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    if action == "tandatangani":
        await act(secretary, village, letter_id, "periksa")
    client = operator if role == "village_operator" else await kampung.login(role, village)
    response = await act(client, village, letter_id, action)
    assert response.status_code == 403
    page = await client.post(f"{village.url}/surat/{letter_id}/aksi/{action}", data={"alasan": "x"})
    assert page.status_code == 403


async def test_return_needs_a_reason_and_the_page_shows_the_history(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]

    refused = await secretary.post(f"{village.url}/surat/{letter_id}/aksi/kembalikan", data={})
    assert refused.status_code == 422
    assert "Alasan wajib diisi." in refused.text

    returned = await secretary.post(
        f"{village.url}/surat/{letter_id}/aksi/kembalikan", data={"alasan": "Alamat belum lengkap"}
    )
    assert returned.status_code == 303
    page = await operator.get(f"{village.url}/surat/{letter_id}")
    assert "Alamat belum lengkap" in page.text
    assert "Kembalikan ke operator" in page.text
    assert "/aksi/batalkan" in page.text
    assert "/aksi/periksa" not in page.text


async def test_unknown_action_is_not_found(kampung, add_resident, draft, act):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    assert (await act(operator, village, letter_id, "hapus")).status_code == 404


async def test_the_same_return_sent_again_is_one_step_a_new_reason_is_another(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    await act(secretary, village, letter_id, "periksa")

    for _ in range(2):  # a double click on "Kembalikan"
        sent = await act(secretary, village, letter_id, "kembalikan", alasan="Alamat kurang RT")
        assert sent.status_code == 200
    returns = [s for s in sent.json()["steps"] if s["action"] == "kembalikan"]
    assert [s["payload"]["alasan"] for s in returns] == ["Alamat kurang RT"]

    again = await act(secretary, village, letter_id, "kembalikan", alasan="Nama ayah juga salah")
    returns = [s for s in again.json()["steps"] if s["action"] == "kembalikan"]
    assert [s["payload"]["alasan"] for s in returns] == ["Alamat kurang RT", "Nama ayah juga salah"]
