"""A cycle from draft to closed: the frozen list, approval by someone else with a signature that
verifies, the budget held under concurrent approvals, and each payout recorded once."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from typing import Any

from core.signing import LocalSigner, verify_pdf
from plugins.social_aid.cycles import cycles, ledger
from plugins.social_aid.tables import Entitlement, Payout
from tests.social_aid.register_desk import programme_with_recipients

PEOPLE = [("MBAH KARSO", dt.date(1940, 1, 1)), ("SAMIDI", dt.date(1975, 6, 1))]


async def _cycle(kampung: Any, desk: Any, **fields: str) -> tuple[Any, str, int]:
    programme_id, _ = await programme_with_recipients(kampung, desk, PEOPLE, **fields)
    operator = await kampung.login("aid_operator", desk.village)
    opened = await operator.post(
        f"{desk.village.url}/bantuan/siklus", data={"programme": str(programme_id)}
    )
    assert opened.status_code == 303, opened.text[:3000]
    return operator, opened.headers["location"], programme_id


async def _entitlements(kampung: Any, desk: Any, url: str) -> list[dict[str, Any]]:
    async with kampung.scope(desk.village.code):
        return await cycles.entitlements(int(url.rsplit("/", 1)[1]))


async def test_approval_signs_the_frozen_list_and_the_signature_verifies(kampung, desk) -> None:
    operator, url, _ = await _cycle(kampung, desk)
    slot = {"place": "Kantor Pos Noreh", "dusun": "", "starts_at": "2026-03-02T08:00",
            "ends_at": "2026-03-02T10:00"}  # fmt: skip
    assert (await operator.post(url + "/jadwal", data=slot)).status_code == 303
    assert (await operator.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    rows = await _entitlements(kampung, desk, url)
    assert [(r["name"], r["amount"], r["door_to_door"]) for r in rows] == [
        ("MBAH KARSO", 300_000, True),
        ("SAMIDI", 300_000, False),
    ]
    assert rows[1]["slot_place"] == "Kantor Pos Noreh"
    head = await kampung.login("village_head", desk.village)
    assert (await head.post(url + "/aksi", data={"action": "approve"})).status_code == 303
    page = await head.get(url)
    assert "Rp600.000" in page.text and "Disetujui dan ditandatangani" in page.text
    pdf = (await head.get(url + "/dokumen")).content
    report = await verify_pdf(
        pdf, [LocalSigner(kampung.settings.data_path / "signing").trust_root()]
    )
    assert report.genuine
    async with kampung.scope(desk.village.code):
        state = await cycles.load(int(url.rsplit("/", 1)[1]))
    assert state.document["sha256"] == hashlib.sha256(pdf).hexdigest() == report.signed_hash
    assert (state.document["recipients"], state.document["total"]) == (2, 600_000)
    tampered = pdf[:400] + bytes([pdf[400] ^ 1]) + pdf[401:]
    assert not (
        await verify_pdf(
            tampered, [LocalSigner(kampung.settings.data_path / "signing").trust_root()]
        )
    ).genuine


async def test_the_preparer_cannot_approve_their_own_list(kampung, desk) -> None:
    _, url, _ = await _cycle(kampung, desk)
    officer = await kampung.login("aid_officer", "35.27")
    assert (await officer.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    refused = await officer.post(url + "/aksi", data={"action": "approve"})
    assert refused.status_code == 422
    assert "Penyusun daftar tidak boleh menyetujuinya sendiri" in refused.text
    operator = await kampung.login("aid_operator", desk.village)
    assert (await operator.post(url + "/aksi", data={"action": "approve"})).status_code == 403


async def test_the_budget_holds_when_two_cycles_are_approved_at_once(kampung, desk) -> None:
    operator, first, programme_id = await _cycle(kampung, desk, budget="900000")
    opened = await operator.post(
        f"{desk.village.url}/bantuan/siklus", data={"programme": str(programme_id)}
    )
    second = opened.headers["location"]
    for url in (first, second):
        assert (await operator.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    heads = [await kampung.login("village_head", desk.village) for _ in range(2)]
    answers = await asyncio.gather(
        *(
            client.post(url + "/aksi", data={"action": "approve"})
            for client, url in zip(heads, (first, second), strict=True)
        )
    )
    assert sorted(a.status_code for a in answers) == [303, 422]
    refused = next(a for a in answers if a.status_code == 422)
    assert "Pagu tidak cukup" in refused.text
    async with kampung.scope(desk.village.code):
        assert await cycles.committed(programme_id) == 600_000
        assert await ledger.balance(ledger.fund(programme_id)) == -600_000


async def _disbursing(kampung: Any, desk: Any) -> tuple[str, list[dict[str, Any]]]:
    operator, url, _ = await _cycle(kampung, desk)
    assert (await operator.post(url + "/aksi", data={"action": "submit"})).status_code == 303
    head = await kampung.login("village_head", desk.village)
    assert (await head.post(url + "/aksi", data={"action": "approve"})).status_code == 303
    cashier = await kampung.login("village_operator", desk.village)
    assert (await cashier.post(url + "/aksi", data={"action": "start"})).status_code == 303
    return url, await _entitlements(kampung, desk, url)


async def test_a_slip_scanned_at_two_counters_at_once_is_paid_once(kampung, desk) -> None:
    _, rows = await _disbursing(kampung, desk)
    counters = [await kampung.login("village_operator", desk.village) for _ in range(2)]
    payment = {
        "token": rows[1]["token"],
        "ktp_checked": "1",
        "channel": "counter",
        "place": "Loket 1",
    }
    answers = await asyncio.gather(
        *(
            c.post(f"{desk.village.url}/bantuan/bayar", data={**payment, "idempotency_key": key})
            for c, key in zip(counters, ("counter-one-key", "counter-two-key"), strict=True)
        )
    )
    assert sorted(a.status_code for a in answers) == [200, 422]
    assert "Sudah dibayar kepada SAMIDI" in next(a for a in answers if a.status_code == 422).text
    async with kampung.scope(desk.village.code):
        assert await Payout.count() == 1
        assert await ledger.balance(ledger.due(rows[1]["id"])) == 0


async def test_a_retried_payout_shows_the_same_receipt_and_pays_nothing_more(kampung, desk) -> None:
    _, rows = await _disbursing(kampung, desk)
    counter = await kampung.login("village_operator", desk.village)
    payment = {"token": rows[0]["token"], "ktp_checked": "1", "idempotency_key": "retry-payout-1"}
    first = await counter.post(f"{desk.village.url}/bantuan/bayar", data=payment)
    again = await counter.post(f"{desk.village.url}/bantuan/bayar", data=payment)
    assert first.status_code == again.status_code == 200
    assert "Tanda terima" in again.text and "Rp300.000" in again.text
    unchecked = await counter.post(
        f"{desk.village.url}/bantuan/bayar", data={"token": rows[1]["token"]}
    )
    assert unchecked.status_code == 422 and "Cocokkan KTP-el" in unchecked.text
    async with kampung.scope(desk.village.code):
        assert await Payout.count() == 1


async def test_closing_marks_the_unpaid_as_not_collected_and_returns_their_money(
    kampung, desk
) -> None:
    url, rows = await _disbursing(kampung, desk)
    counter = await kampung.login("village_operator", desk.village)
    await counter.post(
        f"{desk.village.url}/bantuan/bayar", data={"token": rows[0]["token"], "ktp_checked": "1"}
    )
    operator = await kampung.login("aid_operator", desk.village)
    closed = await operator.post(
        url + "/aksi", data={"action": "close", "reason": "Merantau ke Surabaya"}
    )
    assert closed.status_code == 303
    after = {r["name"]: r for r in await _entitlements(kampung, desk, url)}
    assert after["SAMIDI"]["outcome"] == "not_collected"
    assert after["SAMIDI"]["stop"]["reason"] == "Merantau ke Surabaya"
    assert after["MBAH KARSO"]["outcome"] == "paid"
    async with kampung.scope(desk.village.code):
        programme_id = (await cycles.load(int(url.rsplit("/", 1)[1]))).row["programme"]
        assert await ledger.balance(ledger.fund(programme_id)) == -300_000
        assert await ledger.balance(ledger.paid(programme_id)) == 300_000
    slips = await operator.get(url + "/undangan")
    assert slips.status_code == 200


async def test_a_slot_or_an_action_sent_twice_takes_effect_once(kampung, desk) -> None:
    operator, url, _ = await _cycle(kampung, desk)
    slot = {"place": "Balai Desa", "dusun": "", "starts_at": "2026-03-02T08:00",
            "ends_at": "2026-03-02T10:00", "idempotency_key": "slot-twice-key"}  # fmt: skip
    first = await operator.post(url + "/jadwal", data=slot)
    again = await operator.post(url + "/jadwal", data=slot)
    assert first.status_code == again.status_code == 303
    submit = {"action": "submit", "idempotency_key": "submit-twice-key"}
    assert (await operator.post(url + "/aksi", data=submit)).status_code == 303
    assert (await operator.post(url + "/aksi", data=submit)).status_code == 303
    async with kampung.scope(desk.village.code):
        cycle_id = int(url.rsplit("/", 1)[1])
        assert len(await cycles.slots(cycle_id)) == 1
        state = await cycles.load(cycle_id)
    assert state.status == "submitted" and len(state.steps) == 1


async def test_the_paying_agents_file_records_each_payout_once(kampung, desk) -> None:
    url, rows = await _disbursing(kampung, desk)
    cashier = await kampung.login("village_operator", desk.village)
    lines = (
        ["kode_undangan,nik,besaran,dibayar_pada,tempat"]
        + [
            f"{r['token']},{r['nik']},{r['amount']},2026-03-02T09:15:00+07:00,Kantor Pos"
            for r in rows
        ]
        + [f"{rows[0]['token']},{rows[0]['nik']},999,2026-03-02T09:15:00+07:00,Kantor Pos"]
    )
    file = {"file": ("rekon.csv", "\n".join(lines).encode(), "text/csv")}
    first = await cashier.post(url + "/rekonsiliasi", files=file)
    assert first.status_code == 200, first.text[:2000]
    assert first.text.count("Pembayaran dicatat.") == 2 and "Besaran harus 300000" in first.text
    again = await cashier.post(url + "/rekonsiliasi", files=file)
    assert again.text.count("Sudah dibayar kepada") == 2
    async with kampung.scope(desk.village.code):
        assert await Payout.count() == 2


async def test_an_entitlement_outside_the_signed_list_cannot_be_paid_beyond_its_total(
    kampung, desk
) -> None:
    """The control total holds even against a row the approval never signed (written straight
    into the table, as a faulty import or a hand edit would): once the signed total is paid out,
    nothing more is."""
    url, rows = await _disbursing(kampung, desk)
    cycle_id = int(url.rsplit("/", 1)[1])
    async with kampung.scope(desk.village.code):
        await Entitlement.insert(
            Entitlement(
                cycle=cycle_id, recipient=rows[0]["recipient"], resident_id=rows[0]["resident_id"],
                nik=rows[0]["nik"], name="TAMBAHAN", amount=300_000, token="unsigned-extra-slip",
            )
        )  # fmt: skip
    counter = await kampung.login("village_operator", desk.village)
    for n, token in enumerate([*(r["token"] for r in rows), "unsigned-extra-slip"]):
        answer = await counter.post(
            f"{desk.village.url}/bantuan/bayar",
            data={"token": token, "ktp_checked": "1", "idempotency_key": f"pay-total-{n:04d}"},
        )
        expected = 422 if token == "unsigned-extra-slip" else 200
        assert answer.status_code == expected, answer.text[:2000]
    assert "melebihi jumlah dana yang disetujui" in answer.text
    async with kampung.scope(desk.village.code):
        paid = await Payout.select(Payout.amount)
    assert sum(p["amount"] for p in paid) == 300_000 * len(rows)
