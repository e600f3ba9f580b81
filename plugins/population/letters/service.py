"""Drafting letters and moving them along their approval chain; shared by pages, API and demo.

Every query names the village as well as the row, so a letter of another village is simply not
found, whatever the database's own Row-Level Security does.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, datetime
from typing import Any

from core.auth.principal import Principal, has_permission
from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.workflow import TransitionRefused, UnknownAction
from plugins.population.letters.body import LetterTemplateError, MissingLetterDataError
from plugins.population.letters.context import letter_context, parse_fields, typed_data
from plugins.population.letters.issue import Signer, issue_letter, village_names
from plugins.population.letters.kinds import LETTER_KINDS, LetterKind
from plugins.population.letters.renderer import render_letter_body
from plugins.population.letters.signing_checks import prepare_signing
from plugins.population.letters.workflow import (
    LETTER_LIFECYCLE,
    REQUEST_LIFECYCLE,
    validate_action_payload,
)
from plugins.population.tables import Letter, LetterStep, LetterTemplate, Resident

PAPERS = ("A4", "F4")
PAGE_SIZE = 25


class LetterFormError(ValueError):
    """The draft cannot be made; ``errors`` names each field with its Indonesian message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class ActionForbidden(PermissionError):
    """The user's roles do not include the permission the action needs."""


@dataclass(frozen=True)
class Draft:
    letter_id: int
    created: bool
    """False when the idempotency key named an existing letter."""


async def template_for(village_code: str, kind: LetterKind) -> str:
    """The village's own wording of ``kind``, or the default wording."""
    row = (
        await LetterTemplate.select(LetterTemplate.body)
        .where((LetterTemplate.village_code == village_code) & (LetterTemplate.kind == kind.code))
        .first()
    )
    return row["body"] if row else kind.body_template


async def find_resident(village_code: str, nik: str) -> dict[str, Any] | None:
    """The village's resident with this NIK, a living one first when the register has several."""
    return (
        await Resident.select()
        .where((Resident.village_code == village_code) & (Resident.nik == nik))
        .order_by(Resident.status)
        .first()
    )


async def create_letter(
    kernel: Kernel, tenant: Tenant, actor: str, values: Mapping[str, Any], now: datetime
) -> Draft:
    """Draft a letter from form or JSON values: ``kind``, ``nik``, ``paper``,
    ``idempotency_key`` and the kind's fields by dotted key (top level or under ``fields``)."""
    sent_key = str(values.get("idempotency_key") or "").strip()
    if not sent_key or len(sent_key) > 50:
        raise LetterFormError({"idempotency_key": _("Kunci idempotensi wajib (1–50 karakter).")})
    key = f"{tenant.code}:{sent_key}"  # kept per village: another village may use the same key
    existing = (
        await Letter.select(Letter.id)
        .where((Letter.village_code == tenant.code) & (Letter.idempotency_key == key))
        .first()
    )
    if existing:
        return Draft(existing["id"], created=False)
    errors: dict[str, str] = {}
    kind = LETTER_KINDS.get(str(values.get("kind") or ""))
    if kind is None:
        raise LetterFormError({"kind": _("Pilih jenis surat.")})
    paper = str(values.get("paper") or "A4")
    if paper not in PAPERS:
        errors["paper"] = _("Ukuran kertas harus A4 atau F4.")
    nik = str(values.get("nik") or "").strip()
    resident = await find_resident(tenant.code, nik) if nik else None
    if not nik:
        errors["nik"] = _("NIK penduduk wajib diisi.")
    elif resident is None:
        errors["nik"] = _("Penduduk dengan NIK {nik} tidak ditemukan di desa ini.").format(nik=nik)
    raw_fields = values.get("fields")
    data, field_errors = parse_fields(
        kind, raw_fields if isinstance(raw_fields, Mapping) else values
    )
    errors.update(field_errors)
    if errors:
        raise LetterFormError(errors)
    assert resident is not None
    body = await render_letter(kernel, tenant, kind, resident, data)
    rows = await Letter.insert(
        Letter(
            village_code=tenant.code,
            kind=kind.code,
            resident=resident["id"],
            status=LETTER_LIFECYCLE.initial,
            data=json.dumps(data),
            body=body,
            paper=paper,
            idempotency_key=key,
            verify_token=secrets.token_urlsafe(30),
            created_by=actor,
            created_at=now,
        )
    ).returning(Letter.id)
    letter_id = rows[0]["id"]
    await kernel.audit(
        tenant,
        actor=actor,
        action="create",
        entity="letter",
        entity_id=letter_id,
        after={"kind": kind.code, "resident": resident["id"], "paper": paper},
    )
    return Draft(letter_id, created=True)


