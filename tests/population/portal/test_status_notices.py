"""The family hears of a request's status change: a message queued with the change, delivered by
the job queue through the configured channel (the log outbox here), once."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from core import DomainEvent
from core.jobs import job_status
from core.jobs.store import TABLE
from core.notify import LOGGER_NAME, OutboxEntry
from plugins.population.tables import Resident, ServiceRequest, ServiceStep

EVENT = "population.request_status_changed"


async def request_of(kampung, village, resident) -> int:
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        rows = await ServiceRequest.insert(
            ServiceRequest(
                village_code=village.code,
                kind="akta_kelahiran",
                resident=resident["id"],
                applicant_name=resident["name"],
                applicant_nik=resident["nik"],
                channel="online",
                status="dikembalikan",
                idempotency_key=f"{village.code}:notice-{resident['id']}",
                submitted_at=now,
                updated_at=now,
            )
        ).returning(ServiceRequest.id)
        await ServiceStep.insert(
            ServiceStep(
                village_code=village.code,
                request=rows[0]["id"],
                action="kembalikan",
                from_status="diajukan",
                to_status="dikembalikan",
                actor="user:1",
                at=now,
                payload={"alasan": "Foto KK buram"},
            )
        )
    return rows[0]["id"]


def returned(village, resident, request_id: int, **changes) -> DomainEvent:
    payload = {
        "request_id": request_id,
        "kind": "akta_kelahiran",
        "kind_title": "Akta Kelahiran",
        "action": "kembalikan",
        "from_status": "diajukan",
        "to_status": "dikembalikan",
        "to_status_label": "Dikembalikan ke pemohon",
        "reason": "Foto KK buram",
        "resident_id": resident["id"],
        "applicant_nik": resident["nik"],
        "channel": "online",
        **changes,
    }
    return DomainEvent(EVENT, village.code, payload)


async def queued_jobs(kampung) -> list[int]:
    rows = await kampung.kernel.engine.run_ddl(
        f"SELECT id FROM {TABLE} WHERE name = 'population.notify' ORDER BY id"
    )
    return [int(row["id"]) for row in rows]


async def outbox(kampung, village) -> list[dict]:
    async with kampung.scope(village.code):
        return await OutboxEntry.select().order_by(OutboxEntry.id)


async def with_phone(kampung, village, resident, phone: str) -> None:
    async with kampung.scope(village.code):
        await Resident.update({Resident.phone: phone}).where(Resident.id == resident["id"])


async def test_a_returned_request_sends_the_reason_to_the_residents_phone_via_the_log_outbox(
    kampung, people, caplog
) -> None:
    village = await kampung.village()
    me = await people.resident(village, "SITI AMINAH", family=await people.family(village))
    await with_phone(kampung, village, me, "081234567890")
    request_id = await request_of(kampung, village, me)
    async with kampung.scope(village.code):
        await kampung.kernel.publish(returned(village, me, request_id))
    jobs = await queued_jobs(kampung)
    assert len(jobs) == 1 and await outbox(kampung, village) == [], "sent later, not in the request"

    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        await kampung.run_jobs("population.notify")
    done = await job_status(kampung.kernel, jobs[0])
    assert done is not None and (done.status, done.error) == ("done", "")
    [entry] = await outbox(kampung, village)
    assert (entry["channel"], entry["status"], entry["recipient"]) == (
        "log",
        "dicatat",
        "081234567890",
    )
    assert "Akta Kelahiran" in entry["body"] and "Dikembalikan ke pemohon" in entry["body"]
    assert "Alasan: Foto KK buram" in entry["body"]
    logged = [r.getMessage() for r in caplog.records if r.name == LOGGER_NAME]
    assert any("081234567890" in line and "Foto KK buram" in line for line in logged)


async def test_a_resident_without_a_phone_is_logged_as_undeliverable(
    kampung, people, caplog
) -> None:
    village = await kampung.village()
    me = await people.resident(village, "TANPA NOMOR", family=await people.family(village))
    request_id = await request_of(kampung, village, me)
    async with kampung.scope(village.code):
        await kampung.kernel.publish(returned(village, me, request_id))
    with caplog.at_level(logging.DEBUG, logger=LOGGER_NAME):
        await kampung.run_jobs("population.notify")
    [entry] = await outbox(kampung, village)
    assert (entry["status"], entry["recipient"]) == ("tanpa_kontak", "")
    noted = [r for r in caplog.records if r.name == LOGGER_NAME and "no contact" in r.getMessage()]
    # Most residents leave no contact: a debug line by reference, never the message's text.
    assert noted and all(r.levelno == logging.DEBUG for r in noted)
    assert "Akta Kelahiran" not in noted[0].getMessage()


async def test_the_same_change_published_twice_is_one_message(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village, family=await people.family(village))
    await with_phone(kampung, village, me, "081299990000")
    request_id = await request_of(kampung, village, me)
    for _ in range(2):
        async with kampung.scope(village.code):
            await kampung.kernel.publish(returned(village, me, request_id))
    jobs = await queued_jobs(kampung)
    assert len(jobs) == 1
    await kampung.run_jobs("population.notify")
    assert len(await outbox(kampung, village)) == 1


async def test_a_status_change_rolled_back_sends_nothing(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village, family=await people.family(village))
    request_id = await request_of(kampung, village, me)
    try:
        async with kampung.scope(village.code):
            await kampung.kernel.publish(returned(village, me, request_id))
            raise RuntimeError("the change failed")
    except RuntimeError:
        pass
    assert await queued_jobs(kampung) == []


async def test_a_rating_sends_no_message(kampung, people) -> None:
    village = await kampung.village()
    me = await people.resident(village, family=await people.family(village))
    request_id = await request_of(kampung, village, me)
    rated = returned(
        village, me, request_id, action="nilai", to_status="dinilai", reason="", from_status="x"
    )
    async with kampung.scope(village.code):
        await kampung.kernel.publish(rated)
    assert await queued_jobs(kampung) == []


async def test_an_operator_returning_a_request_over_http_notifies_the_family(
    kampung, people
) -> None:
    village = await kampung.village()
    me = await people.resident(village, "SITI AMINAH", family=await people.family(village))
    await with_phone(kampung, village, me, "085700001234")
    request_id = await request_of(kampung, village, me)
    async with kampung.scope(village.code):
        await ServiceRequest.update({ServiceRequest.status: "diajukan"}).where(
            ServiceRequest.id == request_id
        )
    operator = await kampung.login("village_operator", village)
    answer = await operator.post(
        village.url + f"/layanan/{request_id}/aksi/kembalikan", data={"alasan": "Nama ayah keliru"}
    )
    assert answer.status_code in (200, 303), answer.text[:300]
    await kampung.run_jobs("population.notify")
    [entry] = await outbox(kampung, village)
    assert entry["recipient"] == "085700001234"
    assert "Dikembalikan ke pemohon" in entry["body"] and "Nama ayah keliru" in entry["body"]
