"""A referral's lifecycle: the explicit transition table its steps are replayed against."""

from __future__ import annotations

from core.i18n import N_
from core.workflow import Lifecycle, RequiredText
from plugins.health.permissions import RECEIVE, REFER

SENT, RECEIVED, HANDLED, RETURNED, CANCELLED, CLOSED = (
    "dikirim",
    "diterima",
    "ditangani",
    "dikembalikan",
    "dibatalkan",
    "selesai",
)
RECEIVE_ACTION, HANDLE, RETURN, CANCEL, CLOSE = (
    "terima",
    "tangani",
    "kembalikan",
    "batalkan",
    "tutup",
)

REFERRAL = Lifecycle(
    name="health.referral",
    initial=SENT,
    transitions={
        (SENT, RECEIVE_ACTION): RECEIVED,
        (SENT, RETURN): RETURNED,
        (SENT, CANCEL): CANCELLED,
        (RECEIVED, HANDLE): HANDLED,
        (RECEIVED, RETURN): RETURNED,
        (HANDLED, CLOSE): CLOSED,
        (RETURNED, CLOSE): CLOSED,
    },
    labels={
        SENT: N_("Dikirim ke puskesmas"),
        RECEIVED: N_("Diterima puskesmas"),
        HANDLED: N_("Sudah ditangani"),
        RETURNED: N_("Dikembalikan ke desa"),
        CANCELLED: N_("Dibatalkan"),
        CLOSED: N_("Selesai"),
        RECEIVE_ACTION: N_("Terima"),
        HANDLE: N_("Catat hasil penanganan"),
        RETURN: N_("Kembalikan ke desa"),
        CANCEL: N_("Batalkan"),
        CLOSE: N_("Tandai sudah dilihat"),
    },
    action_permission={
        RECEIVE_ACTION: RECEIVE,
        HANDLE: RECEIVE,
        RETURN: RECEIVE,
        CANCEL: REFER,
        CLOSE: REFER,
    },
    action_payload={
        HANDLE: (RequiredText("note", N_("Hasil penanganan")),),
        RETURN: (RequiredText("note", N_("Alasan")),),
        CANCEL: (RequiredText("note", N_("Alasan")),),
    },
)
OPEN_STATES = frozenset({SENT, RECEIVED})
