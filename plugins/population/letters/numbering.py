"""Letter numbers in the form village offices already use, so issued numbers match the paper ledger.

The default pattern follows the numbering most village offices keep in their agenda book:
``[kode_surat]/[nomor]/[kode_desa]/[bulan romawi]/[tahun]``, e.g. ``474.1/007/2001/XI/2026``.
A village may reorder the parts or add literal text; only these placeholders exist.
"""

from __future__ import annotations

import re
from datetime import date

from core.i18n import _

DEFAULT_LETTER_NUMBER_PATTERN = "[kode_surat]/[nomor]/[kode_desa]/[bulan romawi]/[tahun]"

_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_PLACEHOLDER = re.compile(r"\[([^\[\]]*)\]")
_VILLAGE_PART = re.compile(r"\d{4}")


def roman_month(month: int) -> str:
    """Return the month as the Roman numeral written in letter numbers (11 → ``XI``)."""
    if not 1 <= month <= 12:
        raise ValueError(_("Bulan harus 1 sampai 12, bukan {month}.").format(month=month))
    return _ROMAN_MONTHS[month - 1]


def village_number_code(kode_wilayah: str) -> str:
    """Return the four village digits of a Kemendagri code (``35.27.01.2001`` → ``2001``).

    Letter numbers carry only the village's own part; the regency and district are implied by
    the letterhead. A bare four-digit code is accepted as is.
    """
    village_part = kode_wilayah.strip().rsplit(".", 1)[-1]
    if not _VILLAGE_PART.fullmatch(village_part):
        raise ValueError(
            _(
                "Kode desa {code!r} tidak dikenali: gunakan kode wilayah Kemendagri "
                "seperti 35.27.01.2001 atau empat digit terakhirnya."
            ).format(code=kode_wilayah)
        )
    return village_part


def format_letter_number(
    pattern: str, *, kode_surat: str, nomor: int, kode_desa: str, issued_on: date
) -> str:
    """Fill a village's numbering pattern for one letter.

    ``nomor`` is the letter's sequence within its type and year, padded to three digits;
    ``kode_desa`` is the village's Kemendagri code or its last four digits.
    """
    if nomor < 1:
        raise ValueError(
            _("Nomor urut surat harus 1 atau lebih, bukan {nomor}.").format(nomor=nomor)
        )
    values = {
        "kode_surat": kode_surat,
        "nomor": f"{nomor:03d}",
        "kode_desa": village_number_code(kode_desa),
        "bulan romawi": roman_month(issued_on.month),
        "tahun": str(issued_on.year),
    }

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            known = ", ".join(f"[{key}]" for key in values)
            raise ValueError(
                _(
                    "Pola nomor surat memuat bagian [{name}] yang tidak dikenal. "
                    "Bagian yang dapat dipakai: {known}."
                ).format(name=name, known=known)
            )
        return values[name]

    return _PLACEHOLDER.sub(fill, pattern)
