"""The deliberation's lifecycle: prepared, held (meeting recorded), approved by the village head.

Candidates change only while the list is being prepared; once the head approves, the list is the
programme's and a change needs a new deliberation.
"""

from __future__ import annotations

from core.i18n import N_
from core.workflow import Lifecycle, RequiredText
from plugins.social_aid.permissions import APPROVE, MANAGE

DRAFT, HELD, APPROVED, CANCELLED = "draft", "held", "approved", "cancelled"
HOLD, REOPEN, APPROVE_ACTION, CANCEL = "hold", "reopen", "approve", "cancel"

DELIBERATION = Lifecycle(
    name="social_aid.deliberation",
    initial=DRAFT,
    transitions={
        (DRAFT, HOLD): HELD,
        (DRAFT, CANCEL): CANCELLED,
        (HELD, REOPEN): DRAFT,
        (HELD, APPROVE_ACTION): APPROVED,
        (HELD, CANCEL): CANCELLED,
    },
    labels={
        DRAFT: N_("Disiapkan"),
        HELD: N_("Musyawarah tercatat"),
        APPROVED: N_("Disetujui kepala desa"),
        CANCELLED: N_("Dibatalkan"),
        HOLD: N_("Catat hasil musyawarah"),
        REOPEN: N_("Buka kembali daftar"),
        APPROVE_ACTION: N_("Setujui daftar penerima"),
        CANCEL: N_("Batalkan musyawarah"),
    },
    action_permission={HOLD: MANAGE, REOPEN: MANAGE, APPROVE_ACTION: APPROVE, CANCEL: MANAGE},
    action_payload={
        HOLD: (
            RequiredText("meeting_date", "Tanggal musyawarah"),
            RequiredText("place", "Tempat musyawarah"),
            RequiredText("attendance", "Daftar hadir"),
            RequiredText("minutes", "Berita acara"),
        ),
        REOPEN: (RequiredText("reason", "Alasan"),),
        CANCEL: (RequiredText("reason", "Alasan"),),
    },
)
