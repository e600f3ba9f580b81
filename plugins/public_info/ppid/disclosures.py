"""What the PPID's pages disclose for the access trail: a requester's identity and contact."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.audit import DisclosureKind, Subject
from core.i18n import N_

ENTITY = "public_info_request"
REQUEST_LIST = DisclosureKind("public_info.request.list", N_("Antrean permohonan informasi"))
REQUEST_DETAIL = DisclosureKind("public_info.request.detail", N_("Permohonan informasi"))


def subject(row: Mapping[str, Any]) -> Subject:
    """A request named by its id and, when the requester gave a KTP, by the NIK, so the trail
    can answer "who saw this person's request"."""
    number = str(row.get("identity_number") or "") if row.get("identity_kind") == "ktp" else ""
    return Subject(ENTITY, row["id"], number, str(row.get("village_code") or ""))


def subjects(rows: Iterable[Mapping[str, Any]]) -> list[Subject]:
    return [subject(row) for row in rows]
