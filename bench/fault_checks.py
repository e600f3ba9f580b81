"""What must hold in the database after an outage: every confirmed write stored once and whole.

Read as the server's superuser, so Row-Level Security hides nothing. A write the client never had
confirmed may or may not be stored (the commit can succeed while its answer is lost); if it is,
it must be whole too, and a retry with the same idempotency key returns it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import asyncpg

from bench.fault_load import Outcome
from plugins.population.services.requests import stored_key

INITIAL, CHECKED = "diajukan", "diperiksa"
"""A submission starts in `diajukan`; the writers' one action, `lengkap`, moves it on."""


@dataclass(frozen=True)
class Confirmed:
    """What the clients were told was saved."""

    submissions: dict[str, int]
    """Idempotency key → the request id the answer carried."""
    checked: set[int]
    """Requests whose `lengkap` action was answered with success."""
    unconfirmed_keys: set[str]
    """Keys of submissions answered with anything but success."""


def confirmed_writes(outcomes: Sequence[Outcome]) -> Confirmed:
    submissions = {
        o.key: o.request_id
        for o in outcomes
        if o.action == "submit" and o.success and o.request_id is not None
    }
    checked = {submissions[o.key] for o in outcomes if o.action == "lengkap" and o.success}
    unconfirmed = {o.key for o in outcomes if o.action == "submit" and not o.success}
    return Confirmed(submissions, checked, unconfirmed)


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    stored_unconfirmed: int = 0
    requests: int = 0


async def check_writes(owner_url: str, village_code: str, confirmed: Confirmed) -> Findings:
    connection = await asyncpg.connect(owner_url)
    try:
        requests = await connection.fetch(
            "SELECT id, idempotency_key, status FROM population_service_request "
            "WHERE village_code = $1",
            village_code,
        )
        steps = await connection.fetch(
            "SELECT request, action FROM population_service_step WHERE village_code = $1",
            village_code,
        )
        audits = await connection.fetch(
            "SELECT entity_id, action FROM core_audit_entry "
            "WHERE village_code = $1 AND entity = 'service_request'",
            village_code,
        )
    finally:
        await connection.close()
    findings = Findings(requests=len(requests))
    _check_confirmed(findings, village_code, confirmed, requests)
    _check_whole(findings, requests, steps, audits)
    return findings


def _check_confirmed(
    findings: Findings,
    village_code: str,
    confirmed: Confirmed,
    requests: Iterable[asyncpg.Record],
) -> None:
    by_key = Counter(row["idempotency_key"] for row in requests)
    ids = {row["idempotency_key"]: row["id"] for row in requests}
    status = {row["id"]: row["status"] for row in requests}
    for key, request_id in confirmed.submissions.items():
        stored = stored_key(village_code, key)
        if by_key[stored] != 1:
            findings.problems.append(f"confirmed {key} stored {by_key[stored]} times")
        elif ids[stored] != request_id:
            findings.problems.append(f"confirmed {key} as {request_id}, stored as {ids[stored]}")
    for request_id in confirmed.checked:
        if status.get(request_id) != CHECKED:
            findings.problems.append(
                f"request {request_id}: lengkap confirmed, status {status.get(request_id)}"
            )
    findings.stored_unconfirmed = sum(
        1 for key in confirmed.unconfirmed_keys if by_key[stored_key(village_code, key)]
    )


def _check_whole(
    findings: Findings,
    requests: Iterable[asyncpg.Record],
    steps: Iterable[asyncpg.Record],
    audits: Iterable[asyncpg.Record],
) -> None:
    """Each request has its audit entry, and its status agrees with its history and the log."""
    step_count = Counter((row["request"], row["action"]) for row in steps)
    audit_count = Counter((row["entity_id"], row["action"]) for row in audits)
    known = set()
    for row in requests:
        request_id, ref = row["id"], str(row["id"])
        known.add(ref)
        if audit_count[ref, "create"] != 1:
            findings.problems.append(
                f"request {request_id}: {audit_count[ref, 'create']} audit entries for create"
            )
        expected = 1 if row["status"] == CHECKED else 0
        if row["status"] not in (INITIAL, CHECKED):
            findings.problems.append(f"request {request_id}: unexpected status {row['status']}")
        if step_count[request_id, "lengkap"] != expected:
            findings.problems.append(
                f"request {request_id} ({row['status']}): "
                f"{step_count[request_id, 'lengkap']} lengkap steps"
            )
        if audit_count[ref, "lengkap"] != expected:
            findings.problems.append(
                f"request {request_id} ({row['status']}): "
                f"{audit_count[ref, 'lengkap']} audit entries for lengkap"
            )
    orphans = {entity for entity, _ in audit_count} - known
    if orphans:
        findings.problems.append(f"audit entries for missing requests: {sorted(orphans)[:5]}")
