"""What social aid's pages disclose, for the access trail: aid data is specific personal data
under UU PDP, so every list of recipients or candidates and every recipient's record is logged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.audit import DisclosureKind, Subject
from core.i18n import N_

RULE_PREVIEW = DisclosureKind("social_aid.rule.preview", N_("Pratinjau aturan kelayakan bantuan"))
RECIPIENT_LIST = DisclosureKind("social_aid.recipient.list", N_("Daftar penerima bantuan"))
CANDIDATE_LIST = DisclosureKind("social_aid.candidate.list", N_("Daftar calon penerima bantuan"))
CYCLE_LIST = DisclosureKind("social_aid.cycle.list", N_("Daftar pencairan bantuan"))
OVERLAPS = DisclosureKind("social_aid.overlaps", N_("Penerima ganda antar desa"))


def people(rows: Iterable[Any]) -> list[Subject]:
    """Residents shown, from `PersonFacts` or recipient rows, named by id and NIK."""
    subjects = []
    for row in rows:
        if isinstance(row, dict):
            subjects.append(
                Subject("resident", row["resident_id"], row["nik"], row.get("village_code", ""))
            )
        else:
            subjects.append(Subject("resident", row.id, row.nik, row.village_code))
    return subjects
