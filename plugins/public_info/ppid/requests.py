"""Filing an information request and taking the actions of its lifecycle, without HTTP.

A request's status is replayed from its step history on every action (and checked against the
cached column), so a history can never say one thing and the queue another. Deadlines follow
``ppid.deadlines``; the rules of time the transition table cannot hold live here.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.localtime import local_day
from core.workflow import WorkflowError
from plugins.public_info.ppid import deadlines
from plugins.public_info.ppid.lifecycle import (
    PAYLOAD_FIELDS,
    PENDING,
    REQUEST_LIFECYCLE,
)
from plugins.public_info.tables import InfoRequest, InfoRequestFile, InfoRequestStep
from plugins.public_info.uploads import CheckedFile, store_file

IDEMPOTENCY_KIND = "public_info.request"
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 10
FILINGS_PER_HOUR = 5
"""Requests one address may file in one village within an hour; more are refused."""
NOTE_LIMIT = 2000
GRANTS = ("kabulkan", "kabulkan_sebagian")
"""The answers that may carry files: the information itself, sent to the requester."""
REQUESTER = "pemohon"
"""The actor of a step the requester takes from the tracking page."""


class ActionInvalid(WorkflowError):
    """The action's fields are missing or wrong: Indonesian errors by field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class TooManyFilings(Exception):
    """The address filed too many requests in this village within the hour."""


@dataclass(frozen=True, slots=True)
class Filed:
    id: int
    tracking_number: str
    access_code: str
    """Shown once, to the requester; only its hash is stored."""


def code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def origin_hash(secret_key: str, address: str) -> str:
    return hmac.new(secret_key.encode(), address.encode(), hashlib.sha256).hexdigest()


async def file_request(
    kernel: Kernel, village_code: str, values: Mapping[str, str], now: datetime, address: str
) -> Filed | int:
    """Store a checked request with its first step; a retry with the same idempotency key
    returns the id of the request it already made (the access code cannot be shown twice)."""
    key = values.get("idempotency_key", "")
    earlier = await recall(village_code, IDEMPOTENCY_KIND, key) if key else None
    if earlier is not None:
        return earlier
    origin = origin_hash(kernel.settings.secret_key, address)
    recent = await InfoRequest.count().where(
        (InfoRequest.origin == origin) & (InfoRequest.filed_at > now - timedelta(hours=1))
    )
    if recent >= FILINGS_PER_HOUR:
        raise TooManyFilings
    filed_on = local_day(now)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    fields = {name: values[name] for name in _STORED}
    rows = await InfoRequest.insert(
        InfoRequest(
            **fields,
            tracking_number="",
            access_hash=code_hash(code),
            filed_at=now,
            filed_on=filed_on,
            status=REQUEST_LIFECYCLE.initial,
            due_on=deadlines.answer_due(filed_on),
            origin=origin,
            idempotency_key=key,
        )
    ).returning(InfoRequest.id)
    request_id = int(rows[0]["id"])
    number = f"PPID-{filed_on.year}-{request_id:05d}"
    await InfoRequest.update({InfoRequest.tracking_number: number}).where(
        InfoRequest.id == request_id
    )
    await InfoRequestStep.insert(
        InfoRequestStep(
            request=request_id,
            action="ajukan",
            from_status="",
            to_status=REQUEST_LIFECYCLE.initial,
            actor=REQUESTER,
            at=now,
            payload={},
        )
    )
    if key:
        await remember(village_code, IDEMPOTENCY_KIND, key, REQUESTER, request_id)
    await kernel.audit(
        village_code,
        actor=REQUESTER,
        action="public_info.request.file",
        entity="public_info_request",
        entity_id=request_id,
        after={"tracking_number": number},
    )
    return Filed(request_id, number, code)


_STORED = (
    "requester_name",
    "identity_kind",
    "identity_number",
    "address",
    "phone",
    "email",
    "information",
    "purpose",
    "copy_form",
    "delivery",
)


async def load(request_id: int) -> dict[str, Any] | None:
    return await InfoRequest.select().where(InfoRequest.id == request_id).first()


async def find_for_requester(tracking_number: str, access_code: str) -> dict[str, Any] | None:
    """The request this number and code open; a wrong pair finds nothing, in constant time
    with respect to which half was wrong."""
    row = (
        await InfoRequest.select()
        .where(InfoRequest.tracking_number == tracking_number.strip().upper())
        .first()
    )
    if row is None or not hmac.compare_digest(row["access_hash"], code_hash(access_code)):
        return None
    return row


