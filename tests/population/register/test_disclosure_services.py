"""Requests, the regency queue, letters and exports: one trail entry naming who and what."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime
from typing import Any

from core.audit.tables import Disclosure
from plugins.population.importing import cli
from plugins.population.tables import Letter, ServiceRequest

KK = "3527011201200001"
NIK = "3527011405900001"


async def trail(kampung: Any) -> list[dict[str, Any]]:
    async with kampung.scope():
        return await Disclosure.select().order_by(Disclosure.id)


async def _one_new_entry(kampung, client, url: str, **params: Any) -> dict[str, Any]:
    before = len(await trail(kampung))
    response = await client.get(url, params=params)
    assert response.status_code == 200, response.text[:300]
    entries = (await trail(kampung))[before:]
    assert len(entries) == 1, entries
    return entries[0]


async def _request(kampung: Any, village: Any, resident_id: int) -> int:
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        rows = await ServiceRequest.insert(
            ServiceRequest(
                village_code=village.code,
                kind="ktp_el",
                resident=resident_id,
                applicant_name="Budi Santoso",
                applicant_nik=NIK,
                status="diajukan",
                idempotency_key=f"disclosure-{village.code}-{resident_id}",
                submitted_at=now,
                updated_at=now,
            )
        ).returning(ServiceRequest.id)
    return rows[0]["id"]


async def _letter(kampung: Any, village: Any, resident_id: int) -> int:
    async with kampung.scope(village.code):
        rows = await Letter.insert(
            Letter(
                village_code=village.code,
                kind="domisili",
                resident=resident_id,
                status="draf",
                idempotency_key=f"letter-{village.code}-{resident_id}",
                verify_token=f"token-{village.code}-{resident_id}",
                created_by="test",
                created_at=datetime.now(UTC),
            )
        ).returning(Letter.id)
    return rows[0]["id"]


async def test_village_request_list_and_detail_name_the_applicant(kampung, register) -> None:
    village = await kampung.village()
    resident = await register.resident(village, 1)
    request_id = await _request(kampung, village, resident)
    client = await kampung.login("village_operator", village)

    listed = await _one_new_entry(kampung, client, f"{village.url}/layanan")
    detail = await _one_new_entry(kampung, client, f"{village.url}/layanan/{request_id}")
    api = await _one_new_entry(kampung, client, f"{village.api}/layanan")

    for entry in (listed, detail, api):
        assert f"|request:{request_id}|" in entry["subjects"]
        assert f"|resident:{resident}|" in entry["subjects"]
        assert f"|#{NIK}|" in entry["subjects"]
        assert entry["village_code"] == village.code
    assert (listed["kind"], listed["total"]) == ("population.request.list", 1)
    assert detail["kind"] == "population.request.detail"


async def test_regency_queue_records_its_filters_and_the_villages_request(
    kampung, register
) -> None:
    village = await kampung.village()
    resident = await register.resident(village, 1)
    request_id = await _request(kampung, village, resident)
    officer = await kampung.login("regency_officer")

    queue = await _one_new_entry(kampung, officer, "/kabupaten/layanan", kind="ktp_el")
    detail = await _one_new_entry(kampung, officer, f"/kabupaten/layanan/{request_id}")

    assert queue["kind"] == "population.request.list"
    assert "ktp_el" in str(queue["query"]) and queue["total"] == 1
    assert queue["actor_roles"] == "regency_officer"
    assert detail["village_code"] == village.code
    assert f"|request:{request_id}|" in detail["subjects"]


async def test_letter_list_and_detail_name_the_letter_and_its_resident(kampung, register) -> None:
    village = await kampung.village()
    resident = await register.resident(village, 1)
    letter_id = await _letter(kampung, village, resident)
    client = await kampung.login("village_operator", village)

    listed = await _one_new_entry(kampung, client, f"{village.url}/surat")
    detail = await _one_new_entry(kampung, client, f"{village.url}/surat/{letter_id}")
    api = await _one_new_entry(kampung, client, f"{village.api}/surat/{letter_id}")

    assert listed["kind"] == "population.letter.list"
    assert f"|letter:{letter_id}|" in listed["subjects"]
    for entry in (detail, api):
        assert entry["kind"] == "population.letter.detail"
        assert f"|resident:{resident}|" in entry["subjects"] and f"|#{NIK}|" in entry["subjects"]


async def test_web_export_records_one_entry_with_the_rows_exported(kampung, register) -> None:
    village = await kampung.village()
    await register.family(village, KK)
    for serial in (1, 2, 3):
        await register.resident(
            village, serial, kk_number=KK, relationship="1" if serial == 1 else "4"
        )
    admin = await kampung.login("village_admin", village)

    entry = await _one_new_entry(kampung, admin, f"{village.url}/ekspor.csv")

    assert entry["kind"] == "population.export"
    assert entry["actor"].startswith("village-admin-")
    assert entry["total"] == 3
    assert "csv" in str(entry["query"])


async def test_command_line_export_records_one_entry(kampung, register, tmp_path, capsys) -> None:
    village = await kampung.village()
    await register.resident(village, 1)
    target = tmp_path / "penduduk.csv"
    before = len(await trail(kampung))

    code = await _run_export(kampung, village.code, target)

    assert code == 0, capsys.readouterr().err
    entries = (await trail(kampung))[before:]
    assert [(e["kind"], e["actor"], e["total"]) for e in entries] == [
        ("population.export", "cli", 1)
    ]
    assert "penduduk.csv" in str(entries[0]["query"])


async def _run_export(kampung: Any, code: str, target: Any) -> int:
    """The command as `kampung population export FILE --village CODE` runs it (its own loop)."""
    args = argparse.Namespace(file=str(target), village=code)
    return await asyncio.to_thread(cli.cmd_export, args, kampung.settings)
