"""Every change lands in its village's audit chain exactly once, and the chains still verify.

Three villages' staff make a random mix of changes over HTTP, the villages' requests sent side by
side: residents registered, service requests submitted and moved on, letters drafted, checked and
signed. A random sample of those changes is then looked up in the audit log: each appears once,
in the chain of the village it was made in, and `verify_chains` finds no broken link.
"""

from __future__ import annotations

import asyncio
import os
import random
import secrets
from dataclasses import dataclass, field
from typing import Any

from bench.reliability.office import Office, open_office, person
from core.audit.chain import verify_chains
from core.audit.tables import AuditEntry
from core.testing.harness import TEST_PASSWORD

SEED = int(os.environ.get("KAMPUNG_AUDIT_SEED", random.randrange(10**6)))
CHANGES_PER_VILLAGE = 10
SAMPLE = 12
REQUEST_STEPS = ("lengkap", "teruskan")
LETTER_STEPS = (("periksa", "village_secretary"), ("tandatangani", "village_head"))
REQUEST_PAYLOAD = {
    "lengkap": {"asli_dilihat": ["akta_kelahiran", "kk_orang_tua", "ktp_el_orang_tua"]}
}
"""A `kia` request's required documents, seen in the original at the counter."""
LETTER_PAYLOAD = {"tandatangani": {"kata_sandi": TEST_PASSWORD}}
"""The head types their own password again to sign."""


@dataclass
class Desk:
    """One village's office and what its staff changed, as (entity, id, action)."""

    office: Office
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    requests: dict[int, int] = field(default_factory=dict)
    """Request id -> how many of `REQUEST_STEPS` it has taken."""
    letters: dict[int, int] = field(default_factory=dict)


async def _register(desk: Desk, _: random.Random) -> None:
    office = desk.office
    body = {**person(next(office.serials)), "idempotency_key": secrets.token_hex(16)}
    sent = await office.clients["village_operator"].post(
        office.village.api + "/penduduk", json=body
    )
    assert sent.status_code == 201, sent.text
    desk.changes.append(("resident", str(sent.json()["id"]), "create"))


async def _submit(desk: Desk, _: random.Random) -> None:
    office = desk.office
    body = {
        "kind": "kia",
        "nik": person(office.first)["nik"],
        "applicant_name": "Pemohon",
        "idempotency_key": secrets.token_hex(16),
    }
    sent = await office.clients["village_operator"].post(office.village.api + "/layanan", json=body)
    assert sent.status_code == 201, sent.text
    desk.requests[sent.json()["id"]] = 0
    desk.changes.append(("service_request", str(sent.json()["id"]), "create"))


async def _draft(desk: Desk, _: random.Random) -> None:
    office = desk.office
    body = {
        "kind": "domisili",
        "nik": person(office.first)["nik"],
        "fields": {"keperluan": "bekerja"},
        "idempotency_key": secrets.token_hex(16),
    }
    sent = await office.clients["village_operator"].post(office.village.api + "/surat", json=body)
    assert sent.status_code == 201, sent.text
    desk.letters[sent.json()["id"]] = 0
    desk.changes.append(("letter", str(sent.json()["id"]), "create"))


async def _move_request(desk: Desk, rng: random.Random) -> None:
    open_requests = [i for i, done in desk.requests.items() if done < len(REQUEST_STEPS)]
    if not open_requests:
        return await _submit(desk, rng)
    request_id = rng.choice(open_requests)
    action = REQUEST_STEPS[desk.requests[request_id]]
    url = f"{desk.office.village.api}/layanan/{request_id}/aksi/{action}"
    sent = await desk.office.clients["village_operator"].post(
        url, json=REQUEST_PAYLOAD.get(action, {})
    )
    assert sent.status_code == 200, sent.text
    desk.requests[request_id] += 1
    desk.changes.append(("service_request", str(request_id), action))
    return None


async def _move_letter(desk: Desk, rng: random.Random) -> None:
    open_letters = [i for i, done in desk.letters.items() if done < len(LETTER_STEPS)]
    if not open_letters:
        return await _draft(desk, rng)
    letter_id = rng.choice(open_letters)
    action, role = LETTER_STEPS[desk.letters[letter_id]]
    url = f"{desk.office.village.api}/surat/{letter_id}/aksi/{action}"
    sent = await desk.office.clients[role].post(url, json=LETTER_PAYLOAD.get(action, {}))
    assert sent.status_code == 200, sent.text
    desk.letters[letter_id] += 1
    desk.changes.append(("letter", str(letter_id), action))
    return None


CHANGES = (_register, _submit, _draft, _move_request, _move_letter)


async def _entries(kampung: Any, change: tuple[str, str, str], chain: str | None = None) -> int:
    """How many audit entries record `change`, in every chain or in `chain`."""
    entity, entity_id, action = change
    where = (
        (AuditEntry.entity == entity)
        & (AuditEntry.entity_id == entity_id)
        & (AuditEntry.action == action)
    )
    if chain is not None:
        where &= AuditEntry.village_code == chain
    async with kampung.scope():
        return await AuditEntry.count().where(where)


async def test_a_random_sample_of_changes_is_each_in_its_chain_once(kampung) -> None:
    rng = random.Random(SEED)
    desks = [
        Desk(await open_office(kampung, index, first))
        for index, first in ((0, 1), (40, 500), (80, 900))
    ]
    for _ in range(CHANGES_PER_VILLAGE):
        await asyncio.gather(*(rng.choice(CHANGES)(desk, rng) for desk in desks))
    made = [(desk.office.village.code, change) for desk in desks for change in desk.changes]
    sample = rng.sample(made, SAMPLE)
    anywhere = [await _entries(kampung, change) for _, change in sample]
    in_own_chain = [await _entries(kampung, change, code) for code, change in sample]
    assert anywhere == in_own_chain == [1] * SAMPLE, f"seed {SEED}: {sample}"
    async with kampung.scope():
        assert await verify_chains() == [], f"seed {SEED}"
