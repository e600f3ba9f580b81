"""Letters citizens ask for from the portal, and the operator's first step on them.

A request is a `Letter` row in ``diminta`` (see `REQUEST_LIFECYCLE`) with only its type, its
subject (the citizen or a member of his family) and its purpose; its first history step is
``minta``, taken by the citizen. The operator completes the type's fields, which renders the
body and moves it into ``draf``, where the ordinary approval chain takes over; or declines it
with a reason the citizen reads.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.workflow import TransitionRefused
from plugins.population.letters.context import parse_fields
from plugins.population.letters.kinds import LETTER_KINDS
from plugins.population.letters.service import (
    PAPERS,
    LetterFormError,
    load_letter,
    render_letter,
)
from plugins.population.letters.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import Letter, LetterStep, Resident

__all__ = [
    "citizen_actor",
    "decline_request",
    "draft_requested",
    "request_letter",
    "requested_letters",
]

MAX_PURPOSE = 300


def citizen_actor(resident_id: int) -> str:
    """How a citizen appears in histories and the audit chain (as the portal writes it)."""
    return f"warga:{resident_id}"


async def request_letter(
    kernel: Kernel,
    tenant: Tenant,
    requester: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    values: Mapping[str, Any],
    now: datetime,
) -> tuple[int, bool]:
    """Record a citizen's request: ``member`` (a family row id), ``kind``, ``keperluan`` and
    ``idempotency_key``. Returns the letter id and whether it is new (a resent form is not)."""
    sent_key = str(values.get("idempotency_key") or "").strip()
    errors: dict[str, str] = {}
    if not sent_key or len(sent_key) > 40:
        raise LetterFormError(
            {"kind": _("Formulir kedaluwarsa; muat ulang halaman lalu kirim lagi.")}
        )
    key = f"{tenant.code}:warga:{sent_key}"
    existing = await Letter.select(Letter.id).where(Letter.idempotency_key == key).first()
    if existing:
        return int(existing["id"]), False
    member = next((m for m in members if str(m["id"]) == str(values.get("member") or "")), None)
    if member is None:
        errors["member"] = _("Pilih anggota keluarga yang dibuatkan surat.")
    kind = LETTER_KINDS.get(str(values.get("kind") or ""))
    if kind is None:
        errors["kind"] = _("Jenis surat wajib dipilih dari daftar.")
    purpose = " ".join(str(values.get("keperluan") or "").split())
    if not purpose:
        errors["keperluan"] = _("Keperluan wajib diisi, misalnya melamar pekerjaan.")
    elif len(purpose) > MAX_PURPOSE:
        errors["keperluan"] = _("Keperluan paling banyak {limit} karakter.").format(
            limit=MAX_PURPOSE
        )
    if errors:
        raise LetterFormError(errors)
    assert member is not None and kind is not None
    actor = citizen_actor(int(requester["id"]))
    rows = await Letter.insert(
        Letter(
            kind=kind.code,
            resident=member["id"],
            status=REQUEST_LIFECYCLE.initial,
            data=json.dumps({"keperluan": purpose}),
            body="",
            paper="A4",
            idempotency_key=key,
            verify_token=secrets.token_urlsafe(30),
            created_by=actor,
            created_at=now,
        )
    ).returning(Letter.id)
    letter_id = int(rows[0]["id"])
    await _step(
        kernel, tenant, actor, letter_id, "minta", "", "diminta", now, {"keperluan": purpose}
    )
    return letter_id, True


async def requested_letters() -> list[dict[str, Any]]:
    """The village's open requests, oldest first: the top of the operator's drafting queue."""
    return (
        await Letter.select(
            Letter.id,
            Letter.kind,
            Letter.data,
            Letter.created_at,
            Letter.resident.name.as_alias("resident_name"),
        )
        .where(Letter.status == REQUEST_LIFECYCLE.initial)
        .order_by(Letter.id)
    )


async def _claim(tenant: Tenant, letter_id: int, action: str) -> dict[str, Any]:
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise LookupError(letter_id)
    REQUEST_LIFECYCLE.next_state(letter["status"], action)
    return letter


async def draft_requested(
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
    values: Mapping[str, Any],
    now: datetime,
) -> None:
    """Complete a request's fields and make it a draft; `LetterFormError` names what is wrong."""
    letter = await _claim(tenant, letter_id, "buat_draf")
    kind = LETTER_KINDS[letter["kind"]]
    data, errors = parse_fields(kind, values)
    paper = str(values.get("paper") or "A4")
    if paper not in PAPERS:
        errors["paper"] = _("Ukuran kertas harus A4 atau F4.")
    if errors:
        raise LetterFormError(errors)
    resident = await Resident.select().where(Resident.id == letter["resident"]).first()
    assert resident is not None, "a letter's resident is never deleted (restrict)"
    body = await render_letter(kernel, tenant, kind, resident, data)
    claimed = (
        await Letter.update(
            {
                Letter.status: "draf",
                Letter.data: json.dumps(data),
                Letter.body: body,
                Letter.paper: paper,
            }
        )
        .where((Letter.id == letter_id) & (Letter.status == "diminta"))
        .returning(Letter.id)
    )
    if not claimed:
        raise TransitionRefused("draf", "buat_draf", "Draf", REQUEST_LIFECYCLE.label("buat_draf"))
    await _step(
        kernel, tenant, principal.username, letter_id, "buat_draf", "diminta", "draf", now, {}
    )


async def decline_request(
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
    values: Mapping[str, Any],
    now: datetime,
) -> None:
    """Decline a request with the reason the citizen will read."""
    await _claim(tenant, letter_id, "tolak")
    errors = REQUEST_LIFECYCLE.validate_payload("tolak", values)
    if errors:
        raise LetterFormError(errors)
    claimed = (
        await Letter.update({Letter.status: "ditolak"})
        .where((Letter.id == letter_id) & (Letter.status == "diminta"))
        .returning(Letter.id)
    )
    if not claimed:
        raise TransitionRefused("ditolak", "tolak", "Ditolak", REQUEST_LIFECYCLE.label("tolak"))
    reason = str(values.get("alasan") or "").strip()
    await _step(
        kernel,
        tenant,
        principal.username,
        letter_id,
        "tolak",
        "diminta",
        "ditolak",
        now,
        {"alasan": reason},
    )


async def _step(
    kernel: Kernel,
    tenant: Tenant,
    actor: str,
    letter_id: int,
    action: str,
    before: str,
    after: str,
    now: datetime,
    payload: dict[str, str],
) -> None:
    await LetterStep.insert(
        LetterStep(
            letter=letter_id,
            action=action,
            from_status=before,
            to_status=after,
            actor=actor,
            at=now,
            payload=json.dumps(payload),
        )
    )
    await kernel.audit(
        tenant,
        actor=actor,
        action=action,
        entity="letter",
        entity_id=letter_id,
        before={"status": before} if before else None,
        after={"status": after, **payload},
    )