async def render_letter(
    kernel: Kernel,
    tenant: Tenant,
    kind: LetterKind,
    resident: Mapping[str, Any],
    data: Mapping[str, Any],
) -> str:
    """The body of a letter about ``resident`` in the village's wording, or `LetterFormError`
    naming the field whose data is missing."""
    names = await village_names(kernel, tenant)
    context = letter_context(resident, names, typed_data(kind, data))
    try:
        return await render_letter_body(kind, await template_for(tenant.code, kind), context)
    except MissingLetterDataError as error:
        raise LetterFormError({_form_key(error.path): str(error)}) from None
    except LetterTemplateError as error:
        raise LetterFormError({"kind": str(error)}) from None


def _form_key(path: str) -> str:
    """Missing register data is reported against the resident field, typed data by its own."""
    return "nik" if path.startswith("resident.") else path


async def load_letter(village_code: str, letter_id: int) -> dict[str, Any] | None:
    return (
        await Letter.select(
            *Letter.all_columns(),
            Letter.resident.name.as_alias("resident_name"),
            Letter.resident.nik.as_alias("resident_nik"),
        )
        .where((Letter.village_code == village_code) & (Letter.id == letter_id))
        .first()
    )


async def letter_steps(village_code: str, letter_id: int) -> list[dict[str, Any]]:
    rows = (
        await LetterStep.select()
        .where((LetterStep.village_code == village_code) & (LetterStep.letter == letter_id))
        .order_by(LetterStep.id)
    )
    for row in rows:
        row["payload"] = json_dict(row["payload"])
    return rows


def actions_for(principal: Principal, tenant: Tenant, kernel: Kernel, status: str) -> list[str]:
    """Actions the user may take on a letter in ``status``: what the buttons offer."""
    return [
        action
        for action in LETTER_LIFECYCLE.allowed_actions(status)
        if has_permission(
            principal, tenant, LETTER_LIFECYCLE.permission_for(action) or "", kernel.permissions
        )
    ]


async def take_action(
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
    action: str,
    payload: Mapping[str, Any],
    now: datetime,
    *,
    unattended: bool = False,
) -> dict[str, str] | None:
    """Apply ``action`` to a letter; returns payload errors by field, or None when done.

    Raises ``LookupError`` for an unknown letter, :class:`UnknownAction`, :class:`ActionForbidden`
    for a user without the permission, ``TransitionRefused`` for a step the lifecycle forbids,
    and :class:`SigningRefused` for a wrong signing password. The status is claimed with a
    conditional update first, so two people acting on the same letter at once cannot both
    succeed.

    Signing asks for the signer's own password (``kata_sandi``) and, when the village keeps a
    list of signatories, for the one the letter names (``penanda_tangan``). ``unattended`` is
    for demo data only, where seeded officials sign with nobody at the keyboard.
    """
    letter = await load_letter(tenant.code, letter_id)
    if letter is None:
        raise LookupError(letter_id)
    if action not in LETTER_LIFECYCLE.actions:
        raise UnknownAction(action)
    permission = LETTER_LIFECYCLE.permission_for(action)
    if permission and not has_permission(principal, tenant, permission, kernel.permissions):
        raise ActionForbidden(action)
    before = letter["status"]
    after = LETTER_LIFECYCLE.next_state(before, action)
    errors = validate_action_payload(action, payload)
    if errors:
        return errors
    choice = None
    if action == "tandatangani":
        prepared = await prepare_signing(
            kernel, tenant, principal, letter, payload, now, unattended
        )
        if isinstance(prepared, dict):
            return prepared
        choice = prepared
    claimed = (
        await Letter.update({Letter.status: after})
        .where(
            (Letter.id == letter_id)
            & (Letter.village_code == tenant.code)
            & (Letter.status == before)
        )
        .returning(Letter.id)
    )
    if not claimed:
        current = await load_letter(tenant.code, letter_id)
        state = current["status"] if current else before
        raise TransitionRefused(
            state, action, LETTER_LIFECYCLE.label(state), LETTER_LIFECYCLE.label(action)
        )
    step_payload = {
        key: str(payload[key]).strip() for key in ("alasan",) if str(payload.get(key) or "").strip()
    }
    if before == after and await _repeats_last_step(
        tenant.code, letter_id, action, principal.username, step_payload
    ):
        return None
    if choice is not None:
        issued = await issue_letter(
            kernel,
            tenant,
            letter,
            LETTER_KINDS[letter["kind"]],
            Signer(principal.user_id, principal.username, principal.display_name),
            choice,
            now,
        )
        step_payload["nomor"] = issued.number
    await _record_step(
        kernel, tenant, principal, letter_id, action, before, after, now, step_payload
    )
    return None


