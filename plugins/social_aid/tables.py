"""Social aid's tables. Every one is a `TenantTable`: the core scopes each query to the request's
village, so a village never reads another's programmes or recipients.

A regency programme is one row per village (its share, with its own budget), linked by
`regency_key`: the regency decides the programme, each village's share is that village's data.
"""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    BigInt,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)

from core.db import TenantTable
from core.db.insert_only import insert_only


class Programme(TenantTable, tablename="social_aid_programme"):
    """An aid programme as one village runs (or, for national ones, records) it."""

    code = Varchar(length=20)
    """Short key rules refer to (`'PKH' in programmes`), unique in the village."""
    name = Varchar(length=120)
    kind = Varchar(length=20)
    """Kind of aid (cash, food, health…): nobody receives the same kind twice at once."""
    owner_level = Varchar(length=10)
    """`village` or `regency`: who decides the programme."""
    regency_key = Varchar(length=32, default="")
    """Shared by the village shares of one regency programme; empty for a village's own."""
    national = Boolean(default=False)
    """PKH, BPNT, PBI-JK: the village records who receives it, it runs no cycles."""
    target = Varchar(length=10)
    """`person`, `family` (KK) or `household`."""
    period_start = Date()
    period_end = Date()
    fund_source = Varchar(length=60)
    budget = BigInt(default=0)
    """Whole rupiah; approved cycles can never add up to more."""
    amount = BigInt(default=0)
    """Whole rupiah per cycle, per target or per member (`amount_basis`)."""
    amount_basis = Varchar(length=10, default="target")
    amount_cap = BigInt(default=0)
    """Largest amount per target per cycle when paid per member; 0 = no cap."""
    cycles = Integer(default=1)
    created_by = Varchar(length=64)
    created_at = Timestamptz()


class EligibilityRule(TenantTable, tablename="social_aid_rule"):
    """One tier of a programme's eligibility: a CEL expression over a resident's facts.

    Tiers are tried in `position` order; candidates come from the first tier that selects anyone
    (Permendes 2/2024: desil 1 first, then desil 2-4, then the listed criteria).
    """

    programme = ForeignKey(references=Programme, on_delete=OnDelete.restrict)
    position = Integer(default=1)
    name = Varchar(length=100)
    expression = Text()
    created_by = Varchar(length=64)
    created_at = Timestamptz()


class Recipient(TenantTable, tablename="social_aid_recipient"):
    """A person or family on a programme's list: decided by a deliberation, or, for a national
    programme, recorded as the ministry's list says. Identity is copied as it was when added, so
    the regency can find the same NIK or KK in two villages from this table alone."""

    programme = ForeignKey(references=Programme, on_delete=OnDelete.restrict)
    resident_id = Integer()
    family_id = Integer(null=True, default=None)
    nik = Varchar(length=16, index=True)
    kk_number = Varchar(length=16, default="", index=True)
    name = Varchar(length=100)
    birth_date = Date(null=True, default=None)
    dusun = Varchar(length=60, default="")
    members = Integer(default=1)
    """Living members of the family when added: the basis of a per-member amount."""
    source = Varchar(length=20)
    """`national` (recorded from the ministry's list) or `deliberation` (Musdesus)."""
    deliberation = Integer(null=True, default=None)
    since = Date()
    recorded_by = Varchar(length=64)
    recorded_at = Timestamptz()


@insert_only
class RecipientStop(TenantTable, tablename="social_aid_recipient_stop"):
    """Why a recipient no longer receives: a death or move out (from population's events), or an
    operator's decision. Written once; the recipient is active while it has none."""

    recipient = ForeignKey(references=Recipient, unique=True, on_delete=OnDelete.restrict)
    kind = Varchar(length=20)
    """`died`, `moved_out` or `ended`."""
    reason = Text()
    event_ref = Varchar(length=40, default="")
    stopped_by = Varchar(length=64)
    stopped_at = Timestamptz()


class WelfareRecord(TenantTable, tablename="social_aid_welfare"):
    """A family's welfare facts from the regency's DTSEN list or the village's survey; the newest
    row per KK is the one rules read."""

    kk_number = Varchar(length=16, index=True)
    decile = Integer(default=0)
    chronic_illness = Boolean(default=False)
    lost_livelihood = Boolean(default=False)
    bps_criteria = Integer(default=0)
    source = Varchar(length=40)
    recorded_by = Varchar(length=64)
    recorded_at = Timestamptz()


class Deliberation(TenantTable, tablename="social_aid_deliberation"):
    """A village's special meeting (Musdesus) that fixes a programme's recipients. Its status,
    meeting record and decision live in its append-only steps."""

    programme = ForeignKey(references=Programme, on_delete=OnDelete.restrict)
    title = Varchar(length=120)
    created_by = Varchar(length=64)
    created_at = Timestamptz()


@insert_only
class DeliberationStep(TenantTable, tablename="social_aid_deliberation_step"):
    """One action on a deliberation; `details` carries what the action recorded (the meeting's
    date, place, attendance and minutes; a reason)."""

    deliberation = ForeignKey(references=Deliberation, on_delete=OnDelete.restrict)
    action = Varchar(length=20)
    actor = Varchar(length=64)
    at = Timestamptz()
    details = JSON(default="{}")


