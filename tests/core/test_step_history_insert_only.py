"""Step histories are the record of what happened to a request or a letter: the app may add to
them, never change or remove a step (PostgreSQL: no UPDATE/DELETE grant for the app role;
SQLite: triggers abort both), and removing the record cannot take its history with it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from piccolo.table import Table

from core.db.insert_only import is_insert_only
from plugins.population.tables import (
    Letter,
    LetterStep,
    Resident,
    ServiceRequest,
    ServiceStep,
)

REFUSED = r"permission denied|insert-only|foreign key"


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("population",)


async def _request_with_step(kampung: Any, village: str) -> tuple[int, int]:
    now = datetime.now(UTC)
    async with kampung.scope(village):
        request = await ServiceRequest.insert(
            ServiceRequest(
                village_code=village,
                kind="kk_baru",
                applicant_name="SITI AMINAH",
                status="diajukan",
                idempotency_key=f"step-test-{village}",
                submitted_at=now,
                updated_at=now,
            )
        ).returning(ServiceRequest.id)
        step = await ServiceStep.insert(
            ServiceStep(
                village_code=village,
                request=request[0]["id"],
                action="ajukan",
                from_status="",
                to_status="diajukan",
                actor="operator",
                at=now,
            )
        ).returning(ServiceStep.id)
    return request[0]["id"], step[0]["id"]


async def _letter_with_step(kampung: Any, village: str) -> tuple[int, int]:
    now = datetime.now(UTC)
    async with kampung.scope(village):
        resident = await Resident.insert(
            Resident(
                village_code=village,
                nik="3527014101800001",
                name="SITI AMINAH",
                name_key="siti aminah",
                sex=2,
                created_at=now,
                updated_at=now,
            )
        ).returning(Resident.id)
        letter = await Letter.insert(
            Letter(
                village_code=village,
                kind="domisili",
                resident=resident[0]["id"],
                status="draf",
                idempotency_key=f"letter-step-test-{village}",
                verify_token=f"verify-{village}",
                created_by="operator",
                created_at=now,
            )
        ).returning(Letter.id)
        step = await LetterStep.insert(
            LetterStep(
                village_code=village,
                letter=letter[0]["id"],
                action="buat",
                from_status="",
                to_status="draf",
                actor="operator",
                at=now,
            )
        ).returning(LetterStep.id)
    return letter[0]["id"], step[0]["id"]


async def _refused(kampung: Any, village: str, statement: Any) -> None:
    with pytest.raises(Exception, match=REFUSED):
        async with kampung.scope(village):
            await statement


def test_both_step_histories_are_declared_insert_only() -> None:
    for table in (ServiceStep, LetterStep):
        assert is_insert_only(table), table._meta.tablename
    assert not is_insert_only(ServiceRequest)


async def test_a_request_step_cannot_be_changed_or_removed(kampung) -> None:
    village = (await kampung.village()).code
    request_id, step_id = await _request_with_step(kampung, village)
    await _refused(
        kampung,
        village,
        ServiceStep.update({ServiceStep.actor: "orang-lain"}).where(ServiceStep.id == step_id),
    )
    await _refused(kampung, village, ServiceStep.delete().where(ServiceStep.id == step_id))
    await _refused(kampung, village, ServiceRequest.delete().where(ServiceRequest.id == request_id))
    await _assert_unchanged(kampung, village, ServiceStep, step_id)


async def test_a_letter_step_cannot_be_changed_or_removed(kampung) -> None:
    village = (await kampung.village()).code
    letter_id, step_id = await _letter_with_step(kampung, village)
    await _refused(
        kampung,
        village,
        LetterStep.update({LetterStep.to_status: "ditandatangani"}).where(LetterStep.id == step_id),
    )
    await _refused(kampung, village, LetterStep.delete().where(LetterStep.id == step_id))
    await _refused(kampung, village, Letter.delete().where(Letter.id == letter_id))
    await _assert_unchanged(kampung, village, LetterStep, step_id)


async def test_steps_are_still_appended(kampung) -> None:
    village = (await kampung.village()).code
    request_id, _ = await _request_with_step(kampung, village)
    async with kampung.scope(village):
        await ServiceStep.insert(
            ServiceStep(
                village_code=village,
                request=request_id,
                action="verifikasi",
                from_status="diajukan",
                to_status="diverifikasi",
                actor="operator",
                at=datetime.now(UTC),
            )
        )
        steps = await ServiceStep.count().where(ServiceStep.request == request_id)
    assert steps == 2


async def _assert_unchanged(kampung: Any, village: str, table: type[Table], step_id: int) -> None:
    async with kampung.scope(village):
        row = await table.select().where(table._meta.primary_key == step_id).first()
    assert row is not None
    assert row["actor"] == "operator"
