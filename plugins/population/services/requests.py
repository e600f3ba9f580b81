"""Taking in a request and moving it along its lifecycle: the one place that writes them.

Pages, the API, the citizen portal and the demo all call these functions, so every door gives
the same checks, the same history and the same register updates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from core.workflow import TransitionRefused, UnknownAction
from plugins.population.services.checklist import (
    GUARDED_ACTIONS,
    ORIGINALS_FIELD,
    load_checklist,
    missing_documents_error,
    originals_in,
    unknown_originals_error,
)
from plugins.population.services.details import SUBJECT_OPTIONAL, validate_details
from plugins.population.services.kinds import KINDS, kind_title
from plugins.population.services.register_effects import apply_completion, document_number_error
from plugins.population.services.status_events import status_changed
from plugins.population.services.uploads import CheckedUpload, store_upload
from plugins.population.services.workflow import REQUEST_LIFECYCLE, validate_action_payload
from plugins.population.tables import Resident, ServiceDocument, ServiceRequest, ServiceStep

__all__ = [
    "ActionConflict",
    "ActionInvalid",
    "Submission",
    "SubmissionInvalid",
    "UnknownAction",
    "add_document",
    "find_by_key",
    "kind_title",
    "submit_request",
    "take_action",
    "validate_submission",
]

CHANNELS = ("loket", "online")
STEP_FIELDS = ("alasan", "nomor_dokumen", "nilai", "komentar", "catatan")


class SubmissionInvalid(ValueError):
    """The submission has errors; ``errors`` maps each field to its Indonesian message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class ActionInvalid(ValueError):
    """The action's data is incomplete (HTTP 422); ``errors`` by field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class ActionConflict(Exception):
    """The request's state does not allow the action (HTTP 409); the message is for the user."""


@dataclass(frozen=True, slots=True)
class Submission:
    """A checked request, ready to be stored."""

    kind: str
    resident_id: int | None
    applicant_name: str
    applicant_nik: str
    channel: str
    idempotency_key: str
    details: dict[str, str] = field(default_factory=dict)


def stored_key(village_code: str, key: str) -> str:
    """Keys are kept per village, so a key reused elsewhere can never touch this village."""
    return f"{village_code}:{key}"


async def find_by_key(village_code: str, key: str) -> int | None:
    """The request already created with this idempotency key, if any."""
    row = (
        await ServiceRequest.select(ServiceRequest.id)
        .where(
            (ServiceRequest.village_code == village_code)
            & (ServiceRequest.idempotency_key == stored_key(village_code, key))
        )
        .first()
    )
    return row["id"] if row else None


async def validate_submission(
    village_code: str, values: Mapping[str, str], channel: str, today: dt.date
) -> Submission:
    """Check what the counter form, the API or the portal sent; raise with every error at once."""
    errors: dict[str, str] = {}
    kind = values.get("kind", "").strip()
    if kind not in {k.key for k in KINDS}:
        errors["kind"] = _("Jenis layanan wajib dipilih dari daftar.")
    key = values.get("idempotency_key", "").strip()
    if not key or len(key) > 50:
        errors["idempotency_key"] = _("Kunci pengiriman tidak valid; muat ulang formulir.")
    applicant = " ".join(values.get("applicant_name", "").split())
    if not applicant:
        errors["applicant_name"] = _("Nama pemohon wajib diisi.")
    elif len(applicant) > 120:
        errors["applicant_name"] = _("Nama pemohon paling banyak 120 karakter.")
    applicant_nik = values.get("applicant_nik", "").strip()
    if applicant_nik and (len(applicant_nik) != 16 or not applicant_nik.isdigit()):
        errors["applicant_nik"] = _("NIK pemohon harus 16 digit angka.")
    resident_id = None
    nik = values.get("nik", "").strip()
    if nik:
        row = (
            await Resident.select(Resident.id)
            .where((Resident.village_code == village_code) & (Resident.nik == nik))
            .first()
        )
        if row is None:
            errors["nik"] = _("NIK tidak ditemukan di data penduduk desa ini.")
        else:
            resident_id = row["id"]
    elif kind and kind not in SUBJECT_OPTIONAL:
        errors["nik"] = _("NIK warga yang dilayani wajib diisi.")
    details, detail_errors = validate_details(kind, values, today)
    errors.update(detail_errors)
    if channel not in CHANNELS:
        errors["channel"] = _("Saluran pengajuan tidak dikenal.")
    if errors:
        raise SubmissionInvalid(errors)
    return Submission(kind, resident_id, applicant, applicant_nik, channel, key, details)