class Candidate(TenantTable, tablename="social_aid_candidate"):
    """A person or family put before the meeting: selected by a rule, or proposed by the
    operator. Identity is copied as it was, like a recipient's."""

    deliberation = ForeignKey(references=Deliberation, on_delete=OnDelete.restrict)
    resident_id = Integer()
    family_id = Integer(null=True, default=None)
    nik = Varchar(length=16)
    kk_number = Varchar(length=16, default="")
    name = Varchar(length=100)
    birth_date = Date(null=True, default=None)
    dusun = Varchar(length=60, default="")
    source = Varchar(length=20)
    """`rule` or `operator`."""
    basis = Text(default="")
    """Why: the rule and the facts that decided, or the operator's reason."""
    added_by = Varchar(length=64)
    added_at = Timestamptz()


@insert_only
class CandidateDecision(TenantTable, tablename="social_aid_candidate_decision"):
    """The meeting's decision on a candidate, with its reason; the newest counts."""

    candidate = ForeignKey(references=Candidate, on_delete=OnDelete.restrict)
    include = Boolean()
    reason = Text(default="")
    decided_by = Varchar(length=64)
    decided_at = Timestamptz()


class Cycle(TenantTable, tablename="social_aid_cycle"):
    """One disbursement of a programme in the village; its status lives in its steps."""

    programme = ForeignKey(references=Programme, on_delete=OnDelete.restrict)
    number = Integer()
    title = Varchar(length=120)
    prepared_by = Varchar(length=64)
    created_at = Timestamptz()


@insert_only
class CycleStep(TenantTable, tablename="social_aid_cycle_step"):
    """One action on a cycle (submit, approve, start, close, cancel) with what it recorded."""

    cycle = ForeignKey(references=Cycle, on_delete=OnDelete.restrict)
    action = Varchar(length=20)
    actor = Varchar(length=64)
    at = Timestamptz()
    details = JSON(default="{}")


class PayoutSlot(TenantTable, tablename="social_aid_payout_slot"):
    """Where and when a hamlet's recipients collect (Sragen: a time slot per village so nobody
    queues for hours). An empty `dusun` serves every hamlet without a slot of its own."""

    cycle = ForeignKey(references=Cycle, on_delete=OnDelete.restrict)
    place = Varchar(length=120)
    dusun = Varchar(length=60, default="")
    starts_at = Timestamptz()
    ends_at = Timestamptz()


class Entitlement(TenantTable, tablename="social_aid_entitlement"):
    """What one recipient is due in one cycle, frozen when the cycle is submitted."""

    cycle = ForeignKey(references=Cycle, on_delete=OnDelete.restrict)
    recipient = ForeignKey(references=Recipient, on_delete=OnDelete.restrict)
    resident_id = Integer()
    nik = Varchar(length=16)
    name = Varchar(length=100)
    dusun = Varchar(length=60, default="")
    amount = BigInt()
    slot = ForeignKey(references=PayoutSlot, null=True, default=None, on_delete=OnDelete.restrict)
    door_to_door = Boolean(default=False)
    """Elderly, sick or disabled: the officer brings the aid home."""
    token = Varchar(length=32, unique=True)
    """Printed as the invitation slip's QR code; scanning it finds this entitlement."""


@insert_only
class CycleDocument(TenantTable, tablename="social_aid_cycle_document"):
    """The signed payout list of an approved cycle and its control totals."""

    cycle = ForeignKey(references=Cycle, unique=True, on_delete=OnDelete.restrict)
    path = Varchar(length=255)
    sha256 = Varchar(length=64)
    recipients = Integer()
    total = BigInt()
    signed_by = Varchar(length=64)
    signed_at = Timestamptz()


@insert_only
class Payout(TenantTable, tablename="social_aid_payout"):
    """An entitlement paid: once (the unique key refuses a second), never edited."""

    entitlement = ForeignKey(references=Entitlement, unique=True, on_delete=OnDelete.restrict)
    amount = BigInt()
    channel = Varchar(length=20)
    """`counter`, `door` (door to door) or `import` (the paying agent's reconciliation file)."""
    place = Varchar(length=120, default="")
    officer = Varchar(length=64)
    paid_at = Timestamptz()


@insert_only
class EntitlementStop(TenantTable, tablename="social_aid_entitlement_stop"):
    """An entitlement that will not be paid: suspended (death, move out) or not collected."""

    entitlement = ForeignKey(references=Entitlement, unique=True, on_delete=OnDelete.restrict)
    kind = Varchar(length=20)
    reason = Text()
    event_ref = Varchar(length=40, default="")
    stopped_by = Varchar(length=64)
    stopped_at = Timestamptz()


@insert_only
class LedgerEntry(TenantTable, tablename="social_aid_ledger"):
    """Double entry, whole rupiah: approval moves the fund to entitlements, a payout moves an
    entitlement to paid, a suspension or non-collection returns it to the fund."""

    cycle = ForeignKey(references=Cycle, on_delete=OnDelete.restrict)
    entitlement = ForeignKey(
        references=Entitlement, null=True, default=None, on_delete=OnDelete.restrict
    )
    debit = Varchar(length=40)
    credit = Varchar(length=40)
    amount = BigInt()
    at = Timestamptz()
    memo = Varchar(length=120, default="")


TABLES = [
    Programme,
    EligibilityRule,
    Recipient,
    RecipientStop,
    WelfareRecord,
    Deliberation,
    DeliberationStep,
    Candidate,
    CandidateDecision,
    Cycle,
    CycleStep,
    PayoutSlot,
    Entitlement,
    CycleDocument,
    Payout,
    EntitlementStop,
    LedgerEntry,
]
