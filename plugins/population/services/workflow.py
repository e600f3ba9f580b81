"""The lifecycle of a one-door civil-registry request, from the counter to the citizen's rating.

The village checks a request and forwards it; the regency office processes it; the village hands
the document over. When the regency finds a problem (``kembalikan_ke_desa``) the request goes back
to ``diperiksa``, the village's own queue: the village either fixes it and forwards it again, or
returns it to the applicant with ``kembalikan``. That is why ``kembalikan`` is allowed from
``diperiksa`` too, not only from ``diajukan``.

Creating a request is the submission itself (the record starts in ``diajukan``); it needs
:data:`SUBMIT_PERMISSION`, like resubmitting and cancelling. Operators at the counter hold that
permission as well, since they submit on behalf of citizens who come in person.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.workflow import IntegerBetween, Lifecycle, RequiredText

__all__ = [
    "CHECK_PERMISSION",
    "HANDOVER_PERMISSION",
    "PROCESS_PERMISSION",
    "RATE_PERMISSION",
    "REQUEST_LIFECYCLE",
    "SUBMIT_PERMISSION",
    "validate_action_payload",
]

SUBMIT_PERMISSION = "population.request.submit"
CHECK_PERMISSION = "population.request.check"
PROCESS_PERMISSION = "population.request.process"
HANDOVER_PERMISSION = "population.request.handover"
RATE_PERMISSION = "population.request.rate"

_REASON = RequiredText("alasan", "Alasan")

REQUEST_LIFECYCLE = Lifecycle(
    name="population.request",
    initial="diajukan",
    transitions={
        ("diajukan", "lengkap"): "diperiksa",
        ("diajukan", "kembalikan"): "dikembalikan",
        ("diajukan", "batalkan"): "dibatalkan",
        ("dikembalikan", "ajukan_ulang"): "diajukan",
        ("dikembalikan", "batalkan"): "dibatalkan",
        ("diperiksa", "teruskan"): "diteruskan",
        ("diperiksa", "kembalikan"): "dikembalikan",
        ("diperiksa", "batalkan"): "dibatalkan",
        ("diteruskan", "terima"): "diproses",
        ("diteruskan", "kembalikan_ke_desa"): "diperiksa",
        ("diproses", "kembalikan_ke_desa"): "diperiksa",
        ("diproses", "selesai"): "siap",
        ("siap", "serahkan"): "diserahkan",
        ("diserahkan", "nilai"): "dinilai",
    },
    labels={
        "diajukan": "Diajukan",
        "dikembalikan": "Dikembalikan ke pemohon",
        "diperiksa": "Lengkap, menunggu diteruskan",
        "diteruskan": "Diteruskan ke Disdukcapil",
        "diproses": "Diproses Disdukcapil",
        "siap": "Siap diambil",
        "diserahkan": "Diserahkan",
        "dinilai": "Selesai dan dinilai",
        "dibatalkan": "Dibatalkan",
        "lengkap": "Nyatakan lengkap",
        "kembalikan": "Kembalikan ke pemohon",
        "ajukan_ulang": "Ajukan ulang",
        "batalkan": "Batalkan",
        "teruskan": "Teruskan ke Disdukcapil",
        "terima": "Terima untuk diproses",
        "kembalikan_ke_desa": "Kembalikan ke desa",
        "selesai": "Selesai",
        "serahkan": "Serahkan ke pemohon",
        "nilai": "Beri nilai",
    },
    action_permission={
        "ajukan_ulang": SUBMIT_PERMISSION,
        "batalkan": SUBMIT_PERMISSION,
        "lengkap": CHECK_PERMISSION,
        "kembalikan": CHECK_PERMISSION,
        "teruskan": CHECK_PERMISSION,
        "terima": PROCESS_PERMISSION,
        "kembalikan_ke_desa": PROCESS_PERMISSION,
        "selesai": PROCESS_PERMISSION,
        "serahkan": HANDOVER_PERMISSION,
        "nilai": RATE_PERMISSION,
    },
    action_payload={
        "kembalikan": [_REASON],
        "kembalikan_ke_desa": [_REASON],
        "selesai": [RequiredText("nomor_dokumen", "Nomor dokumen")],
        "nilai": [IntegerBetween("nilai", "Nilai", 1, 4)],
    },
)


def validate_action_payload(action: str, payload: Mapping[str, object]) -> dict[str, str]:
    """Indonesian errors by field for what ``action`` must carry; empty when it may proceed."""
    return REQUEST_LIFECYCLE.validate_payload(action, payload)
