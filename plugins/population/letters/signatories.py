"""The officials a village lets sign its letters (name, NIP, jabatan, active), and the one a
signature names.

A village that keeps no list signs as before: the signing user's name under "Kepala Desa …".
Once it keeps one, the head picks who the letter names, and an official who is not the head
signs "a.n." (on behalf of) the head, as village letters do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.population.letters.tables import LetterSignatory

__all__ = [
    "SignatoryChoice",
    "SignatoryFormError",
    "active_signatories",
    "all_signatories",
    "choose_signatory",
    "save_signatory",
]

_NIP = re.compile(r"\d{18}")


class SignatoryFormError(ValueError):
    """The signatory cannot be saved; ``errors`` by field, in Indonesian."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class SignatoryChoice:
    """Who the signed letter names."""

    signatory_id: int | None
    name: str
    nip: str
    position: str
    on_behalf_of: str
    """The head's position when someone else signs for him, else empty."""


async def all_signatories() -> list[dict[str, Any]]:
    return (
        await LetterSignatory.select()
        .order_by(LetterSignatory.active, ascending=False)
        .order_by(LetterSignatory.id)
    )


async def active_signatories() -> list[dict[str, Any]]:
    return (
        await LetterSignatory.select()
        .where(LetterSignatory.active == True)  # noqa: E712 (a Piccolo column comparison)
        .order_by(LetterSignatory.id)
    )


def _head_position(tenant: Tenant) -> str:
    return f"Kepala {tenant.local_word} {tenant.display_name}"


def _on_behalf_of(tenant: Tenant, position: str) -> str:
    head = _head_position(tenant)
    is_head = position.strip().lower().startswith(f"kepala {tenant.local_word}".lower())
    return "" if is_head else head


async def choose_signatory(
    tenant: Tenant, chosen: object, signer_display_name: str
) -> SignatoryChoice | dict[str, str]:
    """The official named by ``chosen`` (a signatory id from the form), or errors by field."""
    listed = await active_signatories()
    if not listed:
        return SignatoryChoice(None, signer_display_name, "", _head_position(tenant), "")
    text = str(chosen or "").strip()
    row = next((r for r in listed if str(r["id"]) == text), None)
    if row is None:
        return {"penanda_tangan": _("Penanda tangan wajib dipilih dari daftar pejabat desa.")}
    return SignatoryChoice(
        row["id"], row["name"], row["nip"], row["position"], _on_behalf_of(tenant, row["position"])
    )


def _parse(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    name = str(values.get("name") or "").strip()
    nip = re.sub(r"\s+", "", str(values.get("nip") or ""))
    position = str(values.get("position") or "").strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Nama pejabat wajib diisi.")
    elif len(name) > 120:
        errors["name"] = _("Nama pejabat paling banyak 120 karakter.")
    if nip and not _NIP.fullmatch(nip):
        errors["nip"] = _("NIP harus 18 angka, atau dikosongkan bila pejabat bukan ASN.")
    if not position:
        errors["position"] = _("Jabatan wajib diisi, misalnya Kepala Desa atau Sekretaris Desa.")
    elif len(position) > 120:
        errors["position"] = _("Jabatan paling banyak 120 karakter.")
    active = str(values.get("active") or "") in {"1", "on", "true", "ya"}
    return {"name": name, "nip": nip, "position": position, "active": active}, errors


async def _already_listed(data: Mapping[str, Any]) -> bool:
    """Whether the same official in the same position is listed: a form sent twice (a double tap,
    a retry on a slow link) must not list them twice."""
    rows = await LetterSignatory.select(LetterSignatory.name, LetterSignatory.position)
    wanted = (data["name"].casefold(), data["position"].casefold())
    return any((r["name"].casefold(), r["position"].casefold()) == wanted for r in rows)


async def save_signatory(
    kernel: Kernel,
    tenant: Tenant,
    actor: str,
    values: Mapping[str, Any],
    now: datetime,
    signatory_id: int | None = None,
) -> int:
    """Add a signatory, or change one (``signatory_id``); audited either way."""
    data, errors = _parse(values)
    if errors:
        raise SignatoryFormError(errors)
    if signatory_id is None:
        if await _already_listed(data):
            listed = _("{name} sebagai {position} sudah ada di daftar penanda tangan.")
            raise SignatoryFormError({"name": listed.format(**data)})
        rows = await LetterSignatory.insert(
            LetterSignatory(**data, updated_by=actor, updated_at=now)
        ).returning(LetterSignatory.id)
        new_id = int(rows[0]["id"])
        await kernel.audit(
            tenant,
            actor=actor,
            action="create",
            entity="letter_signatory",
            entity_id=new_id,
            after=data,
        )
        return new_id
    before = await LetterSignatory.select().where(LetterSignatory.id == signatory_id).first()
    if before is None:
        raise LookupError(signatory_id)
    await LetterSignatory.update(
        {
            LetterSignatory.name: data["name"],
            LetterSignatory.nip: data["nip"],
            LetterSignatory.position: data["position"],
            LetterSignatory.active: data["active"],
            LetterSignatory.updated_by: actor,
            LetterSignatory.updated_at: now,
        }
    ).where(LetterSignatory.id == signatory_id)
    await kernel.audit(
        tenant,
        actor=actor,
        action="update",
        entity="letter_signatory",
        entity_id=signatory_id,
        before={key: before[key] for key in data},
        after=data,
    )
    return signatory_id
