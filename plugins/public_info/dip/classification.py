"""The four classes of public information (UU 14/2008 Pasal 9-17) and what each allows.

Periodic and immediate information is published: its file is downloadable by anyone. Information
available on request is listed, and its file goes to a requester through the PPID. Exempt
information is listed with its consequence test (which harm opening it would cause, and why
keeping it closed serves the public interest more), and is never served at all.
"""

from __future__ import annotations

from core.i18n import N_

BERKALA = "berkala"
SERTA_MERTA = "serta_merta"
SETIAP_SAAT = "setiap_saat"
DIKECUALIKAN = "dikecualikan"

CATEGORIES: dict[str, str] = {
    BERKALA: N_("Informasi berkala"),
    SERTA_MERTA: N_("Informasi serta merta"),
    SETIAP_SAAT: N_("Informasi tersedia setiap saat"),
    DIKECUALIKAN: N_("Informasi yang dikecualikan"),
}
EXPLANATIONS: dict[str, str] = {
    BERKALA: N_("Diumumkan paling sedikit setiap enam bulan."),
    SERTA_MERTA: N_("Diumumkan segera karena menyangkut hajat hidup orang banyak dan ketertiban."),
    SETIAP_SAAT: N_("Tersedia bagi siapa pun yang memintanya lewat permohonan informasi."),
    DIKECUALIKAN: N_("Tertutup berdasarkan uji konsekuensi; isinya tidak diberikan."),
}

DOWNLOADABLE = frozenset({BERKALA, SERTA_MERTA})
"""The classes whose file anyone may download from the village site."""


def is_downloadable(category: str, withdrawn: bool) -> bool:
    return category in DOWNLOADABLE and not withdrawn