async def history(request_id: int) -> list[dict[str, Any]]:
    return (
        await InfoRequestStep.select()
        .where(InfoRequestStep.request == request_id)
        .order_by(InfoRequestStep.id)
    )


async def request_files(request_id: int) -> list[dict[str, Any]]:
    return (
        await InfoRequestFile.select()
        .where(InfoRequestFile.request == request_id)
        .order_by(InfoRequestFile.id)
    )


def replayed_status(steps: list[dict[str, Any]]) -> str:
    """The status the history yields (the first step, the filing itself, is not an action)."""
    return REQUEST_LIFECYCLE.derive(s["action"] for s in steps[1:])


def _payload(action: str, payload: Mapping[str, object]) -> dict[str, str]:
    wanted = {rule.field for rule in REQUEST_LIFECYCLE.action_payload.get(action, ())}
    kept = {}
    for name in PAYLOAD_FIELDS:
        value = str(payload.get(name, "") or "").strip()
        if name in wanted and value:
            kept[name] = value[:NOTE_LIMIT]
    return kept


def _answered_on(steps: list[dict[str, Any]], village_code: str) -> date:
    return local_day(steps[-1]["at"])


def check_timing(
    row: Mapping[str, Any], state: str, action: str, steps: list[dict[str, Any]], today: date
) -> None:
    """The rules of time: an extension comes before the deadline; an objection to a pending
    request waits for the deadline to pass, and any objection comes within 30 working days."""
    if action == "perpanjang" and deadlines.is_late(row["due_on"], today):
        raise WorkflowError(
            _("Batas waktu 10 hari kerja sudah lewat; perpanjangan harus diberikan sebelumnya.")
        )
    if action != "ajukan_keberatan":
        return
    if state in PENDING:
        if not deadlines.is_late(row["due_on"], today):
            raise WorkflowError(
                _(
                    "Permohonan ini masih dalam batas waktu jawaban; keberatan karena tidak "
                    "ditanggapi dapat diajukan setelah batas waktu lewat."
                )
            )
        start = row["due_on"]
    else:
        start = _answered_on(steps, row["village_code"])
    if today > deadlines.objection_filing_deadline(start):
        raise WorkflowError(_("Batas waktu pengajuan keberatan (30 hari kerja) sudah lewat."))


async def take_action(
    kernel: Kernel,
    request_id: int,
    action: str,
    payload: Mapping[str, object],
    *,
    actor: str,
    now: datetime,
    attachment: CheckedFile | None = None,
) -> str:
    """Take ``action`` on the request and return its new status; refusals raise a
    ``WorkflowError`` whose message is shown to the user as it is. A grant may carry the file
    of the information, which the requester then downloads from the status page."""
    row = await load(request_id)
    if row is None:
        raise LookupError(request_id)
    steps = await history(request_id)
    state = replayed_status(steps)
    following = REQUEST_LIFECYCLE.next_state(state, action)
    errors = REQUEST_LIFECYCLE.validate_payload(action, payload)
    if attachment is not None and action not in GRANTS:
        errors["berkas"] = _("Berkas hanya dilampirkan pada jawaban yang mengabulkan.")
    if errors:
        raise ActionInvalid(errors)
    today = local_day(now)
    check_timing(row, state, action, steps, today)
    changes: dict[Any, Any] = {InfoRequest.status: following}
    if action == "perpanjang":
        changes[InfoRequest.due_on] = deadlines.answer_due(row["filed_on"], extended=True)
    if action == "ajukan_keberatan":
        changes[InfoRequest.objection_due_on] = deadlines.objection_answer_due(today)
    kept = _payload(action, payload)
    if attachment is not None:
        kept["berkas"] = attachment.filename
    await InfoRequestStep.insert(
        InfoRequestStep(
            request=request_id,
            action=action,
            from_status=state,
            to_status=following,
            actor=actor,
            at=now,
            payload=kept,
        )
    )
    await InfoRequest.update(changes).where(InfoRequest.id == request_id)
    if attachment is not None:
        await InfoRequestFile.insert(
            InfoRequestFile(
                request=request_id,
                action=action,
                filename=attachment.filename,
                stored_name=store_file(kernel.settings, row["village_code"], attachment),
                content_type=attachment.content_type,
                size=len(attachment.data),
                sha256=attachment.sha256,
                added_by=actor,
                added_at=now,
            )
        )
    await kernel.audit(
        row["village_code"],
        actor=actor,
        action=f"public_info.request.{action}",
        entity="public_info_request",
        entity_id=request_id,
        before={"status": state},
        after={"status": following, **kept},
    )
    return following