async def submit_request(
    kernel: Kernel,
    village_code: str,
    submission: Submission,
    uploads: Sequence[CheckedUpload],
    actor: str,
    now: dt.datetime,
) -> tuple[int, bool]:
    """Store the request (status ``diajukan``) and its files; ``(id, created)``.

    A repeat with the same idempotency key returns the first request and stores nothing.
    """
    existing = await find_by_key(village_code, submission.idempotency_key)
    if existing is not None:
        return existing, False
    created = await ServiceRequest.insert(
        ServiceRequest(
            village_code=village_code,
            kind=submission.kind,
            resident=submission.resident_id,
            applicant_name=submission.applicant_name,
            applicant_nik=submission.applicant_nik,
            channel=submission.channel,
            status=REQUEST_LIFECYCLE.initial,
            idempotency_key=stored_key(village_code, submission.idempotency_key),
            payload=submission.details,
            submitted_at=now,
            updated_at=now,
        )
    ).returning(ServiceRequest.id)
    request_id = created[0]["id"]
    for upload in uploads:
        await add_document(kernel, village_code, request_id, upload, actor, now)
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity="service_request",
        entity_id=request_id,
        after={
            "kind": submission.kind,
            "channel": submission.channel,
            "resident": submission.resident_id,
        },
    )
    return request_id, True


async def add_document(
    kernel: Kernel,
    village_code: str,
    request_id: int,
    upload: CheckedUpload,
    actor: str,
    now: dt.datetime,
) -> None:
    name = store_upload(kernel.settings, village_code, upload)
    await ServiceDocument.insert(
        ServiceDocument(
            village_code=village_code,
            request=request_id,
            doc_key=upload.doc_key,
            filename=upload.filename,
            stored_name=name,
            content_type=upload.content_type,
            size=len(upload.data),
            sha256=upload.sha256,
            uploaded_by=actor,
            uploaded_at=now,
        )
    )


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    value = row["payload"]
    if isinstance(value, str):
        loaded = json.loads(value or "{}")
        return loaded if isinstance(loaded, dict) else {}
    return dict(value or {})


async def take_action(
    kernel: Kernel,
    request: dict[str, Any],
    action: str,
    payload: Mapping[str, Any],
    actor: str,
    now: dt.datetime,
) -> str:
    """Apply ``action`` to a request row already loaded within its village; the new status.

    Raises :class:`UnknownAction` for an action the lifecycle lacks, :class:`ActionConflict`
    when the state refuses it or someone else moved the request first, :class:`ActionInvalid`
    when the action's data is missing, or when ``lengkap``/``teruskan`` would pass a required
    document that is neither uploaded nor recorded as seen in the original (``asli_dilihat``).
    Every change publishes ``population.request_status_changed``.
    """
    state = request["status"]
    try:
        target = REQUEST_LIFECYCLE.next_state(state, action)
    except TransitionRefused as exc:
        raise ActionConflict(str(exc)) from None
    errors = validate_action_payload(action, payload)
    number = str(payload.get("nomor_dokumen", "")).strip()
    if action == "selesai" and number and (error := document_number_error(request["kind"], number)):
        errors["nomor_dokumen"] = error
    comment = str(payload.get("komentar", "")).strip()
    if len(comment) > 500:
        errors["komentar"] = _("Komentar paling banyak 500 karakter.")
    seen_now = await _originals_seen_now(request, action, payload, errors)
    if errors:
        raise ActionInvalid(errors)
    village = request["village_code"]
    changes: dict[Any, Any] = {ServiceRequest.status: target, ServiceRequest.updated_at: now}
    details = _payload(request)
    if action == "selesai":
        changes[ServiceRequest.document_number] = number
        changes[ServiceRequest.payload] = {**details, "ready_at": now.isoformat()}
    if action == "nilai":
        changes[ServiceRequest.rating] = int(str(payload["nilai"]).strip())
        changes[ServiceRequest.rating_comment] = comment
    moved = (
        await ServiceRequest.update(changes)
        .where(
            (ServiceRequest.id == request["id"])
            & (ServiceRequest.village_code == village)
            & (ServiceRequest.status == state)
        )
        .returning(ServiceRequest.id)
    )
    if not moved:
        raise ActionConflict("Permohonan baru saja diubah petugas lain. Muat ulang halaman.")
    step: dict[str, Any] = {
        k: str(payload[k]).strip() for k in STEP_FIELDS if str(payload.get(k, "")).strip()
    }
    if seen_now:
        step[ORIGINALS_FIELD] = seen_now
    await ServiceStep.insert(
        ServiceStep(
            village_code=village,
            request=request["id"],
            action=action,
            from_status=state,
            to_status=target,
            actor=actor,
            at=now,
            payload=step,
        )
    )
    if action == "selesai":
        await apply_completion(kernel, request, details, number, actor, now)
    await kernel.audit(
        village,
        actor=actor,
        action=action,
        entity="service_request",
        entity_id=request["id"],
        before={"status": state},
        after={"status": target, **step},
    )
    reason = str(step.get("alasan", ""))
    await kernel.publish(status_changed(request, action, state, target, reason))
    return target


async def _originals_seen_now(
    request: dict[str, Any], action: str, payload: Mapping[str, Any], errors: dict[str, str]
) -> list[str]:
    """For ``lengkap``/``teruskan``: the documents this step records as seen in the original
    (only those neither uploaded nor seen before); adds the error when one is still missing."""
    if action not in GUARDED_ACTIONS:
        return []
    items = await load_checklist(request)
    seen_now = originals_in(payload)
    error = unknown_originals_error(items, seen_now) or missing_documents_error(items, seen_now)
    if error:
        errors[ORIGINALS_FIELD] = error
    pending = {item.key for item in items if not item.uploaded and not item.seen}
    return [key for key in seen_now if key in pending]
