"""A disbursement cycle's lifecycle: draft → submitted → approved → disbursing → closed, and
cancel (with a reason) before approval. Approval needs an approver who did not prepare it."""

from __future__ import annotations

from core.i18n import N_
from core.workflow import Lifecycle, RequiredText
from plugins.social_aid.permissions import APPROVE, MANAGE, PAY

DRAFT, SUBMITTED, APPROVED, DISBURSING, CLOSED, CANCELLED = (
    "draft",
    "submitted",
    "approved",
    "disbursing",
    "closed",
    "cancelled",
)
SUBMIT, APPROVE_ACTION, START, CLOSE, CANCEL = "submit", "approve", "start", "close", "cancel"

CYCLE = Lifecycle(
    name="social_aid.cycle",
    initial=DRAFT,
    transitions={
        (DRAFT, SUBMIT): SUBMITTED,
        (DRAFT, CANCEL): CANCELLED,
        (SUBMITTED, APPROVE_ACTION): APPROVED,
        (SUBMITTED, CANCEL): CANCELLED,
        (APPROVED, START): DISBURSING,
        (DISBURSING, CLOSE): CLOSED,
    },
    labels={
        DRAFT: N_("Draf"),
        SUBMITTED: N_("Menunggu persetujuan"),
        APPROVED: N_("Disetujui dan ditandatangani"),
        DISBURSING: N_("Sedang dibayarkan"),
        CLOSED: N_("Ditutup"),
        CANCELLED: N_("Dibatalkan"),
        SUBMIT: N_("Ajukan daftar bayar"),
        APPROVE_ACTION: N_("Setujui dan tandatangani"),
        START: N_("Mulai pembayaran"),
        CLOSE: N_("Tutup siklus"),
        CANCEL: N_("Batalkan siklus"),
    },
    action_permission={
        SUBMIT: MANAGE,
        APPROVE_ACTION: APPROVE,
        START: PAY,
        CLOSE: MANAGE,
        CANCEL: MANAGE,
    },
    action_payload={CANCEL: (RequiredText("reason", "Alasan pembatalan"),)},
)