async def _repeats_last_step(
    village_code: str, letter_id: int, action: str, actor: str, payload: dict[str, str]
) -> bool:
    """Whether the letter's latest step is this very one: the same person sending the same
    return again (a double click). Asked after the status claim, which holds the letter's row
    until commit, so a repeat sent at the same moment sees the first one's step."""
    last = (
        await LetterStep.select(LetterStep.action, LetterStep.actor, LetterStep.payload)
        .where((LetterStep.village_code == village_code) & (LetterStep.letter == letter_id))
        .order_by(LetterStep.id, ascending=False)
        .first()
    )
    return (
        last is not None
        and last["action"] == action
        and last["actor"] == actor
        and json_dict(last["payload"]) == payload
    )


async def _record_step(
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter_id: int,
    action: str,
    before: str,
    after: str,
    now: datetime,
    payload: dict[str, str],
) -> None:
    """Append the step to the letter's history and to the village's audit chain."""
    await LetterStep.insert(
        LetterStep(
            village_code=tenant.code,
            letter=letter_id,
            action=action,
            from_status=before,
            to_status=after,
            actor=principal.username,
            at=now,
            payload=json.dumps(payload),
        )
    )
    await kernel.audit(
        tenant,
        actor=principal.username,
        action=action,
        entity="letter",
        entity_id=letter_id,
        before={"status": before},
        after={"status": after, **payload},
    )


@dataclass(frozen=True)
class LetterFilter:
    kind: str = ""
    status: str = ""
    year: int | None = None
    page: int = 1


async def search_letters(
    village_code: str, criteria: LetterFilter
) -> tuple[list[dict[str, Any]], int]:
    """One page of the village's letters, newest first, and the number of pages."""
    where = Letter.village_code == village_code
    if criteria.kind in LETTER_KINDS:
        where &= Letter.kind == criteria.kind
    if criteria.status in LETTER_LIFECYCLE.states | REQUEST_LIFECYCLE.states:
        where &= Letter.status == criteria.status
    if criteria.year and not MINYEAR <= criteria.year < MAXYEAR:
        return [], 1  # no letter is dated in a year the calendar cannot hold
    if criteria.year:
        where &= (Letter.created_at >= datetime(criteria.year, 1, 1, tzinfo=UTC)) & (
            Letter.created_at < datetime(criteria.year + 1, 1, 1, tzinfo=UTC)
        )
    total = await Letter.count().where(where)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, criteria.page), pages)
    rows = (
        await Letter.select(
            Letter.id,
            Letter.kind,
            Letter.status,
            Letter.number,
            Letter.created_at,
            Letter.signed_at,
            Letter.resident.name.as_alias("resident_name"),
        )
        .where(where)
        .order_by(Letter.id, ascending=False)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    return rows, pages


async def count_by_status(village_code: str, status: str) -> int:
    return await Letter.count().where(
        (Letter.village_code == village_code) & (Letter.status == status)
    )
