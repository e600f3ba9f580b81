"""The lifecycle of an information request under UU 14/2008, as an explicit transition table.

A request starts ``diajukan``. The PPID answers it (fully, partly or not at all, the last two
citing an exemption of Pasal 17) or extends the deadline once, with a reason. The requester may
object (keberatan, Pasal 35) to a refusal, a partial or unsatisfying answer, or to a request left
unanswered past its deadline; the PPID's superior (atasan PPID) upholds or rejects the objection.
After that the requester goes to the Information Commission, which is outside this system.

That an objection to a still-pending request waits for the deadline to pass, and that it comes
within 30 working days, are rules of time, not of the table: see ``ppid.requests``.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_
from core.workflow import Lifecycle, RequiredText

HANDLE_PERMISSION = "public_info.request.handle"
DECIDE_PERMISSION = "public_info.objection.decide"

EXEMPTIONS: dict[str, str] = {
    "17a": N_("Pasal 17 huruf a: menghambat proses penegakan hukum"),
    "17b": N_("Pasal 17 huruf b: hak kekayaan intelektual atau persaingan usaha tidak sehat"),
    "17c": N_("Pasal 17 huruf c: pertahanan dan keamanan negara"),
    "17d": N_("Pasal 17 huruf d: kekayaan alam Indonesia"),
    "17e": N_("Pasal 17 huruf e: ketahanan ekonomi nasional"),
    "17f": N_("Pasal 17 huruf f: hubungan luar negeri"),
    "17g": N_("Pasal 17 huruf g: isi akta otentik atau wasiat seseorang"),
    "17h": N_("Pasal 17 huruf h: rahasia pribadi"),
    "17i": N_("Pasal 17 huruf i: memorandum atau surat antar badan publik yang dirahasiakan"),
    "17j": N_("Pasal 17 huruf j: dirahasiakan oleh undang-undang"),
    "tidak_dikuasai": N_("Informasi tidak dikuasai badan publik (Pasal 22 ayat 7 huruf d)"),
}
"""Why information is withheld: the exemptions of UU 14/2008 Pasal 17, and 'not held'."""

OBJECTION_GROUNDS: dict[str, str] = {
    "a": N_("Permohonan ditolak dengan alasan pengecualian"),
    "b": N_("Informasi berkala tidak disediakan"),
    "c": N_("Permohonan tidak ditanggapi"),
    "d": N_("Permohonan ditanggapi tidak sebagaimana yang diminta"),
    "e": N_("Permohonan tidak dipenuhi"),
    "f": N_("Biaya yang dikenakan tidak wajar"),
    "g": N_("Informasi disampaikan melebihi batas waktu"),
}
"""The grounds of an objection, UU 14/2008 Pasal 35 ayat 1 huruf a to g."""


@dataclass(frozen=True)
class OneOf:
    """A field whose value must be one of a fixed set of keys (a select in the form)."""

    field: str
    label: str
    """Indonesian name of the field, used in the error message."""
    choices: tuple[str, ...]

    def error(self, value: object) -> str | None:
        if isinstance(value, str) and value in self.choices:
            return None
        return f"Pilih {self.label.lower()}."


_EXEMPTION = OneOf("pengecualian", "Dasar pengecualian", tuple(EXEMPTIONS))
_REASON = RequiredText("alasan", "Alasan")
_ANSWER = RequiredText("jawaban", "Jawaban")
_GROUND = OneOf("dasar", "Alasan keberatan", tuple(OBJECTION_GROUNDS))
_RULING = RequiredText("tanggapan", "Tanggapan atasan PPID")

PENDING = ("diajukan", "diperpanjang")
ANSWERED = ("dikabulkan", "dikabulkan_sebagian", "ditolak")
OBJECTED = "keberatan"

REQUEST_LIFECYCLE = Lifecycle(
    name="public_info.request",
    initial="diajukan",
    transitions={
        ("diajukan", "perpanjang"): "diperpanjang",
        ("diajukan", "kabulkan"): "dikabulkan",
        ("diajukan", "kabulkan_sebagian"): "dikabulkan_sebagian",
        ("diajukan", "tolak"): "ditolak",
        ("diajukan", "ajukan_keberatan"): "keberatan",
        ("diperpanjang", "kabulkan"): "dikabulkan",
        ("diperpanjang", "kabulkan_sebagian"): "dikabulkan_sebagian",
        ("diperpanjang", "tolak"): "ditolak",
        ("diperpanjang", "ajukan_keberatan"): "keberatan",
        ("dikabulkan", "ajukan_keberatan"): "keberatan",
        ("dikabulkan_sebagian", "ajukan_keberatan"): "keberatan",
        ("ditolak", "ajukan_keberatan"): "keberatan",
        ("keberatan", "terima_keberatan"): "keberatan_diterima",
        ("keberatan", "tolak_keberatan"): "keberatan_ditolak",
    },
    labels={
        "diajukan": N_("Diajukan"),
        "diperpanjang": N_("Diperpanjang"),
        "dikabulkan": N_("Dikabulkan"),
        "dikabulkan_sebagian": N_("Dikabulkan sebagian"),
        "ditolak": N_("Ditolak"),
        "keberatan": N_("Keberatan diajukan"),
        "keberatan_diterima": N_("Keberatan diterima"),
        "keberatan_ditolak": N_("Keberatan ditolak"),
        "perpanjang": N_("Perpanjang 7 hari kerja"),
        "kabulkan": N_("Kabulkan"),
        "kabulkan_sebagian": N_("Kabulkan sebagian"),
        "tolak": N_("Tolak"),
        "ajukan_keberatan": N_("Ajukan keberatan"),
        "terima_keberatan": N_("Terima keberatan"),
        "tolak_keberatan": N_("Tolak keberatan"),
    },
    action_permission={
        "perpanjang": HANDLE_PERMISSION,
        "kabulkan": HANDLE_PERMISSION,
        "kabulkan_sebagian": HANDLE_PERMISSION,
        "tolak": HANDLE_PERMISSION,
        "terima_keberatan": DECIDE_PERMISSION,
        "tolak_keberatan": DECIDE_PERMISSION,
    },
    action_payload={
        "perpanjang": [_REASON],
        "kabulkan": [_ANSWER],
        "kabulkan_sebagian": [_ANSWER, _EXEMPTION, _REASON],
        "tolak": [_EXEMPTION, _REASON],
        "ajukan_keberatan": [_GROUND, _REASON],
        "terima_keberatan": [_RULING],
        "tolak_keberatan": [_RULING],
    },
)
"""``ajukan_keberatan`` needs no permission: the requester files it from the tracking page
(holding the tracking number and access code), or the PPID records one handed in on paper."""

PAYLOAD_FIELDS = ("alasan", "jawaban", "pengecualian", "dasar", "tanggapan")
"""Every field an action may carry; what a step stores."""
